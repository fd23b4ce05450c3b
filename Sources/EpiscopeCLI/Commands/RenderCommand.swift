import ArgumentParser
import ExplorerApp
import Foundation
import TerminalUI

/// `episcope render`: one explorer screen as text, without a terminal (tests, slides, README).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print an explorer screen as plain text (or with ANSI colours), computed from a seed.")

    @Option(help: "episode, prototypes, inner, sine or training.")
    var screen: String
    @Option(help: "Width x height in cells, e.g. 100x30 (at least 80x24 to show a screen).")
    var size: String = "100x30"
    @Option(help: "Seed for every random choice.")
    var seed: UInt64 = 7
    @Flag(help: "Keep colours as ANSI escape sequences.")
    var ansi = false
    @Flag(help: "Only ASCII characters (as a terminal without UTF-8 gets).")
    var ascii = false
    @Option(help: "How drawings are drawn: ascii, blocks or braille.")
    var glyphs: GlyphStyle = .ascii
    @Flag(help: "Show the screen as it opens, without the scripted steps.")
    var unscripted = false
    @Option(help: "The Omniglot folder (default: as `episcope data` installed it).")
    var data: String?
    @Option(help: "The folder of trained models (default: assets/models).")
    var models: String?

    func validate() throws {
        guard ScreenID(commandName: screen) != nil else {
            throw ValidationError("unknown screen '\(screen)'; use one of \(ScreenID.allCases.map(\.commandName).joined(separator: ", "))")
        }
        guard parsedSize() != nil else { throw ValidationError("--size wants WIDTHxHEIGHT, e.g. 100x30, between 1x1 and 1000x500") }
    }

    func parsedSize() -> (Int, Int)? {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...500).contains(h) else { return nil }
        return (w, h)
    }

    func run() throws {
        guard let screenID = ScreenID(commandName: screen), let (width, height) = parsedSize() else { return }
        var options = EngineOptions()
        options.dataDirectory = data
        options.modelsDirectory = models.map { URL(fileURLWithPath: $0) }
        options.log = { line in FileHandle.standardError.write(Data("episcope: \(line)\n".utf8)) }
        let request = ScreenRenderer.Request(screen: screenID, width: width, height: height, seed: seed, charset: ascii ? .ascii : .unicode,
                                             glyphMode: glyphs, scripted: !unscripted)
        let buffer = ScreenRenderer.render(request, options: options)
        print(ansi ? buffer.ansiText() : buffer.plainText())
    }
}
