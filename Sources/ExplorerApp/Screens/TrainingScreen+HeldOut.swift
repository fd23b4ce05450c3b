import FewShot
import TerminalUI

/// The chart beside the loss of a run that tests on held-out data (the live preset): test
/// accuracy on unseen classes over the accuracy on training episodes, or, on sine, the error after
/// one step on unseen tasks, with the goal drawn across, so a class can watch a learner become good.
extension TrainingScreen {
    /// The goals the live preset was chosen to reach: 95% (then 98%) 5-way 1-shot, MSE 0.7 at K=5.
    static let accuracyGoal = 0.95
    static let errorGoal = 0.7

    static func renderHeldOut(_ t: TrainingState, interval: Int, into buffer: inout Buffer, area: Rect) {
        let classification = t.dataset == .omniglot
        let caption = latestCaption(t)
        // The long title where it fits beside the latest figure, else the short one.
        let long = classification ? "Test accuracy on unseen classes" : "Error on unseen tasks after 1 step"
        let short = classification ? "Unseen classes" : "Unseen tasks"
        let fits = long.count + (caption?.count ?? 0) + 8 <= area.width
        let goal = classification ? accuracyGoal : errorGoal
        let goalName = classification ? "goal 95%" : "goal 0.7"
        // The key goes in the bottom border, where it hides no point of the curves.
        var key = [Span("● test", style: Style(fg: .brightGreen))]
        if classification { key += [Span("  "), Span("─ train", style: Style(fg: .brightCyan))] }
        key += [Span("  "), Span("─ " + goalName, style: Theme.muted)]
        let block = Block(title: fits ? long : short, rightTitle: caption).title(Block.Title(Line(key), position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let tested = t.heldOut.compactMap { h -> ChartPoint? in
            guard let y = classification ? h.accuracy : h.meanSquaredError else { return nil }
            return ChartPoint(x: Double(h.iteration), y: Double(y))
        }
        guard !tested.isEmpty || !t.accuracy.isEmpty else {
            Notice([Line("first test after \(interval) it", style: Theme.muted)]).render(into: &buffer, area: inner)
            return
        }
        let last = max(tested.last?.x ?? 0, Double(t.iteration), 1)
        var series = [LineChart.Series(goalName, points: [ChartPoint(x: 0, y: goal), ChartPoint(x: last, y: goal)], style: Theme.muted)]
        if classification {
            let train = t.accuracy.points.map { ChartPoint(x: $0.iteration, y: $0.value) }
            series.append(LineChart.Series("train", points: train, style: Style(fg: .brightCyan)))
        }
        series.append(LineChart.Series("test", points: tested, style: Style(fg: .brightGreen), marker: "●"))
        let bounds: AxisBounds = classification ? .fixed(0, 1) : .fixed(0, max(3, tested.map(\.y).max() ?? 3))
        LineChart(series, yBounds: bounds, showLegend: false).render(into: &buffer, area: inner)
    }

    /// The latest check and when it was taken, in seconds of training.
    static func latestCaption(_ t: TrainingState) -> String? {
        guard let h = t.heldOut.last else { return nil }
        let at = " at " + duration(h.trainingSeconds)
        if let a = h.accuracy { return NumberFormatting.fixed(Double(a) * 100, decimals: 1) + "%" + at }
        if let m = h.meanSquaredError { return "MSE " + NumberFormatting.fixed(Double(m), decimals: 2) + at }
        return nil
    }
}
