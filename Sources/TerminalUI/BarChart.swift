/// Horizontal bars with labels and values, one per row: class probabilities, accuracies.
///
///     cat  ██████████▌        0.62
///     dog  ████▎              0.25
public struct BarChart: Widget, Hashable, Sendable {
    /// One labelled bar.
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Double
        /// Overrides the chart's `barStyle` for this bar.
        public var style: Style?

        /// A bar; values are scaled against the chart's `maxValue`.
        public init(_ label: String, value: Double, style: Style? = nil) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; defaults to the largest value.
    public var maxValue: Double?
    /// Digits after the point in the value column; `nil` hides the values.
    public var valueDecimals: Int?
    public var barStyle: Style
    public var labelStyle: Style
    /// Index of a bar to emphasise (e.g. the predicted class).
    public var highlighted: Int?
    public var highlightStyle: Style

    /// A chart of `bars`, one per row, top to bottom.
    public init(
        _ bars: [Bar],
        maxValue: Double? = nil,
        valueDecimals: Int? = 2,
        barStyle: Style = Style(fg: .blue),
        labelStyle: Style = .plain,
        highlighted: Int? = nil,
        highlightStyle: Style = Style(fg: .green, modifiers: .bold)
    ) {
        self.bars = bars
        self.maxValue = maxValue
        self.valueDecimals = valueDecimals
        self.barStyle = barStyle
        self.labelStyle = labelStyle
        self.highlighted = highlighted
        self.highlightStyle = highlightStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty, !bars.isEmpty else { return }
        let top = maxValue ?? bars.map(\.value).filter(\.isFinite).max() ?? 1
        let scale = top > 0 ? top : 1
        let labelWidth = min(bars.map { CharacterWidth.of($0.label) }.max() ?? 0, area.width / 3)
        let values = bars.map { bar in valueDecimals.map { NumberFormatting.fixed(bar.value, decimals: $0) } ?? "" }
        let valueWidth = values.map { CharacterWidth.of($0) }.max() ?? 0
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = max(0, area.right - barX - (valueWidth > 0 ? valueWidth + 1 : 0))
        for (index, bar) in bars.enumerated() where index < area.height {
            let y = area.y + index
            let isHighlighted = index == highlighted
            var look = bar.style ?? barStyle
            if isHighlighted { look = look.patched(with: highlightStyle) }
            let labelClip = Rect(x: area.x, y: y, width: labelWidth, height: 1)
            buffer.set(
                x: area.x, y: y, string: bar.label, style: isHighlighted ? labelStyle.patched(with: highlightStyle) : labelStyle, clip: labelClip)
            let ratio = bar.value.isFinite ? min(max(bar.value / scale, 0), 1) : 0
            Gauge(ratio: ratio, labelPosition: .none, filledStyle: look, emptyStyle: look)
                .renderBarOnly(into: &buffer, area: Rect(x: barX, y: y, width: barWidth, height: 1))
            if valueWidth > 0 {
                let text = values[index]
                buffer.set(
                    x: area.right - CharacterWidth.of(text), y: y, string: text, style: isHighlighted ? highlightStyle : labelStyle, clip: area)
            }
        }
    }
}

extension Gauge {
    /// The filled part only, with blank (not shaded) remainder: bar charts read better
    /// without a track behind every bar.
    func renderBarOnly(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let ascii = buffer.charset == .ascii
        let exact = ratio * Double(area.width)
        let full = ascii ? Int(exact.rounded()) : Int(exact)
        let eighth = ascii ? 0 : Int(((exact - Double(Int(exact))) * 8).rounded())
        for column in 0..<full {
            buffer.set(x: area.x + column, y: area.y, scalar: ascii ? "#" : "█", style: filledStyle)
        }
        if eighth > 0 && full < area.width {
            buffer.set(x: area.x + full, y: area.y, scalar: Gauge.eighths[eighth], style: filledStyle)
        }
    }
}
