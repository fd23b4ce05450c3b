import CNCurses
import TerminalUI

/// ncurses draws colours through numbered (foreground, background) pairs that must be
/// declared first. Pairs are allocated the first time a combination is drawn and reused
/// after that; a frame typically needs a few dozen.
struct ColorPairCache {
    private var pairs: [Int: Int] = [:]
    private var nextPair = 1
    let paletteSize: Int
    let maxPairs: Int
    let defaultColors: Bool

    init(paletteSize: Int = 0, maxPairs: Int = 0, defaultColors: Bool = false) {
        self.paletteSize = paletteSize
        self.maxPairs = maxPairs
        self.defaultColors = defaultColors
    }

    /// The pair number for a combination, declaring it on first use. `nil` colours are the
    /// terminal defaults (-1) when `use_default_colors` worked, else white on black.
    mutating func pair(foreground: Color?, background: Color?) -> Int {
        let indices = Color.palettePair(foreground: foreground, background: background, paletteSize: paletteSize)
        let fg = indices.foreground ?? (defaultColors ? -1 : 7)
        let bg = indices.background ?? (defaultColors ? -1 : 0)
        if fg == -1 && bg == -1 { return 0 }
        let key = (fg + 1) << 16 | (bg + 1)
        if let existing = pairs[key] { return existing }
        // Out of pairs: fall back to the default pair rather than recycle one that is on screen.
        guard nextPair < maxPairs else { return 0 }
        let pair = nextPair
        guard init_extended_pair(Int32(pair), Int32(fg), Int32(bg)) != ep_err() else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

}
