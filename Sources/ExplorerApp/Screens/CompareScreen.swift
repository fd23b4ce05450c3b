import TerminalUI

/// Screen 6: the current episode through the four metric learners at once. For the selected
/// query: its drawing, then each learner's evidence in its own panel (pair scores, attention and
/// cosines, distances to prototypes, relation scores), its prediction and probability; beside
/// the query, which learners got each query right.
enum CompareScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard let view = state.compare.view, !view.queries.isEmpty else {
            Notice.omniglot(state.resources, waitingFor: "running the four learners", charset: buffer.charset)
                .render(into: &buffer, area: area)
            return
        }
        let selected = min(max(0, state.episode.selectedQuery), view.queries.count - 1)
        let (left, right) = area.splitLeft(min(36, max(24, area.width / 5 + 4)))
        let summaryHeight = min(view.queries.count + 4, max(6, left.height - 9))
        let (drawings, summaryArea) = left.splitBottom(summaryHeight)
        // The support set joins the query when there is room for both to be legible: three
        // rows a class at least.
        let (queryArea, supportArea) = drawings.splitTop(drawings.height * 2 / 5)
        if queryArea.height >= 10, (supportArea.height - 2) / max(1, view.ways) >= 3 {
            renderQuery(view, selected: selected, state: state, into: &buffer, area: queryArea)
            renderSupport(view, state: state, into: &buffer, area: supportArea)
        } else {
            renderQuery(view, selected: selected, state: state, into: &buffer, area: drawings)
        }
        renderSummary(view, selected: selected, into: &buffer, area: summaryArea)
        let rows = right.splitVertically([.fill(1), .fill(1)])
        let cells = rows.flatMap { $0.splitHorizontally([.fill(1), .fill(1)]) }
        for (learner, cell) in zip(view.learners, cells) {
            LearnerPanel(view: view, learner: learner, query: selected).render(into: &buffer, area: cell)
        }
    }

    static func renderQuery(_ view: CompareView, selected: Int, state: AppState, into buffer: inout Buffer, area: Rect) {
        let query = view.queries[selected]
        let block = Block(title: "Query q\(selected + 1)", rightTitle: "is \(query.label + 1)")
            .title(Block.Title("episode \(view.episodeNumber)", style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 2 else { return }
        let glyph = EpisodeScreen.glyph(query.drawing, mode: state.glyphMode)
        let fitted = glyph.fittedSize(in: inner.inset(bottom: 2))
        let x = inner.x + max(0, (inner.width - fitted.columns) / 2)
        glyph.render(into: &buffer, area: Rect(x: x, y: inner.y, width: fitted.columns, height: fitted.rows).intersection(inner))
        // The caption right under the drawing, not at the foot of a tall panel.
        let captionArea = Rect(x: inner.x, y: inner.y + fitted.rows, width: inner.width, height: 2).intersection(inner)
        let info = view.classes[query.label]
        let color = Style(fg: Theme.classColor(query.label), modifiers: .bold)
        buffer.set(
            line: Line([Span("\(query.label + 1) ", style: color), Span(ClassName.alphabet(info.alphabet))]),
            y: captionArea.y, in: captionArea)
        let detail = ClassName.character(info.character, rotationDegrees: info.rotationDegrees)
        buffer.set(line: Line(detail, style: Theme.muted), y: captionArea.y + 1, in: captionArea)
    }

    /// One row per class: its number and its support drawings, which the Siamese and Matching
    /// panels' numbers follow in order.
    static func renderSupport(_ view: CompareView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Support set", rightTitle: "\(view.ways)-way \(view.classes.first?.support.count ?? 0)-shot")
            .title(Block.Title(view.splitName, style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height >= view.ways, inner.width > 4 else { return }
        let rowHeight = min(5, inner.height / view.ways)
        // A blank row between classes once there are rows to spare.
        let glyphHeight = rowHeight >= 4 ? rowHeight - 1 : rowHeight
        let glyphWidth = max(2, min(2 * glyphHeight, (inner.width - 3) / max(1, view.classes[0].support.count) - 1))
        for (label, info) in view.classes.enumerated() {
            let y = inner.y + label * rowHeight
            buffer.set(x: inner.x, y: y, string: "\(label + 1)", style: Style(fg: Theme.classColor(label), modifiers: .bold), clip: inner)
            for (shot, image) in info.support.enumerated() {
                let rect = Rect(x: inner.x + 3 + shot * (glyphWidth + 1), y: y, width: glyphWidth, height: glyphHeight)
                EpisodeScreen.glyph(image, mode: state.glyphMode).render(into: &buffer, area: rect.intersection(inner))
            }
        }
    }

    /// One row per query: a mark per learner (right, wrong, or no model), and where they differ.
    static func renderSummary(_ view: CompareView, selected: Int, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let differ = charset == .ascii ? "!=" : "≠"
        let block = Block(title: "Who is right", rightTitle: "\(differ) differ")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 2 else { return }
        let column = { (index: Int) in inner.x + 6 + 3 * index }
        for (index, learner) in view.learners.enumerated() {
            buffer.set(x: column(index), y: inner.y, string: learner.kind.letter, style: Theme.heading, clip: inner)
        }
        // The rows that fit, the selected query always among them; the last line keeps the totals.
        let visible = max(1, inner.height - 2)
        let first = max(0, min(selected - visible / 2, view.queries.count - visible))
        for index in first..<min(view.queries.count, first + visible) {
            let y = inner.y + 1 + index - first
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            buffer.set(x: inner.x, y: y, string: "q\(index + 1)", style: index == selected ? Theme.selected : Theme.label, clip: row)
            for (learnerIndex, learner) in view.learners.enumerated() {
                guard let verdict = learner.verdicts?[index] else {
                    buffer.set(x: column(learnerIndex), y: y, string: Symbols.dot(charset), style: Theme.muted, clip: row)
                    continue
                }
                let right = verdict.predicted == view.queries[index].label
                let mark = right ? Symbols.check(charset) : Symbols.cross(charset)
                buffer.set(x: column(learnerIndex), y: y, string: mark, style: right ? Theme.correct : Theme.wrong, clip: row)
            }
            if view.disagree(on: index) {
                buffer.set(x: column(view.learners.count), y: y, string: differ, style: Theme.warning, clip: row)
            }
        }
        let totalsY = inner.bottom - 1
        buffer.set(x: inner.x, y: totalsY, string: "right", style: Theme.muted, clip: inner)
        for (index, learner) in view.learners.enumerated() {
            let right = learner.verdicts.map { verdicts in zip(verdicts, view.queries).filter { $0.predicted == $1.label }.count }
            let total = right.map { "\($0)" } ?? "-"
            buffer.set(x: column(index) + 1 - CharacterWidth.of(total), y: totalsY, string: total, style: Theme.muted, clip: inner)
        }
    }
}
