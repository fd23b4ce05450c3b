/// One terminal cell: a grapheme stored inline (a base scalar plus at most one combining
/// mark, so no heap allocation) and its style. A width-2 character occupies its own cell and
/// turns the next one into a continuation cell that backends skip.
public struct Cell: Hashable, Sendable {
    /// The base character.
    public var scalar: Unicode.Scalar
    /// One combining mark drawn over `scalar` (e.g. a decomposed accent); further marks are dropped.
    public var mark: Unicode.Scalar?
    /// Display width: 1 or 2, or 0 for the right half of a wide character.
    public var width: UInt8
    /// Colours and attributes.
    public var style: Style

    /// Creates a cell; `width` defaults to the display width of `scalar`.
    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, width: UInt8? = nil) {
        self.scalar = scalar
        self.mark = nil
        self.width = width ?? UInt8(clamping: max(1, CharacterWidth.of(scalar)))
        self.style = style
    }

    /// A blank cell in the terminal's default colours.
    public static let blank = Cell()

    /// The right half of a wide character (keeps the style so reverse video spans both halves).
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style, width: 1)
        cell.width = 0
        return cell
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }

    /// The grapheme as a string (empty for continuation cells).
    public var symbol: String {
        if isContinuation { return "" }
        var text = String(Character(scalar))
        if let mark { text.unicodeScalars.append(mark) }
        return text
    }
}
