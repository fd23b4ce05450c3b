/// Styled text, optionally word-wrapped and scrolled. Each `Line` keeps its alignment.
public struct Paragraph: Widget, Hashable, Sendable {
    public var lines: [Line]
    /// Word-wrap at the area width; otherwise long lines are clipped.
    public var wrap: Bool
    /// Wrapped lines to skip at the top.
    public var scroll: Int
    /// Patched over the whole area before the text.
    public var style: Style

    /// A paragraph of styled lines.
    public init(_ lines: [Line], wrap: Bool = true, scroll: Int = 0, style: Style = .plain) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.style = style
    }

    /// A paragraph from plain text; "\n" starts a new line.
    public init(_ text: String, style: Style = .plain, wrap: Bool = true, alignment: Alignment = .left) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Line(String($0), style: style, alignment: alignment)
        }
        self.init(lines, wrap: wrap)
    }

    /// Number of rows the text needs at `width` (to size popups and scroll limits).
    public func lineCount(width: Int) -> Int {
        wrap ? lines.reduce(0) { $0 + Paragraph.wrap($1, width: width).count } : lines.count
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.setStyle(area, style: style)
        var row = -scroll
        for line in lines {
            let pieces = wrap ? Paragraph.wrap(line, width: area.width) : [line]
            for piece in pieces {
                if row >= area.height { return }
                if row >= 0 { buffer.set(line: piece, y: area.y + row, in: area) }
                row += 1
            }
        }
    }
}
