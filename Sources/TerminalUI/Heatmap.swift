/// A matrix of numbers as coloured cells, with optional row and column labels and the
/// value printed in each cell: distance matrices, confusion matrices, attention maps.
public struct Heatmap: Widget, Hashable, Sendable {
    /// How a cell shows its value.
    public enum Fill: Hashable, Sendable {
        /// Background colour from the scale (needs a colour terminal).
        case background
        /// Shade characters (░▒▓█, or .:*# in ASCII) coloured by the scale: readable even
        /// without colour and in plain-text snapshots.
        case shade
    }

    /// Row-major values, `rows * columns` of them.
    public var values: [Float]
    public var rows: Int
    public var columns: Int
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Values mapped to the ends of the scale; defaults to the finite min...max.
    public var range: ClosedRange<Float>?
    public var scale: ColorScale
    public var fill: Fill
    /// Print each value in its cell (when it fits) with this many decimals; `nil` hides them.
    public var valueDecimals: Int?
    /// Columns per matrix cell; defaults to the widest that fits (capped at 8).
    public var cellWidth: Int?
    public var highlightedRow: Int?
    public var labelStyle: Style
    public var highlightStyle: Style

    /// A `rows` x `columns` heatmap; labels are optional and may be fewer than rows or columns.
    public init(
        values: [Float],
        rows: Int,
        columns: Int,
        rowLabels: [String] = [],
        columnLabels: [String] = [],
        range: ClosedRange<Float>? = nil,
        scale: ColorScale = .viridis,
        fill: Fill = .background,
        valueDecimals: Int? = nil,
        cellWidth: Int? = nil,
        highlightedRow: Int? = nil,
        labelStyle: Style = Style(fg: .gray),
        highlightStyle: Style = Style(fg: .yellow, modifiers: .bold)
    ) {
        precondition(values.count == rows * columns, "Heatmap: \(values.count) values for \(rows)x\(columns)")
        self.values = values
        self.rows = rows
        self.columns = columns
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.range = range
        self.scale = scale
        self.fill = fill
        self.valueDecimals = valueDecimals
        self.cellWidth = cellWidth
        self.highlightedRow = highlightedRow
        self.labelStyle = labelStyle
        self.highlightStyle = highlightStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty, rows > 0, columns > 0 else { return }
        let labelWidth = rowLabels.isEmpty ? 0 : min((rowLabels.map { CharacterWidth.of($0) }.max() ?? 0) + 1, area.width / 3)
        let headerHeight = columnLabels.isEmpty ? 0 : 1
        let gridLeft = area.x + labelWidth
        let availableWidth = area.right - gridLeft
        let width = max(1, cellWidth ?? min(8, availableWidth / columns))
        let availableHeight = area.height - headerHeight
        // Roughly square cells: a terminal cell is about twice as tall as it is wide.
        let height = max(1, min(availableHeight / rows, width / 2))
        let (low, high) = bounds()
        let span = high - low

        for column in 0..<min(columns, columnLabels.count) where headerHeight > 0 {
            let rect = Rect(x: gridLeft + column * width, y: area.y, width: width, height: 1)
            buffer.set(line: Line(columnLabels[column], style: labelStyle, alignment: .center), y: area.y, in: rect.intersection(area))
        }
        for row in 0..<rows {
            let top = area.y + headerHeight + row * height
            guard top < area.bottom else { break }
            let isHighlighted = row == highlightedRow
            if row < rowLabels.count {
                let rect = Rect(x: area.x, y: top + (height - 1) / 2, width: labelWidth - 1, height: 1)
                buffer.set(x: rect.x, y: rect.y, string: rowLabels[row], style: isHighlighted ? highlightStyle : labelStyle, clip: rect)
            }
            for column in 0..<columns {
                let value = values[row * columns + column]
                let t = span > 0 ? (value - low) / span : 0.5
                let rect = Rect(x: gridLeft + column * width, y: top, width: width, height: height).intersection(area)
                drawCell(value: value, t: t, in: rect, highlighted: isHighlighted, into: &buffer)
            }
        }
    }

    private func drawCell(value: Float, t: Float, in rect: Rect, highlighted: Bool, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let color = scale.color(at: t)
        switch fill {
        case .background:
            buffer.fill(rect, with: " ", style: Style(bg: color))
        case .shade:
            let ramp: [Unicode.Scalar] = buffer.charset == .ascii ? [" ", ".", ":", "*", "#"] : [" ", "░", "▒", "▓", "█"]
            let level = value.isFinite ? min(ramp.count - 1, Int((max(0, min(1, t)) * Float(ramp.count - 1)).rounded())) : 0
            buffer.fill(rect, with: ramp[level], style: Style(fg: color))
        }
        guard let decimals = valueDecimals, value.isFinite else { return }
        let text = NumberFormatting.fixed(value, decimals: decimals)
        let textWidth = CharacterWidth.of(text)
        guard textWidth <= rect.width else { return }
        let textStyle: Style =
            fill == .background
            ? Style(fg: scale.contrastingText(at: t), modifiers: highlighted ? .bold : [])
            : Style(fg: .default, bg: .default, modifiers: highlighted ? .bold : [])
        let y = rect.y + (rect.height - 1) / 2
        buffer.set(x: rect.x + (rect.width - textWidth + 1) / 2, y: y, string: text, style: textStyle, clip: rect)
    }

    private func bounds() -> (Float, Float) {
        if let range { return (range.lowerBound, range.upperBound) }
        var low = Float.infinity, high = -Float.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? (low, high) : (0, 1)
    }
}
