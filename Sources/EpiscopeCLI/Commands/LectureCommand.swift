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
    var theme: LectureTheme = .standard
    @Option(help: "Record the screen to this asciicast v2 file (plays in asciinema).")
    var record: String?
    @Option(help: "Write every step as plain text (.txt) and ANSI (.ans) into this folder, without a terminal.")
    var export: String?
    @Option(help: ArgumentHelp("Size of exported steps (default: 100x30).", valueName: "WIDTHxHEIGHT"), transform: TerminalSize.init(parsing:))
    var size = TerminalSize(width: 100, height: 30)
    @Option(parsing: .unconditional, help: "Start at this step (1-based).")
    var step: Int = 1
    @Option(help: "Where the drawing pad saves its PNGs (default: drawings/ in the data folder, ~/.local/share/episcope).")
    var drawings: String?
    @Option(help: "A 105x105 PNG the drawing pad's `l` loads first.")
    var drawing: String?
    @OptionGroup var colorOptions: ColorOptions
    @Flag(help: "Do not ask the terminal for mouse events.")
    var noMouse = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var modelsOptions: ModelsOptions

    func validate() throws {
        try NumericCheck.positive(step, "--step")
        // Exporting into a file would end in Foundation's "file exists" after the steps are drawn.
        var isFolder: ObjCBool = false
        if let export, FileManager.default.fileExists(atPath: export, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--export \(export) exists and is not a folder; give a folder (it is created when missing)")
        }
    }

    func run() throws {
        let lecture = try loadLecture()
        // Export writes every step; presenting starts at one, which must exist.
        guard export != nil || step <= lecture.steps.count else {
            throw ValidationError("--step \(step) is past the end: the lecture has \(lecture.steps.count) steps")
        }
        var options = EngineOptions(data: dataOptions, models: modelsOptions)
        let results = ResultsTable.load(directory: LectureFiles.modelsDirectory(options))
        if let export {
            let (width, height) = (size.width, size.height)
            options.log = { line in FileHandle.standardError.write(Data("episcope: \(line)\n".utf8)) }
            let runner = InlineRunner(engine: ExplorerEngine(options: options))
            let frames = LectureRenderer.renderAll(lecture, width: width, height: height, theme: theme, results: results, runner: runner)
            let files: [URL]
            do {
                files = try LectureRenderer.export(frames, lecture: lecture, to: URL(fileURLWithPath: export))
            } catch {
                throw failing("cannot write the steps to \(export): \(error.localizedDescription)")
            }
            print("wrote \(files.count) files for \(frames.count) steps to \(export)")
            return
        }
        try present(lecture, options: options, results: results, theme: theme)
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
        let colors = colorOptions.usesColor
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
        let folder = drawings.map { URL(fileURLWithPath: $0) } ?? DrawingFiles.defaultDirectory()
        let loop = LectureLoop(
            terminal: terminal, state: state, runner: runner, recorder: recorder,
            drawings: DrawingFiles(directory: folder, preload: drawing))
        if step > 1 { loop.dispatch(.jump(step)) }
        loop.run()
        runner.shutDown()
    }
}
