import TerminalUI

/// Screen 3: MAML's inner loop on each task of a meta-batch, one step at a time: the losses
/// per integer step (a letter per task marks each step), the numbers in a table, and one
/// task's query drawings with the class each is given and its probability at the step on show.
enum InnerLoopScreen {
    /// The letter that names task `index` on the charts, the table and the drawings.
    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index % 26))) }

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
        let (header, body) = area.splitTop(1)
        renderHeader(result, state: state, shown: shown, charset: charset, into: &buffer, area: header)
        let bands = body.splitVertically([.percentage(45), .fill(1)])
        let charts = bands[0].splitHorizontally([.fill(1), .fill(1)])
        renderChart("Support loss", result.tasks.map(\.supportLosses), state: state, shown: shown, into: &buffer, area: charts[0])
        renderChart("Query loss", result.tasks.map(\.queryLosses), state: state, shown: shown, into: &buffer, area: charts[1])
        // The table wants about 80 columns for all eleven steps; the drawings take the rest.
        let tableWidth = bands[1].width >= 150 ? min(80, bands[1].width / 2) : bands[1].width / 2
        let (tableArea, drawingsArea) = bands[1].splitLeft(tableWidth)
        InnerStepTable.render(result, shown: shown, into: &buffer, area: tableArea)
        if result.isClassification {
            InnerQueryGrid.render(result, task: state.inner.drawnTask, shown: shown, glyphMode: state.glyphMode, into: &buffer, area: drawingsArea)
        } else {
            renderRegressionErrors(result, shown: shown, into: &buffer, area: drawingsArea)
        }
    }

    static func renderHeader(_ result: InnerResult, state: AppState, shown: Int, charset: Charset, into buffer: inout Buffer, area: Rect) {
        let alpha = Symbols.alpha(charset)
        buffer.set(
            line: Line([
                Span(" " + result.title, style: Theme.heading), Span("   \(alpha) = " + fixed(result.alpha, 3)),
                Span("   step "), Span("\(shown)", style: Theme.accent), Span(" of \(InnerState.maxSteps)"),
                Span(state.inner.logScale ? "   log scale" : "", style: Theme.accent),
                Span("   " + result.modelCaption, style: Theme.muted)
            ]), y: area.y, in: area)
    }

    /// One line per task up to the shown step, a letter at each step; the axes cover all steps
    /// from the start, so they stay still while stepping.
    static func renderChart(_ title: String, _ curves: [[Float]], state: AppState, shown: Int, into buffer: inout Buffer, area: Rect) {
        let log = state.inner.logScale
        let block = Block(title: title, rightTitle: log ? "per inner step, log scale (l: linear)" : "per inner step (l: log scale)")
        block.render(into: &buffer, area: area)
        let floor = LogAxis.floor(for: curves.flatMap { $0 })
        let values = log ? curves.map { $0.map { LogAxis.transform($0, floor: floor) } } : curves
        let all = values.flatMap { $0 }.filter(\.isFinite)
        let series = values.enumerated().map { index, values in
            LineChart.Series(
                "task \(letter(index))", values: Array(values.prefix(shown + 1)), style: Style(fg: Theme.classColor(index)),
                marker: letter(index))
        }
        let steps = (0...InnerState.maxSteps).map { AxisTick(Double($0), label: "\($0)") }
        let chart: LineChart
        if log {
            let (low, high) = LogAxis.bounds(all)
            chart = LineChart(
                series, xBounds: .fixed(0, Double(InnerState.maxSteps)), yBounds: .fixed(low, high), xTicks: steps,
                yTicks: LogAxis.ticks(low: low, high: high, rows: block.inner(area).height - 2))
        } else {
            let low = Double(min(0, all.min() ?? 0)), high = Double(max(all.max() ?? 1, 1e-3))
            chart = LineChart(series, xBounds: .fixed(0, Double(InnerState.maxSteps)), yBounds: .fixed(low, high * 1.05), xTicks: steps)
        }
        chart.render(into: &buffer, area: block.inner(area))
    }

    /// Sine tasks have no drawings: each task's query error at the step on show.
    static func renderRegressionErrors(_ result: InnerResult, shown: Int, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Query error at this step")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        for (index, task) in result.tasks.enumerated() where index < inner.height {
            let step = min(shown, task.queryLosses.count - 1)
            guard step >= 0 else { continue }
            let spans = [
                Span("task \(letter(index)) ", style: Style(fg: Theme.classColor(index), modifiers: .bold)),
                Span("MSE " + NumberFormatting.fitted(Double(task.queryLosses[step]), width: 7, maxDecimals: 3)),
                Span("  from " + NumberFormatting.fitted(Double(task.queryLosses[0]), width: 7, maxDecimals: 3), style: Theme.muted),
                Span("  " + task.caption, style: Theme.muted)
            ]
            buffer.set(x: inner.x, y: inner.y + index, spans: spans, clip: inner)
        }
    }
}
