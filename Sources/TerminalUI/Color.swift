/// A terminal colour: the terminal's default, an index into the 256-colour palette
/// (0–15 are the 16 ANSI colours), or a 24-bit value that backends downgrade to the palette.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour (respects transparent backgrounds).
    case `default`
    /// A palette index: 0–7 normal ANSI, 8–15 bright ANSI, 16–231 the 6×6×6 cube, 232–255 greys.
    case indexed(UInt8)
    /// A true colour; `paletteIndex` gives the nearest 256-colour entry.
    case rgb(UInt8, UInt8, UInt8)

    /// ANSI colour 0; the named colours below are palette entries 0–15.
    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)
    /// Bright black is what most palettes show as mid grey.
    public static let gray = Color.brightBlack

    /// A grey from the 24-step ramp (232–255); `level` is clamped to 0...1.
    public static func grayscale(_ level: Float) -> Color {
        let clamped = min(max(level, 0), 1)
        return .indexed(232 + UInt8((clamped * 23).rounded()))
    }

    /// A colour from the 6×6×6 cube; each component is clamped to 0...5.
    public static func cube(_ red: Int, _ green: Int, _ blue: Int) -> Color {
        let r = min(max(red, 0), 5), g = min(max(green, 0), 5), b = min(max(blue, 0), 5)
        return .indexed(UInt8(16 + 36 * r + 6 * g + b))
    }
}
