import TerminalUI

/// Santoro et al.'s Table 1 (5 classes, Omniglot): the percentage of right labels at the k-th
/// appearance of a class in a sequence, for the instances the paper reports.
public enum SantoroTable1 {
    public static let instances = [1, 2, 3, 4, 5, 10]
    public static let mann: [Double] = [36.4, 82.8, 91.0, 92.6, 94.9, 98.1]
    public static let lstm: [Double] = [24.4, 49.5, 55.3, 61.0, 63.6, 62.5]
    public static let people: [Double] = [34.5, 57.3, 70.1, 71.8, 81.4, 92.4]
}

/// Accuracy by instance: the shipped MANN's and LSTM's (from their model files), the paper's
/// MANN, LSTM and people, and this sequence's running tally for the learner on show, each a
/// curve with its own letter, explained in a legend beneath (the top right of the plot is where
/// the curves end, so the chart's own legend would hide them).
struct InstanceChart: Widget {
    var view: MemoryView
    var shown: Int
    var learner: SequenceLearnerKind
    /// At small sizes the tally has no panel of its own: it goes in the title.
    var tallyInTitle = false

    func render(into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        var block = Block(title: area.width < 70 ? "By instance, %" : "Accuracy by instance, %")
        if tallyInTitle, view.run(learner).isAvailable {
            let tally = view.tally(learner, shown: shown)
            let (right, seen) = tally.reduce((0, 0)) { ($0.0 + $1.right, $0.1 + $1.seen) }
            let first = tally.first.map { ", 1st \($0.right)/\($0.seen)" } ?? ""
            block = block.title(Block.Title("this sequence \(right)/\(seen)\(first)", alignment: .right))
        }
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height >= 5, inner.width >= 20 else { return }
        let instances = Double(max(view.drawingsPerClass, 10))
        func paper(_ values: [Double]) -> [ChartPoint] {
            zip(SantoroTable1.instances, values).map { ChartPoint(x: Double($0), y: $1) }
        }
        var series = [
            LineChart.Series("people", points: paper(SantoroTable1.people), style: Style(fg: .green), marker: "h"),
            LineChart.Series("MANN paper", points: paper(SantoroTable1.mann), style: Style(fg: .magenta), marker: "M"),
            LineChart.Series("LSTM paper", points: paper(SantoroTable1.lstm), style: Style(fg: .blue), marker: "L")
        ]
        for (kind, marker) in [(SequenceLearnerKind.mann, "m"), (.lstm, "l")] {
            guard let stored = view.run(kind).storedByInstance else { continue }
            let points = stored.enumerated().map { ChartPoint(x: Double($0.offset + 1), y: Double($0.element) * 100) }
            let style = Style(fg: kind == .mann ? .brightMagenta : .brightBlue)
            series.append(LineChart.Series("\(kind == .mann ? "MANN" : "LSTM") ours", points: points, style: style, marker: marker))
        }
        if view.run(learner).isAvailable {
            let points = view.tally(learner, shown: shown).enumerated().compactMap { index, entry -> ChartPoint? in
                entry.seen == 0 ? nil : ChartPoint(x: Double(index + 1), y: 100 * Double(entry.right) / Double(entry.seen))
            }
            series.append(LineChart.Series("this sequence", points: points, style: Theme.heading, marker: charset == .ascii ? "*" : "●"))
        }
        // The legend's entries laid out in lines, never split.
        var legendLines: [[Span]] = [[]]
        var used = 0
        for s in series {
            let entry = [Span(s.marker ?? "", style: s.style.bold), Span(" " + s.name, style: Theme.muted)]
            let width = CharacterWidth.of(s.marker ?? "") + 1 + CharacterWidth.of(s.name)
            if used > 0 && used + 2 + width > inner.width {
                legendLines.append([])
                used = 0
            }
            if used > 0 { legendLines[legendLines.count - 1].append(Span("  ")) }
            legendLines[legendLines.count - 1] += entry
            used += (used > 0 ? 2 : 0) + width
        }
        let legendHeight = min(3, legendLines.count)
        let (plot, legendArea) = inner.splitBottom(legendHeight)
        let xTicks = (1...Int(instances)).map { AxisTick(Double($0), label: "\($0)") }
        let yTicks = stride(from: 0, through: 100, by: plot.height >= 12 ? 25 : 50).map { AxisTick(Double($0), label: "\($0)") }
        LineChart(
            series, xBounds: .fixed(1, instances), yBounds: .fixed(0, 100), showLegend: false, xTicks: xTicks, yTicks: yTicks
        ).render(into: &buffer, area: plot)
        for (index, spans) in legendLines.prefix(legendHeight).enumerated() {
            buffer.set(x: legendArea.x, y: legendArea.y + index, spans: spans, clip: legendArea)
        }
    }

    /// "1st", "2nd", "3rd", "4th", ...
    static func ordinal(_ n: Int) -> String {
        guard !(11...13).contains(n % 100) else { return "\(n)th" }
        switch n % 10 {
        case 1: return "\(n)st"
        case 2: return "\(n)nd"
        case 3: return "\(n)rd"
        default: return "\(n)th"
        }
    }
}
