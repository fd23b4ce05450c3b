import ArgumentParser
import ExplorerApp
import Foundation
import TerminalUI

/// `episcope render`: one explorer screen as text, without a terminal (tests, slides, README).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print an explorer screen as plain text (or with ANSI colours), computed from a seed.")

    @Option(help: "episode, prototypes, inner, sine, training, compare or memory.")
    var screen: ScreenID
    @Option(
        help: ArgumentHelp("Width x height in cells, at least 80x24 to show a screen (default: 100x30).", valueName: "WIDTHxHEIGHT"),
        transform: TerminalSize.init(parsing:))
    var size = TerminalSize(width: 100, height: 30)
    @Option(parsing: .unconditional, help: "Seed for every random choice.")
    var seed: UInt64 = 7
    @Flag(help: "Keep colours as ANSI escape sequences.")
    var ansi = false
    @Flag(help: "Only ASCII characters (as a terminal without UTF-8 gets).")
    var ascii = false
    @Option(help: "How drawings are drawn: ascii, blocks or braille.")
    var glyphs: GlyphStyle = .ascii
    @Flag(help: "Show the screen as it opens, without the scripted steps.")
    var unscripted = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var modelsOptions: ModelsOptions

    func run() throws {
        let (screenID, width, height) = (screen, size.width, size.height)
        var options = EngineOptions(data: dataOptions, models: modelsOptions)
        options.log = { line in FileHandle.standardError.write(Data("episcope: \(line)\n".utf8)) }
        let request = ScreenRenderer.Request(
            screen: screenID, width: width, height: height, seed: seed, charset: ascii ? .ascii : .unicode,
            glyphMode: glyphs, scripted: !unscripted)
        let buffer = ScreenRenderer.render(request, options: options)
        print(ansi ? buffer.ansiText() : buffer.plainText())
    }
}
