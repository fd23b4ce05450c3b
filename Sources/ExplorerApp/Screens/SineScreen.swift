import TerminalUI

/// Screen 4: a sine task, its K support points, the meta-learned start and the curve after
/// each inner step, with the pretrained baseline on demand.
enum SineScreen {
    static let yRange: ClosedRange<Float> = -6...6
    static let panelWidth = 30

    struct Layout {
        var plotBlock: Rect
        var plot: Rect
        var panel: Rect
    }

    static func layout(_ area: Rect) -> Layout {
        let (left, panel) = area.splitRight(panelWidth)
        return Layout(plotBlock: left, plot: left.inset(horizontal: 1, vertical: 1), panel: panel)
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let parts = layout(area)
        let charset = buffer.charset
        let sine = state.sine
        let title = charset == .ascii ? "Sine task  y = A sin(x - phi)" : "Sine task  y = A·sin(x − φ)"
        Block(title: title, rightTitle: "click to add a point").render(into: &buffer, area: parts.plotBlock)
        let plot = makePlot(state, charset: charset)
        plot.render(into: &buffer, area: parts.plot)
        if sine.curves == nil {
            let text = state.resources.sineModel.isReady ? "adapting" + Symbols.ellipsis(charset) : "sine model: " + state.resources.sineModel.caption
            let inner = plot.plotArea(in: parts.plot)
            buffer.set(line: Line(text, style: Theme.muted, alignment: .center), y: inner.y + inner.height / 2, in: inner)
        }
        renderPanel(state, into: &buffer, area: parts.panel)
    }

    static func makePlot(_ state: AppState, charset: Charset) -> FunctionPlot {
        let sine = state.sine
        var curves: [FunctionPlot.Curve] = []
        var markers: [FunctionPlot.Marker] = []
        if let c = sine.curves {
            let shown = min(sine.shownSteps, c.adapted.count - 1)
            curves.append(.init(xs: c.xs, ys: c.truth, style: Theme.truth, tag: "true"))
            if sine.showBaseline, let baseline = c.baseline, shown < baseline.count {
                curves.append(.init(xs: c.xs, ys: baseline[shown], style: Theme.baseline, tag: "b\(shown)"))
            }
            // Earlier steps stay faintly visible, so the path of the adaptation shows.
            for step in stride(from: 1, to: shown, by: 1) {
                curves.append(.init(xs: c.xs, ys: c.adapted[step], style: Theme.earlierStep))
            }
            curves.append(.init(xs: c.xs, ys: c.adapted[0], style: Theme.start, tag: "0"))
            if shown > 0 { curves.append(.init(xs: c.xs, ys: c.adapted[shown], style: Theme.adapted.bold, tag: "\(shown)")) }
        }
        let symbol = Symbols.point(charset)
        for point in sine.support { markers.append(.init(point, symbol: symbol, style: Theme.support)) }
        return FunctionPlot(xRange: -5...5, yRange: yRange, curves: curves, markers: markers)
    }

    static func renderPanel(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let sine = state.sine
        let block = Block(title: "Adaptation")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area).inset(top: 0, left: 1, bottom: 0, right: 0)
        let line = charset == .ascii ? "--" : "──"
        var lines: [Line] = [
            Line([
                Span("A ", style: Theme.muted), Span(fixed(sine.wave.amplitude, 2)),
                Span("  \(Symbols.phi(charset)) ", style: Theme.muted), Span(fixed(sine.wave.phase, 2))
            ]),
            Line([
                Span("K ", style: Theme.muted), Span("\(sine.shots)"),
                Span(sine.added.isEmpty ? "" : " + \(sine.added.count) clicked", style: Theme.muted)
            ]),
            Line([Span("\(Symbols.alpha(charset)) ", style: Theme.muted), Span(NumberFormatting.fixed(Double(sine.alpha), decimals: 3))]),
            Line([
                Span("step ", style: Theme.muted), Span("\(sine.shownSteps)", style: Theme.accent),
                Span(" of \(SineState.maxSteps)", style: Theme.muted)
            ]),
            Line(""),
            Line([Span(line + " ", style: Theme.truth), Span("true  true function")]),
            Line([Span(String(Character(Symbols.point(charset))) + "  ", style: Theme.support), Span("support points")]),
            Line([Span(line + " ", style: Theme.start), Span("0     meta-learned start")]),
            Line([Span(line + " ", style: Theme.adapted), Span("n     after n steps")])
        ]
        if sine.showBaseline { lines.append(Line([Span(line + " ", style: Theme.baseline), Span("bn    pretrained baseline")])) }
        lines.append(divergenceLine(state, width: inner.width, charset: charset))
        lines += errorTable(state, rows: inner.height - lines.count - 3)
        Paragraph(lines, wrap: false).render(into: &buffer, area: inner)
        // The model line sits at the bottom and wraps, whatever the table above took.
        let caption = Paragraph([Line(modelCaption(state), style: Theme.muted)], wrap: true)
        let rows = min(3, caption.lineCount(width: inner.width))
        caption.render(into: &buffer, area: Rect(x: inner.x, y: inner.bottom - rows, width: inner.width, height: rows))
    }

    /// Columns of the error table: step, MAML's error, the baseline's; an error never takes more
    /// than its column, so a diverging adaptation cannot push the table out of line.
    static let stepWidth = 6, errorWidth = 9

    /// Mean squared error per step against the true curve; trimmed to the steps that matter
    /// when the panel is short. An error from a diverged step reads "diverged".
    static func errorTable(_ state: AppState, rows: Int) -> [Line] {
        guard let c = state.sine.curves, rows >= 3 else { return [] }
        let showBaseline = state.sine.showBaseline && c.baselineError != nil
        var header = [Span(pad("step", stepWidth), style: Theme.muted), Span(pad("MSE MAML", errorWidth, right: true), style: Theme.muted)]
        if showBaseline { header.append(Span(pad("base", errorWidth, right: true), style: Theme.muted)) }
        var steps = Array(0...SineState.maxSteps)
        if steps.count > rows - 1 {
            steps = Array(Set([0, 1, state.sine.shownSteps, SineState.maxSteps])).sorted()
        }
        var lines = [Line(header)]
        for step in steps {
            let current = step == state.sine.shownSteps
            let revealed = step <= state.sine.shownSteps
            let look = current ? Theme.accent : revealed ? Theme.label : Theme.muted
            var spans = [
                Span(pad((current ? "> " : "  ") + "\(step)", stepWidth), style: look),
                errorCell(c.adaptedError, step: step, look: look)
            ]
            if showBaseline, let base = c.baselineError { spans.append(errorCell(base, step: step, look: look)) }
            lines.append(Line(spans))
        }
        return lines
    }

    /// One right-aligned error, or "diverged" in the warning colour.
    static func errorCell(_ errors: [Float], step: Int, look: Style) -> Span {
        guard step < errors.count else { return Span(pad("", errorWidth)) }
        if SineCurves.hasDiverged(errors, at: step) { return Span(pad("diverged", errorWidth, right: true), style: Theme.wrong) }
        return Span(pad(NumberFormatting.fitted(Double(errors[step]), width: errorWidth - 1, maxDecimals: 3), errorWidth, right: true), style: look)
    }

    /// Says so when the steps on show have diverged (the step size is too large for these
    /// points); blank otherwise.
    static func divergenceLine(_ state: AppState, width: Int, charset: Charset) -> Line {
        guard let c = state.sine.curves else { return Line("") }
        let shown = state.sine.shownSteps
        let alpha = Symbols.alpha(charset)
        if let step = SineCurves.firstDivergedStep(c.adaptedError), step <= shown {
            let long = "diverged at step \(step): \(alpha) too large"
            return Line(CharacterWidth.of(long) <= width ? long : "diverged at step \(step)", style: Theme.wrong)
        }
        if state.sine.showBaseline, let base = c.baselineError, let step = SineCurves.firstDivergedStep(base), step <= shown {
            return Line("baseline diverged at step \(step)", style: Theme.wrong)
        }
        return Line("")
    }

    static func modelCaption(_ state: AppState) -> String {
        var caption = "model: " + state.resources.sineModel.caption
        if state.sine.showBaseline { caption += "; baseline: " + state.resources.sineBaseline.caption }
        return caption
    }

    /// A left click inside the plot adds a support point there.
    static func action(forClickAt column: Int, _ row: Int, in state: AppState, area: Rect) -> Action? {
        let plot = makePlot(state, charset: .unicode)
        return plot.value(atColumn: column, row: row, in: layout(area).plot).map { .sineAddPoint($0) }
    }
}

/// `value` with `decimals` digits.
func fixed(_ value: Float, _ decimals: Int) -> String { NumberFormatting.fixed(Double(value), decimals: decimals) }

/// `text` padded with spaces to `width` columns (on the left when `right`).
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let missing = max(0, width - CharacterWidth.of(text))
    return right ? String(repeating: " ", count: missing) + text : text + String(repeating: " ", count: missing)
}
