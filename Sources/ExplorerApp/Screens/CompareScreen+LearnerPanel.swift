import TerminalUI

/// One learner's panel on the Compare screen: for the selected query, a row per class with the
/// learner's own evidence (per support drawing or per class), a bar of the class's probability
/// and its value; the prediction, right or wrong, in the title; the model in the bottom border.
struct LearnerPanel: Widget {
    var view: CompareView
    var learner: CompareView.Learner
    var query: Int

    /// A run of numbers on a class row, introduced by a short muted label ("cos", "pair").
    struct Group {
        var label: String
        var values: [Float]
        var decimals: Int

        /// A value as drawn: scores and cosines in (−1, 1) without the leading zero (".86"), so
        /// five shots fit a panel.
        func text(_ value: Float) -> String {
            let text = NumberFormatting.fixed(value, decimals: decimals)
            guard decimals > 0, abs(value) < 0.995 else { return text }
            return text.hasPrefix("-0.") ? "-" + text.dropFirst(2) : text.hasPrefix("0.") ? String(text.dropFirst()) : text
        }

        /// Columns for the label and the first `count` values, with the space after them.
        func width(_ count: Int) -> Int {
            CharacterWidth.of(label) + values.prefix(count).reduce(0) { $0 + 1 + CharacterWidth.of(text($1)) } + 1
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let label = view.queries[query].label
        // Narrow panels keep room in the title for the verdict.
        let narrow = area.width < 44
        var block = Block(title: narrow ? learner.kind.shortName : learner.kind.name)
        if let verdict = learner.verdicts?[query] {
            let right = verdict.predicted == label
            let title = Line([
                Span("\(Symbols.arrow(charset)) \(verdict.predicted + 1) "),
                Span(right ? Symbols.check(charset) : Symbols.cross(charset), style: right ? Theme.correct : Theme.wrong),
                Span((narrow ? " " : " \(probabilityName(charset)) ") + NumberFormatting.fixed(verdict.probability, decimals: 2))
            ])
            block = block.title(Block.Title(title, alignment: .right))
        }
        block = block.title(Block.Title(learner.verdicts == nil ? "no model" : learner.caption, style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 0, inner.width > 4 else { return }
        guard let verdict = learner.verdicts?[query] else {
            var lines = [
                Line("No model for this learner.", style: Theme.heading, alignment: .center), Line(""),
                Line(learner.caption, style: Theme.muted, alignment: .center)
            ]
            if !view.available.isEmpty {
                lines += [Line(""), Line("The other panels still work.", style: Theme.muted, alignment: .center)]
            }
            let paragraph = Paragraph(lines)
            let height = min(inner.height, paragraph.lineCount(width: inner.width))
            paragraph.render(into: &buffer, area: inner.centered(width: inner.width, height: height))
            return
        }
        let header = evidenceHeader(charset, short: CharacterWidth.of(evidenceHeader(charset, short: false)) > inner.width)
        buffer.set(line: Line(header, style: Theme.muted), y: inner.y, in: inner)
        let rows = inner.height - 1
        for c in 0..<view.ways {
            let y = inner.y + 1 + c
            guard c < rows - 1 || c == view.ways - 1, y < inner.bottom else {
                buffer.set(x: inner.x, y: inner.bottom - 1, string: "+\(view.ways - c) more classes", style: Theme.muted, clip: inner)
                break
            }
            renderClassRow(
                c, verdict: verdict, isTrue: c == label, charset: charset, into: &buffer, row: Rect(x: inner.x, y: y, width: inner.width, height: 1))
        }
    }

    private func renderClassRow(
        _ c: Int, verdict: CompareView.Verdict, isTrue: Bool, charset: Charset, into buffer: inout Buffer, row: Rect
    ) {
        let predicted = verdict.predicted == c
        let color = Style(fg: Theme.classColor(c), modifiers: .bold)
        // Class numbers padded to the widest, so the columns line up at 10 ways.
        let number = String(c + 1), widest = String(view.ways).count
        var x = buffer.set(
            x: row.x + widest - number.count, y: row.y, string: number, style: predicted ? color.patched(with: Theme.selected) : color, clip: row)
        x = buffer.set(x: x, y: row.y, string: isTrue ? "* " : "  ", style: Theme.label, clip: row)
        let probability = verdict.probabilities[c]
        let value = NumberFormatting.fixed(probability, decimals: 2)
        // Evidence groups that fit, leaving room for a bar of at least 2 cells and the value:
        // the learner's numbers matter more than the bar that repeats the value.
        var room = row.right - x - CharacterWidth.of(value) - 3
        // A group that does not fit shows the values that do, then an ellipsis.
        let ellipsis = Symbols.ellipsis(charset)
        for group in groups(verdict, class: c) {
            var count = group.values.count
            while count > 0 && group.width(count) + (count < group.values.count ? CharacterWidth.of(ellipsis) : 0) > room { count -= 1 }
            guard count > 0 else { break }
            x = buffer.set(x: x, y: row.y, string: group.label, style: Theme.muted, clip: row)
            for v in group.values.prefix(count) { x = buffer.set(x: x + 1, y: row.y, string: group.text(v), clip: row) }
            if count < group.values.count { x = buffer.set(x: x, y: row.y, string: ellipsis, style: Theme.muted, clip: row) }
            x += 1
            room = row.right - x - CharacterWidth.of(value) - 3
        }
        let barWidth = max(0, row.right - x - CharacterWidth.of(value) - 1)
        let filled = Int((Double(min(max(probability, 0), 1)) * Double(barWidth)).rounded())
        let bar = String(repeating: charset == .ascii ? "#" : "█", count: filled)
        buffer.set(x: x, y: row.y, string: bar, style: Style(fg: Theme.classColor(c)), clip: row)
        buffer.set(x: row.right - CharacterWidth.of(value), y: row.y, string: value, style: predicted ? Theme.accent : Theme.label, clip: row)
    }

    /// The learner's own numbers for class `c`, most telling first (dropped from the end when narrow).
    func groups(_ verdict: CompareView.Verdict, class c: Int) -> [Group] {
        let shots = view.supportLabels.indices.filter { view.supportLabels[$0] == c }
        let multiShot = shots.count > 1
        switch learner.kind {
        case .prototypical:
            let largest = verdict.classEvidence.max() ?? 0
            return [Group(label: "d", values: [verdict.classEvidence[c]], decimals: largest >= 100 ? 0 : largest >= 10 ? 1 : 2)]
        case .matching:
            let cosines = Group(label: "cos", values: shots.map { verdict.supportCosines[$0] }, decimals: 2)
            return multiShot ? [cosines, Group(label: "a", values: shots.map { verdict.supportEvidence[$0] }, decimals: 2)] : [cosines]
        case .siamese:
            // One shot: the class's score is the one pair score, drawn as the bar.
            return multiShot ? [Group(label: "pair", values: shots.map { verdict.supportEvidence[$0] }, decimals: 2)] : []
        case .relation:
            return []
        }
    }

    /// What the panel's numbers are, in the learner's own terms (`short` for a narrow panel).
    func evidenceHeader(_ charset: Charset, short: Bool) -> String {
        let ascii = charset == .ascii
        switch (learner.kind, short) {
        case (.siamese, false):
            return ascii ? "P(same) = sigma(w.|f(q) - f(s)| + b), class mean" : "P(same) = σ(w·|f(q) − f(s)| + b), class mean"
        case (.siamese, true): return ascii ? "sigma(w.|f(q)-f(s)|+b)" : "σ(w·|f(q)−f(s)|+b)"
        case (.matching, false):
            return ascii ? "cos(f(q), f(s)); a = softmax over support, summed" : "cos(f(q), f(s)); a = softmax over support, Σ per class"
        case (.matching, true): return ascii ? "cos; a = softmax, summed" : "cos; a = softmax, Σ per class"
        case (.prototypical, false): return ascii ? "d = ||f(q) - c_k||^2; p = softmax(-d)" : "d = ‖f(q) − cₖ‖²; p = softmax(−d)"
        case (.prototypical, true): return ascii ? "d = ||f(q) - c_k||^2" : "d = ‖f(q) − cₖ‖²"
        case (.relation, false): return ascii ? "r = g(f(q) ++ sum f(s)) per class" : "r = g(f(q) ⊕ Σ f(s)) per class"
        case (.relation, true): return ascii ? "r = g(f(q) ++ sum f(s))" : "r = g(f(q) ⊕ Σ f(s))"
        }
    }

    /// What the probability in the title is.
    func probabilityName(_ charset: Charset) -> String {
        switch learner.kind {
        case .siamese: return "P(same)"
        case .matching, .prototypical: return "p"
        case .relation: return "r"
        }
    }
}
