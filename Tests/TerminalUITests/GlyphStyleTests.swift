import TerminalUI
import Testing

@Suite("Glyph style")
struct GlyphStyleTests {
    @Test("Unicode glyphs only in a UTF-8 locale")
    func locale() {
        #expect(GlyphStyle.effective(.braille, environment: ["LANG": "en_US.UTF-8"]) == .braille)
        #expect(GlyphStyle.effective(.blocks, environment: ["LANG": "C"]) == .ascii)
        #expect(GlyphStyle.effective(.blocks, environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(GlyphStyle.effective(.blocks, environment: ["LC_CTYPE": "de_DE.utf8"]) == .blocks)
        #expect(GlyphStyle.effective(.blocks, environment: [:]) == .ascii)
    }

    @Test("g cycles ascii, blocks, braille and back")
    func cycle() {
        #expect(GlyphStyle.ascii.next == .blocks)
        #expect(GlyphStyle.blocks.next == .braille)
        #expect(GlyphStyle.braille.next == .ascii)
    }
}
