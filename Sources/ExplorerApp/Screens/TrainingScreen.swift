import FewShot
import Foundation
import TerminalUI

/// Screen 5: a training run on a background thread, its curves and its speed.
enum TrainingScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let t = state.training
        let rows = area.splitVertically([.length(t.saved == nil ? 6 : 7), .fill(2), .fill(1)])
        renderRun(t, into: &buffer, area: rows[0])
        let charts = rows[1].splitHorizontally([.fill(1), .fill(1)])
        renderCurve(t.loss, title: "Meta-loss", empty: "no iterations yet", into: &buffer, area: charts[0])
        if let interval = t.heldOutInterval {
            renderHeldOut(t, interval: interval, into: &buffer, area: charts[1])
        } else if t.accuracy.isEmpty {
            renderValidationError(t, into: &buffer, area: charts[1])
        } else {
            renderCurve(t.accuracy, title: "Query accuracy", empty: "", into: &buffer, area: charts[1], fixedRange: (0, 1))
        }
        renderInner(t, into: &buffer, area: rows[2])
    }

    static func renderRun(_ t: TrainingState, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Training", rightTitle: phaseCaption(t.phase))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area).inset(top: 0, left: 1, bottom: 0, right: 1)
        let c = t.configuration
        var what = [
            Span(name(t.algorithm), style: Theme.heading), Span(" on "), Span(t.dataset.rawValue, style: Theme.heading),
            Span("   \(c.ways)-way \(c.shots)-shot, meta-batch \(c.metaBatch), \(c.innerSteps) inner step(s)", style: Theme.muted)
        ]
        if let preset = t.preset { what.insert(Span("   \(preset.rawValue) preset", style: Theme.accent), at: 3) }
        buffer.set(line: Line(what), y: inner.y, in: inner)
        var figures: [Span] = [
            Span("iteration "), Span("\(t.iteration)", style: Theme.accent), Span(" of \(t.totalIterations > 0 ? t.totalIterations : c.iterations)")
        ]
        if t.iterationsPerSecond > 0 { figures.append(Span("   " + speed(t.iterationsPerSecond))) }
        if let eta = t.etaSeconds, t.phase == .running { figures.append(Span("   ETA " + duration(eta))) }
        if t.learningRate > 0 { figures.append(Span("   lr " + NumberFormatting.fixed(Double(t.learningRate), decimals: 5), style: Theme.muted)) }
        if let latest = t.loss.latest { figures.append(Span("   loss " + fixed(latest, 3))) }
        buffer.set(line: Line(figures), y: inner.y + 1, in: inner)
        Gauge(ratio: t.progress).render(into: &buffer, area: inner.row(2))
        let help: String
        switch t.phase {
        case .idle: help = "s or Space starts; m picks the algorithm, d the dataset, p the live preset"
        case .starting: help = "starting" + Symbols.ellipsis(buffer.charset)
        case .running: help = "Space pauses, x stops; the other screens stay live"
        case .paused: help = "Space resumes, x stops; w saves the run, u uses it on the other screens"
        case .finished: help = "done; w saves the run, u uses it on the other screens, s starts a new run"
        case .stopped: help = "stopped at iteration \(t.iteration); w saves the run, u uses it on the other screens, s starts anew"
        case .failed(let message): help = message
        }
        buffer.set(x: inner.x, y: inner.y + 3, string: help, style: t.phase.isFailure ? Theme.error : Theme.muted, clip: inner)
        if let saved = t.saved {
            // The folder goes last: it is the part that may be cut at the panel's edge.
            let file = URL(fileURLWithPath: saved.path)
            var line = [Span("saved ", style: Theme.muted), Span(file.lastPathComponent, style: Theme.accent)]
            if let screens = saved.usedOn { line.append(Span(", in use on the \(screens) screen", style: Theme.correct)) }
            line += [Span(", in ", style: Theme.muted), Span(file.deletingLastPathComponent().path, style: Theme.accent)]
            buffer.set(line: Line(line), y: inner.y + 4, in: inner)
        }
    }

    static func renderCurve(
        _ curve: CurveHistory, title: String, empty: String, into buffer: inout Buffer, area: Rect,
        fixedRange: (Double, Double)? = nil
    ) {
        let block = Block(title: title, rightTitle: curve.bucketSize > 1 ? "mean of \(curve.bucketSize) it" : nil)
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard !curve.isEmpty else {
            Notice([Line(empty, style: Theme.muted)]).render(into: &buffer, area: inner)
            return
        }
        let points = curve.points.map { ChartPoint(x: $0.iteration, y: $0.value) }
        let bounds: AxisBounds = fixedRange.map { .fixed($0.0, $0.1) } ?? .auto
        LineChart([LineChart.Series(title.lowercased(), points: points, style: Style(fg: .brightCyan))], yBounds: bounds, showLegend: false)
            .render(into: &buffer, area: inner)
    }

    static func renderValidationError(_ t: TrainingState, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Validation", rightTitle: "MSE after adaptation")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let points = t.validations.compactMap { v in v.meanSquaredError.map { ChartPoint(x: Double(v.iteration), y: Double($0)) } }
        guard !points.isEmpty else {
            Notice([
                Line("first validation after \(TrainingConfiguration.standard(t.algorithm, t.dataset).validationInterval) it", style: Theme.muted)
            ])
            .render(into: &buffer, area: inner)
            return
        }
        LineChart([LineChart.Series("mse", points: points, style: Style(fg: .brightGreen))], showLegend: false).render(into: &buffer, area: inner)
    }

    static func renderInner(_ t: TrainingState, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Inner loop of the latest meta-batch", rightTitle: "support loss per step")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let traces = t.innerTraces.prefix(8).filter { $0.supportLosses.count > 1 }
        guard !traces.isEmpty else {
            let text = t.algorithm.isMetricBased || t.algorithm == .pretrained ? "\(name(t.algorithm)) has no inner loop" : "no meta-batch yet"
            Notice([Line(text, style: Theme.muted)]).render(into: &buffer, area: inner)
            return
        }
        let series = traces.enumerated().map { index, trace in
            LineChart.Series("task \(index + 1)", values: trace.supportLosses, style: Style(fg: Theme.classColor(index)))
        }
        LineChart(series, showLegend: false).render(into: &buffer, area: inner)
    }

    static func name(_ algorithm: Algorithm) -> String { algorithm.displayName }

    static func phaseCaption(_ phase: TrainingState.Phase) -> String {
        switch phase {
        case .idle: return "idle"
        case .starting: return "starting"
        case .running: return "running"
        case .paused: return "paused"
        case .finished: return "finished"
        case .stopped: return "stopped"
        case .failed: return "stopped"
        }
    }

    static func speed(_ perSecond: Double) -> String {
        perSecond >= 10 ? "\(Int(perSecond.rounded())) it/s" : NumberFormatting.fixed(1 / perSecond, decimals: 2) + " s/it"
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(pad2(s % 60))s" }
        return "\(s / 3600)h\(pad2((s % 3600) / 60))m"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension TrainingState.Phase {
    var isFailure: Bool { if case .failed = self { return true } else { return false } }
}
