/// A horizontal progress bar. Unicode mode resolves eighths of a cell (▏▎▍▌▋▊▉█);
/// ASCII mode uses `#` and `.`.
public struct Gauge: Widget, Hashable, Sendable {
    /// Where the label goes.
    public enum LabelPosition: Hashable, Sendable {
        /// Centred over the bar, drawn in inverse colours over the filled part.
        case inside
        /// After the bar, which then uses the remaining width.
        case trailing
        /// No label.
        case none
    }

    /// Progress in 0...1 (clamped).
    public var ratio: Double
    /// Defaults to the percentage, e.g. "73%".
    public var label: String?
    public var labelPosition: LabelPosition
    public var filledStyle: Style
    public var emptyStyle: Style
    public var labelStyle: Style

    /// A gauge at `ratio`; NaN and infinities show as empty.
    public init(
        ratio: Double,
        label: String? = nil,
        labelPosition: LabelPosition = .inside,
        filledStyle: Style = Style(fg: .green),
        emptyStyle: Style = Style(fg: .gray, modifiers: .dim),
        labelStyle: Style = Style(modifiers: .bold)
    ) {
        self.ratio = ratio.isFinite ? min(max(ratio, 0), 1) : 0
        self.label = label
        self.labelPosition = labelPosition
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.labelStyle = labelStyle
    }

    static let eighths: [Unicode.Scalar] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let text = label ?? (NumberFormatting.fixed(ratio * 100, decimals: 0) + "%")
        var barArea = area
        if labelPosition == .trailing {
            let labelWidth = min(CharacterWidth.of(text) + 1, area.width)
            let (bar, labelRect) = area.splitRight(labelWidth)
            barArea = bar
            buffer.set(x: labelRect.x + 1, y: area.y + area.height / 2, string: text, style: labelStyle, clip: labelRect)
        }
        let filledColumns = drawBar(into: &buffer, area: barArea)
        guard labelPosition == .inside else { return }
        let textWidth = CharacterWidth.of(text)
        let start = barArea.x + max(0, (barArea.width - textWidth) / 2)
        let row = barArea.y + barArea.height / 2
        var x = start
        for scalar in text.unicodeScalars {
            let inside = x < barArea.x + filledColumns
            // Over the filled part the label takes the bar colour as its background so it stays legible.
            var look = labelStyle
            if inside { look = look.patched(with: Style(fg: .black, bg: filledStyle.fg ?? .green)) }
            x = buffer.set(x: x, y: row, string: String(scalar), style: look, clip: barArea)
        }
    }

    /// Draws the bar and returns the number of fully filled columns.
    private func drawBar(into buffer: inout Buffer, area: Rect) -> Int {
        guard !area.isEmpty else { return 0 }
        let ascii = buffer.charset == .ascii
        let exact = ratio * Double(area.width)
        let full = Int(exact)
        let eighth = ascii ? 0 : Int(((exact - Double(full)) * 8).rounded())
        let asciiFull = ascii ? Int(exact.rounded()) : full
        for y in area.top..<area.bottom {
            for column in 0..<area.width {
                let x = area.x + column
                if column < asciiFull {
                    buffer.set(x: x, y: y, scalar: ascii ? "#" : "█", style: filledStyle)
                } else if column == full && eighth > 0 {
                    buffer.set(x: x, y: y, scalar: Gauge.eighths[eighth], style: filledStyle)
                } else {
                    buffer.set(x: x, y: y, scalar: ascii ? "." : "░", style: emptyStyle)
                }
            }
        }
        return asciiFull
    }
}
