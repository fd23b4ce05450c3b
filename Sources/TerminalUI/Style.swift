/// How a cell looks: colours plus text attributes. Styles compose with `patched(with:)`,
/// so a widget can lay a highlight over whatever style the caller gave it.
public struct Style: Hashable, Sendable {
    /// Text attributes a terminal can show; unsupported ones are simply ignored by it.
    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        /// Attributes from raw bits (see the static members).
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Modifiers(rawValue: 1 << 0)
        public static let dim = Modifiers(rawValue: 1 << 1)
        public static let italic = Modifiers(rawValue: 1 << 2)
        public static let underline = Modifiers(rawValue: 1 << 3)
        public static let reverse = Modifiers(rawValue: 1 << 4)
    }

    /// Foreground colour; `nil` keeps whatever is already in the cell when patching.
    public var fg: Color?
    /// Background colour; `nil` keeps whatever is already in the cell when patching.
    public var bg: Color?
    /// Attributes added by this style.
    public var modifiers: Modifiers
    /// Attributes this style removes when patched over another.
    public var removedModifiers: Modifiers

    /// Creates a style; unspecified colours mean "leave as is" (and render as the terminal default).
    public init(fg: Color? = nil, bg: Color? = nil, modifiers: Modifiers = [], removing removed: Modifiers = []) {
        self.fg = fg
        self.bg = bg
        self.modifiers = modifiers
        self.removedModifiers = removed
    }

    /// The empty style: terminal default colours, no attributes.
    public static let plain = Style()

    /// A copy with the given foreground.
    public func fg(_ color: Color) -> Style { var s = self; s.fg = color; return s }
    /// A copy with the given background.
    public func bg(_ color: Color) -> Style { var s = self; s.bg = color; return s }
    /// A copy with `bold` added.
    public var bold: Style { adding(.bold) }
    /// A copy with `dim` added.
    public var dim: Style { adding(.dim) }
    /// A copy with `italic` added.
    public var italic: Style { adding(.italic) }
    /// A copy with `underline` added.
    public var underline: Style { adding(.underline) }
    /// A copy with `reverse` added.
    public var reversed: Style { adding(.reverse) }

    /// A copy with extra attributes.
    public func adding(_ extra: Modifiers) -> Style {
        var s = self
        s.modifiers.formUnion(extra)
        s.removedModifiers.subtract(extra)
        return s
    }

    /// This style with `other` laid over it: other's colours win where set, its attributes
    /// are added and its removed attributes are taken away.
    public func patched(with other: Style) -> Style {
        var s = self
        if let fg = other.fg { s.fg = fg }
        if let bg = other.bg { s.bg = bg }
        s.modifiers.subtract(other.removedModifiers)
        s.modifiers.formUnion(other.modifiers)
        s.removedModifiers = []
        return s
    }
}
