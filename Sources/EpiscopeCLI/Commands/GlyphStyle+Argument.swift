import ArgumentParser
import TerminalUI

/// `--glyphs` of `episode`, `explore` and `render`: ascii, blocks or braille, in any case.
extension GlyphStyle: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
