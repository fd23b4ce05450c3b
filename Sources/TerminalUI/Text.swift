/// A run of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    /// A span of `text` in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the span occupies.
    public var width: Int { CharacterWidth.of(text) }
}

/// Horizontal placement of text within its area.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}

/// One line of styled spans.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public var alignment: Alignment

    /// A line of spans.
    public init(_ spans: [Span], alignment: Alignment = .left) {
        self.spans = spans
        self.alignment = alignment
    }

    /// A line of one span.
    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left) {
        self.init([Span(text, style: style)], alignment: alignment)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the line occupies.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
}

extension Buffer {
    /// Draws `line` on row `y` of `area`, honouring its alignment and clipping to `area`.
    public mutating func set(line: Line, y: Int, in area: Rect) {
        let offset: Int
        switch line.alignment {
        case .left: offset = 0
        case .center: offset = max(0, (area.width - line.width) / 2)
        case .right: offset = max(0, area.width - line.width)
        }
        set(x: area.x + offset, y: y, spans: line.spans, clip: area)
    }
}
