/// Which characters a surface can show. Widgets read it from the `Buffer` they draw into,
/// so an app picks ASCII once (for a non-UTF-8 locale) and every border, gauge, braille
/// plot and block glyph follows.
public enum Charset: Hashable, Sendable {
    /// Box drawing, eighth blocks, half blocks and braille.
    case unicode
    /// Printable ASCII only.
    case ascii
}
