import TerminalUI

/// Screen 3: MAML's inner loop on each task of a meta-batch, one step at a time.
enum InnerLoopScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        guard let result = state.inner.result else {
            let waiting: String
            switch state.resources.omniglot {
            case .loading, .progress: waiting = "loading Omniglot" + Symbols.ellipsis(charset)
            default: waiting = "adapting: " + (innerSourceReady(state.resources) ? "computing" : state.resources.sineModel.caption)
            }
            Notice([Line(waiting, style: Theme.muted)]).render(into: &buffer, area: area)
            return
        }
        let shown = min(state.inner.shownSteps, InnerState.maxSteps)
        let rows = area.splitVertically([.length(1), .fill(1), .length(result.tasks.count + 3)])
        let alpha = Symbols.alpha(charset)
        buffer.set(
            line: Line([
                Span(" " + result.title, style: Theme.heading), Span("   \(alpha) = " + fixed(result.alpha, 3)),
                Span("   step "), Span("\(shown)", style: Theme.accent), Span(" of \(InnerState.maxSteps)"),
                Span("   " + result.modelCaption, style: Theme.muted)
            ]), y: rows[0].y, in: rows[0])
        let charts = rows[1].splitHorizontally([.fill(1), .fill(1)])
        renderChart("Support loss", result.tasks.map(\.supportLosses), shown: shown, into: &buffer, area: charts[0])
        renderChart("Query loss", result.tasks.map(\.queryLosses), shown: shown, into: &buffer, area: charts[1])
        renderPredictions(result, shown: shown, into: &buffer, area: rows[2])
    }

    /// One line per task up to the shown step; the axes cover all steps from the start, so
    /// they stay still while stepping.
    static func renderChart(_ title: String, _ curves: [[Float]], shown: Int, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: title, rightTitle: "per inner step")
        block.render(into: &buffer, area: area)
        let all = curves.flatMap { $0 }.filter(\.isFinite)
        let low = Double(min(0, all.min() ?? 0)), high = Double(max(all.max() ?? 1, 1e-3))
        let series = curves.enumerated().map { index, values in
            LineChart.Series("task \(index + 1)", values: Array(values.prefix(shown + 1)), style: Style(fg: Theme.classColor(index)))
        }
        LineChart(series, xBounds: .fixed(0, Double(InnerState.maxSteps)), yBounds: .fixed(low, high * 1.05))
            .render(into: &buffer, area: block.inner(area))
    }

    static func renderPredictions(_ result: InnerResult, shown: Int, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let block = Block(title: result.isClassification ? "Query predictions at this step" : "Query error at this step")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        for (index, task) in result.tasks.enumerated() where index < inner.height {
            let y = inner.y + index
            var spans = [Span("task \(index + 1) ", style: Style(fg: Theme.classColor(index), modifiers: .bold))]
            let step = min(shown, task.queryLosses.count - 1)
            guard step >= 0 else { continue }
            if result.isClassification, step < task.predictions.count {
                let accuracy = task.queryAccuracies[step]
                spans.append(Span("acc " + pad(fixed(accuracy, 2), 5) + " "))
                for (predicted, label) in zip(task.predictions[step], task.labels) {
                    spans.append(
                        predicted == label ? Span(Symbols.check(charset), style: Theme.correct) : Span(Symbols.cross(charset), style: Theme.wrong))
                }
                spans.append(Span("  " + task.caption, style: Theme.muted))
            } else {
                spans.append(Span("query MSE " + pad(fixed(task.queryLosses[step], 3), 7) + "  from " + fixed(task.queryLosses[0], 3)))
                spans.append(Span("  " + task.caption, style: Theme.muted))
            }
            buffer.set(x: inner.x, y: y, spans: spans, clip: inner)
        }
    }
}
