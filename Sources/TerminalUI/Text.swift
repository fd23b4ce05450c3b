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

    /// Shorter forms of the line, longest first, each ending before a clause: before a ", ",
    /// a " (" or a double space ("MAML, shipped, 600 it" gives "MAML, shipped" and "MAML").
    public var clauseCuts: [Line] {
        let text = spans.map(\.text).joined()
        let characters = Array(text)
        var cuts: [Int] = []
        for i in characters.indices.dropFirst() where i + 1 < characters.count {
            let pair = String(characters[i...(i + 1)])
            if pair == ", " || pair == " (" || pair == "  " && characters[i - 1] != " " { cuts.append(i) }
        }
        return cuts.reversed().map { prefix(characters: $0) }
    }

    /// The first `count` characters, each span keeping its style.
    func prefix(characters count: Int) -> Line {
        var kept: [Span] = []
        var left = count
        for span in spans where left > 0 {
            let part = String(span.text.prefix(left))
            left -= part.count
            kept.append(Span(part, style: span.style))
        }
        return Line(kept, alignment: alignment)
    }

    /// The line cut to `width` columns, ending in an ellipsis (in the last kept span's style)
    /// when cut; empty when not even one character fits before the ellipsis.
    public func shortened(to width: Int, ascii: Bool) -> Line {
        guard self.width > width else { return self }
        let ellipsis = ascii ? "..." : "…"
        let room = width - CharacterWidth.of(ellipsis)
        var kept: [Span] = []
        var used = 0
        cutting: for span in spans {
            var text = ""
            for character in span.text {
                let w = CharacterWidth.of(String(character))
                if used + w > room {
                    if !text.isEmpty { kept.append(Span(text, style: span.style)) }
                    break cutting
                }
                text.append(character)
                used += w
            }
            kept.append(Span(text, style: span.style))
        }
        guard used > 0, let last = kept.last else { return Line([], alignment: alignment) }
        kept.append(Span(ellipsis, style: last.style))
        return Line(kept, alignment: alignment)
    }
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
