/// A bordered frame with titles, the container around every panel. Draw the block, then
/// draw the panel's content into `inner(area)`.
public struct Block: Widget, Hashable, Sendable {
    /// A title set into the top or bottom border.
    public struct Title: Hashable, Sendable {
        /// Which border the title sits in.
        public enum Position: Hashable, Sendable { case top, bottom }

        public var line: Line
        public var alignment: Alignment
        public var position: Position
        /// Shorter forms for a narrow block, longest first, tried before the line's own clauses
        /// are shed (see ``Line/clauseCuts``) and before it is cut with an ellipsis.
        public var shorter: [Line]

        /// A styled title.
        public init(_ line: Line, alignment: Alignment = .left, position: Position = .top, shorter: [Line] = []) {
            self.line = line
            self.alignment = alignment
            self.position = position
            self.shorter = shorter
        }

        /// A plain-text title.
        public init(
            _ text: String, style: Style = .plain, alignment: Alignment = .left, position: Position = .top, shorter: [String] = []
        ) {
            self.init(
                Line(text, style: style), alignment: alignment, position: position, shorter: shorter.map { Line($0, style: style) })
        }

        /// The form that fits in `width` columns with its padding: the line, a shorter form,
        /// the line without its trailing clauses, or the line cut with an ellipsis.
        func fitted(to width: Int, ascii: Bool) -> Line {
            let room = width - 2
            for candidate in [line] + shorter + line.clauseCuts where candidate.width <= room { return candidate }
            return line.shortened(to: room, ascii: ascii)
        }
    }

    public var titles: [Title]
    public var borderType: BorderType
    public var borderStyle: Style
    /// Patched over title spans.
    public var titleStyle: Style
    /// Patched over the whole area first (e.g. a background colour).
    public var style: Style
    /// Focused blocks use `focusedBorderStyle` and bold titles, so the active panel stands out.
    public var isFocused: Bool
    public var focusedBorderStyle: Style
    /// Blank columns between the border and the content.
    public var horizontalPadding: Int

    /// A block with an optional left title and optional right title in the top border.
    public init(
        title: String? = nil,
        rightTitle: String? = nil,
        borderType: BorderType = .rounded,
        borderStyle: Style = Style(fg: .gray),
        titleStyle: Style = Style(fg: .default),
        style: Style = .plain,
        focused: Bool = false,
        focusedBorderStyle: Style = Style(fg: .cyan, modifiers: .bold),
        horizontalPadding: Int = 0
    ) {
        var titles: [Title] = []
        if let title { titles.append(Title(title)) }
        if let rightTitle { titles.append(Title(rightTitle, alignment: .right)) }
        self.titles = titles
        self.borderType = borderType
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.style = style
        self.isFocused = focused
        self.focusedBorderStyle = focusedBorderStyle
        self.horizontalPadding = horizontalPadding
    }

    /// A copy with one more title.
    public func title(_ title: Title) -> Block {
        var copy = self
        copy.titles.append(title)
        return copy
    }

    /// The content area: `area` minus the border and padding.
    public func inner(_ area: Rect) -> Rect {
        area.inset(horizontal: 1 + horizontalPadding, vertical: 1)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.setStyle(area, style: style)
        let symbols = borderType.symbols(for: buffer.charset)
        let lineStyle = isFocused ? borderStyle.patched(with: focusedBorderStyle) : borderStyle
        let top = area.top, bottom = area.bottom - 1, left = area.left, right = area.right - 1
        for x in left...right {
            buffer.set(x: x, y: top, scalar: symbols.horizontal, style: lineStyle)
            buffer.set(x: x, y: bottom, scalar: symbols.horizontal, style: lineStyle)
        }
        for y in top...bottom {
            buffer.set(x: left, y: y, scalar: symbols.vertical, style: lineStyle)
            buffer.set(x: right, y: y, scalar: symbols.vertical, style: lineStyle)
        }
        if area.width > 1 && area.height > 1 {
            buffer.set(x: left, y: top, scalar: symbols.topLeft, style: lineStyle)
            buffer.set(x: right, y: top, scalar: symbols.topRight, style: lineStyle)
            buffer.set(x: left, y: bottom, scalar: symbols.bottomLeft, style: lineStyle)
            buffer.set(x: right, y: bottom, scalar: symbols.bottomRight, style: lineStyle)
        }
        renderTitles(into: &buffer, area: area, position: .top, row: top)
        if area.height > 1 { renderTitles(into: &buffer, area: area, position: .bottom, row: bottom) }
    }

    /// Titles sit one cell in from each corner, padded with a space on both sides; left and
    /// right titles share the row, left ones winning when space is short.
    private func renderTitles(into buffer: inout Buffer, area: Rect, position: Title.Position, row: Int) {
        let lane = area.inset(horizontal: 2, vertical: 0)
        guard lane.width > 2 else { return }
        let rowRect = Rect(x: lane.x, y: row, width: lane.width, height: 1)
        var style = titleStyle
        if isFocused { style = style.adding(.bold) }
        var leftCursor = rowRect.left
        var rightCursor = rowRect.right
        for title in titles where title.position == position {
            var line = title.line
            if title.alignment == .left {
                // Shorter rather than run into the corner: the border stays whole.
                line = title.fitted(to: rowRect.right - leftCursor, ascii: buffer.charset == .ascii)
                if line.width == 0 { continue }
            }
            let width = line.width + 2
            let start: Int
            switch title.alignment {
            case .left:
                start = leftCursor
                leftCursor += width + 1
            case .right:
                // A right title that would collide with the left ones is dropped, not mangled.
                start = rightCursor - width
                guard start >= leftCursor else { continue }
                rightCursor = start - 1
            case .center:
                start = max(leftCursor, rowRect.left + (rowRect.width - width) / 2)
            }
            let clip = Rect(x: rowRect.left, y: row, width: rowRect.width, height: 1)
            var x = buffer.set(x: start, y: row, string: " ", style: style, clip: clip)
            for span in line.spans {
                x = buffer.set(x: x, y: row, string: span.text, style: style.patched(with: span.style), clip: clip)
            }
            buffer.set(x: x, y: row, string: " ", style: style, clip: clip)
        }
    }
}
