import ArgumentParser
import CursesBackend
import ExplorerApp
import Foundation
import Lecture
import TerminalUI

/// `episcope lecture [FILE]`: a guided lecture over live explorer screens, or its handouts.
struct LectureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lecture",
        abstract: "Play a lecture: steps of live screens with captions (the built-in one, or FILE).")

    @Argument(help: "A lecture file (default: the built-in assets/lectures/meta-learning.lecture).")
    var file: String?
    @Option(help: "standard or projector (high contrast, thick glyphs).")
    var theme: String = "standard"
    @Option(help: "Record the screen to this asciicast v2 file (plays in asciinema).")
    var record: String?
    @Option(help: "Write every step as plain text (.txt) and ANSI (.ans) into this folder, without a terminal.")
    var export: String?
    @Option(help: "Size of exported steps, WIDTHxHEIGHT.")
    var size: String = "100x30"
    @Option(help: "Start at this step (1-based).")
    var step: Int = 1
    @Option(help: "Where the drawing pad saves its PNGs (default: the current folder).")
    var drawings: String?
    @Option(help: "A 105x105 PNG the drawing pad's `l` loads first.")
    var drawing: String?
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false
    @Flag(help: "Do not ask the terminal for mouse events.")
    var noMouse = false
    @Option(help: "The Omniglot folder (default: as `episcope data` installed it).")
    var data: String?
    @Option(help: "The folder of trained models (default: assets/models).")
    var models: String?

    func validate() throws {
        guard LectureTheme(rawValue: theme) != nil else { throw ValidationError("--theme wants standard or projector") }
        guard parsedSize() != nil else { throw ValidationError("--size wants WIDTHxHEIGHT, e.g. 100x30") }
    }

    func parsedSize() -> (Int, Int)? {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...500).contains(h) else { return nil }
        return (w, h)
    }

    func run() throws {
        let lecture = try loadLecture()
        var options = EngineOptions()
        options.dataDirectory = data
        options.modelsDirectory = models.map { URL(fileURLWithPath: $0) }
        let results = ResultsTable.load(directory: LectureFiles.modelsDirectory(options))
        let themeChoice = LectureTheme(rawValue: theme) ?? .standard
        if let export {
            guard let (width, height) = parsedSize() else { return }
            options.log = { line in FileHandle.standardError.write(Data("episcope: \(line)\n".utf8)) }
            let runner = InlineRunner(engine: ExplorerEngine(options: options))
            let frames = LectureRenderer.renderAll(lecture, width: width, height: height, theme: themeChoice, results: results, runner: runner)
            let files = try LectureRenderer.export(frames, lecture: lecture, to: URL(fileURLWithPath: export))
            print("wrote \(files.count) files for \(frames.count) steps to \(export)")
            return
        }
        try present(lecture, options: options, results: results, theme: themeChoice)
    }

    private func loadLecture() throws -> Lecture {
        guard let path = file ?? LectureFiles.builtInPath() else {
            throw ValidationError("the built-in lecture (assets/lectures/\(LectureFiles.builtIn)) was not found; give a lecture FILE")
        }
        do {
            return try LectureParser.load(path: path)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    private func present(_ lecture: Lecture, options: EngineOptions, results: ResultsTable, theme: LectureTheme) throws {
        let colors = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let session: CursesSession
        do {
            session = try CursesSession.open(CursesOptions(colors: colors, mouse: noMouse ? .off : .motion, input: .raw))
        } catch {
            throw ValidationError("the lecture needs a terminal (\(error)); `episcope lecture --export DIR` writes the steps as text")
        }
        defer { session.close() }
        var recorder: AsciicastRecorder?
        if let record {
            do {
                recorder = try AsciicastRecorder(path: record, width: session.size.width, height: session.size.height)
            } catch {
                session.close()
                throw ValidationError("cannot write the recording \(record): \(error.localizedDescription)")
            }
        }
        defer { recorder?.close() }
        let terminal = Terminal(backend: session, charset: session.isUTF8 ? .unicode : .ascii)
        var state = LectureState(lecture: lecture, width: session.size.width, height: session.size.height, theme: theme)
        state.results = results
        let runner = BackgroundRunner(engine: ExplorerEngine(options: options))
        let folder = URL(fileURLWithPath: drawings ?? FileManager.default.currentDirectoryPath)
        let loop = LectureLoop(terminal: terminal, state: state, runner: runner, recorder: recorder,
                               drawings: DrawingFiles(directory: folder, preload: drawing))
        if step > 1 { loop.dispatch(.jump(step)) }
        loop.run()
        runner.shutDown()
    }
}
