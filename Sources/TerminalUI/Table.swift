/// Rows and columns with an optional bold header and a highlighted selected row. The view
/// scrolls just enough to keep the selection visible.
public struct Table: Widget, Hashable, Sendable {
    /// One row of cells, each a styled line.
    public struct Row: Hashable, Sendable {
        public var cells: [Line]
        public var style: Style

        /// A row of styled cells; `style` is patched under each cell's own spans.
        public init(_ cells: [Line], style: Style = .plain) {
            self.cells = cells
            self.style = style
        }

        /// A row of plain strings.
        public init(_ cells: [String], style: Style = .plain) {
            self.init(cells.map { Line($0) }, style: style)
        }
    }

    public var header: Row?
    public var rows: [Row]
    /// One constraint per column (see `Layout`).
    public var widths: [Constraint]
    public var columnSpacing: Int
    public var selected: Int?
    public var headerStyle: Style
    public var highlightStyle: Style
    /// Drawn before the selected row; every row is indented by its width.
    public var highlightSymbol: String
    /// First row to show when nothing is selected (a manual scroll).
    public var offset: Int

    /// A table; `widths` has one constraint per column, `selected` highlights and scrolls to a row.
    public init(
        header: [String]? = nil,
        rows: [Row],
        widths: [Constraint],
        columnSpacing: Int = 1,
        selected: Int? = nil,
        headerStyle: Style = Style(fg: .yellow, modifiers: .bold),
        highlightStyle: Style = Style(modifiers: .reverse),
        highlightSymbol: String = "> ",
        offset: Int = 0
    ) {
        self.header = header.map { Row($0) }
        self.rows = rows
        self.widths = widths
        self.columnSpacing = columnSpacing
        self.selected = selected
        self.headerStyle = headerStyle
        self.highlightStyle = highlightStyle
        self.highlightSymbol = highlightSymbol
        self.offset = offset
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let symbolWidth = selected == nil ? 0 : CharacterWidth.of(highlightSymbol)
        let (_, columnsArea) = area.splitLeft(symbolWidth)
        let columns = columnsArea.splitHorizontally(widths, spacing: columnSpacing)
        var body = area
        if let header {
            draw(header, y: area.y, columns: columns, style: headerStyle, into: &buffer)
            body = area.inset(top: 1)
        }
        guard body.height > 0 else { return }
        let first = firstVisibleRow(visibleRows: body.height)
        for (position, index) in (first..<min(rows.count, first + body.height)).enumerated() {
            let y = body.y + position
            let row = rows[index]
            let isSelected = index == selected
            let look = isSelected ? row.style.patched(with: highlightStyle) : row.style
            buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), style: look)
            if isSelected {
                buffer.set(x: area.x, y: y, string: highlightSymbol, style: look, clip: area)
            }
            draw(row, y: y, columns: columns, style: look, into: &buffer)
        }
    }

    /// Scrolls so the selected row is on screen, keeping `offset` when it already is.
    func firstVisibleRow(visibleRows: Int) -> Int {
        var first = max(0, min(offset, rows.count - visibleRows))
        if let selected {
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return max(0, first)
    }

    private func draw(_ row: Row, y: Int, columns: [Rect], style: Style, into buffer: inout Buffer) {
        for (column, line) in zip(columns, row.cells) {
            var styled = line
            styled.spans = line.spans.map { Span($0.text, style: style.patched(with: $0.style)) }
            buffer.set(line: styled, y: y, in: Rect(x: column.x, y: y, width: column.width, height: 1))
        }
    }
}
