import TerminalUI

/// Screen 7: one test sequence of Santoro et al.'s task through the shipped MANN, a step at a
/// time. Left, the current drawing large with the learner's confidence in each label, and the
/// sequence so far (true label, ✓/✗); in the middle, the memory (slots × width) and the current
/// step's read and write weights and the usage over the slots; right, accuracy by instance
/// (shipped models, the paper's MANN, LSTM and people) and this sequence's running tally.
enum MemoryScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard let view = state.memory.view, !view.steps.isEmpty else {
            Notice.omniglot(state.resources, waitingFor: "running a test sequence through MANN and the LSTM", charset: buffer.charset)
                .render(into: &buffer, area: area)
            return
        }
        let memory = state.memory
        let t = min(memory.currentStep, view.length - 1)
        // Narrow windows keep 74 columns for the memory (two slots a column) when they can.
        let leftWidth = area.width >= 140 ? min(44, area.width / 4 + 2) : max(26, min(30, area.width - 74))
        let (left, rest) = area.splitLeft(leftWidth)
        let currentHeight = min(max(9, left.height / 3 + 2), left.height - 6)
        let (currentArea, sequenceArea) = left.splitTop(currentHeight)
        renderCurrent(view, step: t, state: state, into: &buffer, area: currentArea)
        renderSequence(view, shown: t + 1, state: state, into: &buffer, area: sequenceArea)
        if rest.width >= 100 {
            // The memory panel gets two slots a column (74 columns for 128 slots) before the chart grows.
            let (middle, right) = rest.splitRight(min(56, max(38, rest.width - 74)))
            MemoryPanel(view: view, step: t, learner: memory.learner).render(into: &buffer, area: middle)
            let (chartArea, tallyArea) = right.splitBottom(min(right.height / 2, view.drawingsPerClass + 3))
            InstanceChart(view: view, shown: t + 1, learner: memory.learner).render(into: &buffer, area: chartArea)
            renderTally(view, shown: t + 1, learner: memory.learner, into: &buffer, area: tallyArea)
        } else {
            let (top, chartArea) = rest.splitTop(rest.height * 11 / 20)
            MemoryPanel(view: view, step: t, learner: memory.learner).render(into: &buffer, area: top)
            InstanceChart(view: view, shown: t + 1, learner: memory.learner, tallyInTitle: true).render(into: &buffer, area: chartArea)
        }
    }

    /// The current step: its drawing large, its true label and the learner's probability for
    /// each label, its prediction marked.
    static func renderCurrent(_ view: MemoryView, step t: Int, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let step = view.steps[t]
        let run = view.run(state.memory.learner)
        var block = Block(title: "Step \(t + 1) of \(view.length)", rightTitle: "is \(step.label + 1)")
            .title(Block.Title("sequence \(view.episodeNumber)", style: Theme.muted, position: .bottom))
        if let predicted = run.predictions?[t], let p = run.probabilities?[t][predicted] {
            let right = predicted == step.label
            block = block.title(
                Block.Title(
                    Line([
                        Span("\(run.kind == .mann ? "MANN" : "LSTM") \(Symbols.arrow(charset)) \(predicted + 1) "),
                        Span(right ? Symbols.check(charset) : Symbols.cross(charset), style: right ? Theme.correct : Theme.wrong),
                        Span(" " + NumberFormatting.fixed(p, decimals: 2))
                    ]), alignment: .right, position: .bottom))
        }
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 2, inner.width > 6 else { return }
        let barsWidth = min(max(14, inner.width * 2 / 5), inner.width - 6)
        let (drawingArea, barsArea) = inner.splitRight(barsWidth)
        EpisodeScreen.glyph(step.drawing, mode: state.glyphMode).render(into: &buffer, area: drawingArea.inset(right: 1))
        let firstTime = step.instance == 1
        let heading = firstTime ? "first time seen" : "seen \(step.instance - 1)x before"
        buffer.set(line: Line(heading, style: firstTime ? Theme.warning : Theme.muted), y: barsArea.y, in: barsArea)
        guard let probabilities = run.probabilities?[t] else {
            buffer.set(line: Line("no \(run.kind.name) model", style: Theme.muted), y: barsArea.y + 1, in: barsArea)
            return
        }
        for (label, p) in probabilities.enumerated() where barsArea.y + 1 + label < barsArea.bottom {
            let row = Rect(x: barsArea.x, y: barsArea.y + 1 + label, width: barsArea.width, height: 1)
            let color = Style(fg: Theme.classColor(label), modifiers: .bold)
            var x = buffer.set(x: row.x, y: row.y, string: "\(label + 1)", style: color, clip: row)
            x = buffer.set(x: x, y: row.y, string: label == step.label ? "* " : "  ", style: Theme.label, clip: row)
            let value = NumberFormatting.fixed(p, decimals: 2)
            let barWidth = max(0, row.right - x - CharacterWidth.of(value) - 1)
            let filled = Int((Double(min(max(p, 0), 1)) * Double(barWidth)).rounded())
            buffer.set(
                x: x, y: row.y, string: String(repeating: charset == .ascii ? "#" : "█", count: filled), style: Style(fg: Theme.classColor(label)),
                clip: row)
            let predicted = run.predictions?[t] == label
            buffer.set(x: row.right - CharacterWidth.of(value), y: row.y, string: value, style: predicted ? Theme.accent : Theme.label, clip: row)
        }
    }

    /// The steps so far as small drawings, each with its true label, the learner's ✓/✗ (the
    /// wrong label after a ✗) and its confidence; the latest rows when they do not all fit.
    static func renderSequence(_ view: MemoryView, shown: Int, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let run = view.run(state.memory.learner)
        let right = run.predictions.map { p in (0..<shown).filter { p[$0] == view.steps[$0].label }.count }
        var block = Block(title: "Sequence").title(Block.Title(view.splitName, style: Theme.muted, position: .bottom))
        if let right { block = block.title(Block.Title("\(right)/\(shown) right", alignment: .right)) }
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height >= 2, inner.width >= 6 else { return }
        // Cells of a drawing over its label line, as large as lets every row of the sequence fit
        // once there is room; the current step is always in view.
        let cellWidth = 7
        let perRow = max(1, (inner.width + 1) / (cellWidth + 1))
        let totalRows = (view.length + perRow - 1) / perRow
        // Drawings of two rows at least, three once the panel has twelve rows.
        let cellHeight = max(inner.height >= 12 ? 4 : 3, min(5, inner.height / max(1, totalRows)))
        let visibleRows = max(1, inner.height / cellHeight)
        let currentRow = (shown - 1) / perRow
        let firstRow = max(0, currentRow - visibleRows + 1)
        for t in (firstRow * perRow)..<min(shown, (firstRow + visibleRows) * perRow) {
            let x = inner.x + (t % perRow) * (cellWidth + 1)
            let y = inner.y + (t / perRow - firstRow) * cellHeight
            let step = view.steps[t]
            let drawing = Rect(x: x, y: y, width: cellWidth, height: cellHeight - 1).intersection(inner)
            EpisodeScreen.glyph(step.drawing, mode: state.glyphMode).render(into: &buffer, area: drawing)
            let labelRow = Rect(x: x, y: y + cellHeight - 1, width: cellWidth, height: 1).intersection(inner)
            var spans = [Span("\(step.label + 1)", style: Style(fg: Theme.classColor(step.label), modifiers: .bold))]
            if let predicted = run.predictions?[t], let p = run.probabilities?[t][predicted] {
                spans.append(
                    predicted == step.label
                        ? Span(Symbols.check(charset), style: Theme.correct)
                        : Span(Symbols.cross(charset) + "\(predicted + 1)", style: Theme.wrong))
                spans.append(Span(" " + Self.confidence(p), style: Theme.muted))
            }
            let style = t == shown - 1 ? Theme.selected : Style.plain
            buffer.set(x: labelRow.x, y: labelRow.y, spans: spans.map { Span($0.text, style: $0.style.patched(with: style)) }, clip: labelRow)
        }
    }

    /// A probability in three columns: ".93", "1.0".
    static func confidence(_ p: Float) -> String {
        p >= 0.995 ? "1.0" : String(NumberFormatting.fixed(p, decimals: 2).drop { $0 == "0" })
    }

    /// This sequence so far, per instance: how many of the k-th appearances the learner got right.
    static func renderTally(_ view: MemoryView, shown: Int, learner: SequenceLearnerKind, into buffer: inout Buffer, area: Rect) {
        let run = view.run(learner)
        let block = Block(title: "This sequence: \(run.kind.name)")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        guard run.isAvailable else {
            Paragraph([Line("No model: \(run.caption).", style: Theme.muted)], wrap: true).render(into: &buffer, area: inner)
            return
        }
        let tally = view.tally(learner, shown: shown)
        let key = buffer.charset == .ascii ? "# right, . wrong" : "█ right, ░ wrong"
        buffer.set(line: Line("k-th   right  " + key, style: Theme.muted), y: inner.y, in: inner)
        for (index, entry) in tally.enumerated() where inner.y + 1 + index < inner.bottom {
            let row = Rect(x: inner.x, y: inner.y + 1 + index, width: inner.width, height: 1)
            let name = InstanceChart.ordinal(index + 1).padding(toLength: 7, withPad: " ", startingAt: 0)
            let text = (entry.seen == 0 ? "-" : "\(entry.right)/\(entry.seen)").padding(toLength: 7, withPad: " ", startingAt: 0)
            let x = buffer.set(x: row.x, y: row.y, spans: [Span(name, style: Theme.muted), Span(text, style: Theme.label)], clip: row)
            guard entry.seen > 0 else { continue }
            // One cell per appearance: filled when labelled right.
            let marks =
                String(repeating: buffer.charset == .ascii ? "#" : "█", count: entry.right)
                + String(repeating: buffer.charset == .ascii ? "." : "░", count: entry.seen - entry.right)
            buffer.set(x: x, y: row.y, string: marks, style: Theme.correct, clip: row)
        }
    }
}
