import ArgumentParser
import CursesBackend
import ExplorerApp
import Foundation
import TerminalUI

/// `episcope` (or `episcope explore`): the interactive explorer in the terminal.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the explorer: episodes, prototypes, inner loops, sine adaptation and training, live.")

    @Option(help: "Screen to open on: episode, prototypes, inner, sine, training, compare or memory (default: episode with Omniglot, else sine).")
    var screen: ScreenID?
    @Option(parsing: .unconditional, help: "Seed for every random choice; the same seed shows the same episodes and tasks.")
    var seed: UInt64 = 7
    @Option(help: "How drawings are drawn: ascii, blocks or braille (ASCII only without a UTF-8 locale).")
    var glyphs: GlyphStyle = .ascii
    @OptionGroup var colorOptions: ColorOptions
    @Flag(help: "Do not ask the terminal for mouse events.")
    var noMouse = false
    @Option(help: "Where the Training screen's w and u save runs (default: runs/ in the data folder, ~/.local/share/episcope).")
    var runs: String?
    @Option(help: "Append diagnostics to this file (nothing is ever printed over the screen).")
    var log: String?
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var modelsOptions: ModelsOptions

    func run() throws {
        var options = EngineOptions(data: dataOptions, models: modelsOptions)
        options.runsDirectory = runs
        if let log {
            do {
                options.log = try FileLog(path: log).sink
            } catch {
                throw ValidationError("cannot write the log file \(log): \(error.localizedDescription)")
            }
        }
        let start = screen ?? StartScreen.choose(options: options)
        let colors = colorOptions.usesColor
        let session: CursesSession
        do {
            session = try CursesSession.open(CursesOptions(colors: colors, mouse: noMouse ? .off : .buttons, input: .raw))
        } catch {
            throw ValidationError("the explorer needs a terminal (\(error)); `episcope render --screen sine` prints a screen as text")
        }
        defer { session.close() }
        options.log("explorer started on \(start.commandName), \(session.isUTF8 ? "UTF-8" : "ASCII"), colours \(session.usesColors)")
        let terminal = Terminal(backend: session, charset: session.isUTF8 ? .unicode : .ascii)
        var state = AppState(screen: start, width: session.size.width, height: session.size.height, seed: seed)
        state.glyphMode = glyphs
        let runner = BackgroundRunner(engine: ExplorerEngine(options: options))
        let loop = AppLoop(terminal: terminal, state: state, runner: runner)
        loop.run()
        runner.shutDown()
    }
}
