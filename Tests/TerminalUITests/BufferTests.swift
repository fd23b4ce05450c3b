import Testing

@testable import TerminalUI

@Suite struct BufferTests {
    @Test func setWritesStyledTextAndReturnsNextColumn() {
        var buffer = Buffer(width: 10, height: 2)
        let next = buffer.set(x: 1, y: 0, string: "abc", style: Style(fg: .red))
        #expect(next == 4)
        #expect(buffer.plainText() == " abc\n")
        #expect(buffer[2, 0].scalar == "b")
        #expect(buffer[2, 0].style.fg == .red)
    }

    @Test func setClipsToRectAndBuffer() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.set(x: 0, y: 0, string: "abcdefgh", clip: Rect(x: 2, y: 0, width: 3, height: 1))
        buffer.set(x: 6, y: 1, string: "xyz")
        buffer.set(x: 0, y: 5, string: "outside")
        #expect(buffer.plainText() == "  cde\n      xy")
    }

    @Test func wideCharacterOccupiesTwoCells() {
        var buffer = Buffer(width: 6, height: 1)
        let next = buffer.set(x: 0, y: 0, string: "中a")
        #expect(next == 3)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].scalar == "a")
        #expect(buffer.plainText() == "中a")
    }

    @Test func wideCharacterThatDoesNotFitIsDropped() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.set(x: 0, y: 0, string: "ab中")
        #expect(buffer.plainText() == "ab")
        #expect(!buffer[2, 0].isContinuation)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.set(x: 0, y: 0, string: "中中")
        buffer.set(x: 1, y: 0, string: "x")
        #expect(buffer.plainText() == " x中")
        #expect(buffer[0, 0].width == 1)
        buffer.set(x: 2, y: 0, string: "y")
        #expect(buffer.plainText() == " xy")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func combiningMarkAttachesToPreviousCharacter() {
        var buffer = Buffer(width: 4, height: 1)
        let next = buffer.set(x: 0, y: 0, string: "e\u{301}x")
        #expect(next == 2)
        #expect(buffer[0, 0].mark == "\u{301}")
        #expect(buffer.plainText() == "e\u{301}x")
    }

    @Test func fillAndSetStyle() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 5), with: "#", style: Style(bg: .blue))
        buffer.setStyle(Rect(x: 0, y: 1, width: 2, height: 1), style: Style(fg: .red).bold)
        #expect(buffer.plainText() == "\n ##\n ##")
        #expect(buffer[1, 1].style == Style(fg: .red, bg: .blue, modifiers: .bold))
        #expect(buffer[0, 1].style.fg == .red)
        #expect(buffer[2, 2].style.fg == nil)
    }

    @Test func plainTextTrimsTrailingSpacesOnly() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.set(x: 0, y: 0, string: " a b  ")
        #expect(buffer.plainText() == " a b\n")
    }

    @Test func ansiTextEmitsStylesAndResets() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.set(x: 0, y: 0, string: "ab", style: Style(fg: .red, modifiers: .bold))
        buffer.set(x: 2, y: 0, string: "c", style: Style(fg: .indexed(200)))
        #expect(buffer.ansiText() == "\u{1B}[0;1;31mab\u{1B}[0;38;5;200mc\u{1B}[0m")
    }

    @Test func styleModifiersComposeByPatching() {
        let base = Style(fg: .red, bg: .black, modifiers: [.bold, .underline])
        let patched = base.patched(with: Style(fg: .green, modifiers: .italic, removing: .underline))
        #expect(patched == Style(fg: .green, bg: .black, modifiers: [.bold, .italic]))
    }

    @Test func rgbColoursDowngradeToThePalette() {
        #expect(Color.rgb(255, 0, 0).paletteIndex == 196)
        #expect(Color.rgb(128, 128, 128).paletteIndex == 244)
        #expect(Color.indexed(196).paletteIndex(forPaletteSize: 16) == 9)
        #expect(Color.indexed(196).paletteIndex(forPaletteSize: 8) == 1)
        #expect(Color.default.paletteIndex(forPaletteSize: 256) == nil)
    }

    @Test("eight colours: grey is the default colour, never black; a heat-map number never matches its cell")
    func eightColourGreys() {
        #expect(Color.gray.paletteIndex(forPaletteSize: 8) == nil, "grey borders, axes and muted text")
        #expect(Color.rgb(128, 128, 128).paletteIndex(forPaletteSize: 8) == nil)
        #expect(Color.gray.paletteIndex(forPaletteSize: 16) == 8 && Color.gray.paletteIndex(forPaletteSize: 256) == 8)
        #expect(Color.rgb(20, 20, 20).paletteIndex(forPaletteSize: 8) == 0)
        #expect(Color.brightWhite.paletteIndex(forPaletteSize: 8) == 7)
        // Every viridis cell keeps a colour other than black, except its darkest end, and its
        // number stays readable on it.
        for step in 0...10 {
            let t = Float(step) / 10
            let cell = ColorScale.viridis.color(at: t), text = ColorScale.viridis.contrastingText(at: t)
            let pair = Color.palettePair(foreground: text, background: cell, paletteSize: 8)
            #expect(pair.foreground != pair.background, "t \(t): \(pair)")
            if t >= 0.5 { #expect(cell.paletteIndex(forPaletteSize: 8) != 0, "t \(t) drawn black") }
        }
        #expect(Color.palettePair(foreground: .black, background: .rgb(10, 10, 10), paletteSize: 8) == (nil, 0))
    }

    @Test func numberFormattingIsFixedPoint() {
        #expect(NumberFormatting.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberFormatting.fixed(-1.5, decimals: 1) == "-1.5")
        #expect(NumberFormatting.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormatting.fixed(12.0, decimals: 0) == "12")
        #expect(NumberFormatting.tick(0.25, step: 0.25) == "0.25")
        #expect(NumberFormatting.tick(20_000, step: 5_000) == "20.0k")
    }
}
