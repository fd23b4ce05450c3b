import TerminalUI

/// Screen 1: the support set, one row per class, and the queries with the ProtoNet's verdicts.
enum EpisodeScreen {
    static func labelWidth(_ view: EpisodeView) -> Int {
        min(24, max(14, (view.classes.map { CharacterWidth.of($0.alphabet) }.max() ?? 0) + 4))
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard let view = state.episode.view else {
            Notice.omniglot(state.resources, waitingFor: "sampling an episode", charset: buffer.charset).render(into: &buffer, area: area)
            return
        }
        let columns = area.splitHorizontally([.percentage(55), .fill(1)])
        renderSupport(view, state: state, into: &buffer, area: columns[0])
        renderQueries(view, state: state, into: &buffer, area: columns[1])
        if state.episode.zoomed { ZoomOverlay.render(view, state: state, into: &buffer, area: area) }
    }

    static func renderSupport(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let e = state.episode
        let title = "Support set  \(view.ways)-way \(view.classes.first?.support.count ?? 0)-shot"
        let block = Block(title: title, rightTitle: e.withinAlphabet ? "one alphabet" : view.splitName)
            .title(Block.Title(view.modelCaption, style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 0, !view.classes.isEmpty else { return }
        let rowHeight = max(2, inner.height / view.classes.count)
        let shots = max(1, view.classes[0].support.count)
        let labelWidth = labelWidth(view)
        let glyphWidth = max(2, min(2 * rowHeight, (inner.width - labelWidth) / shots - 1))
        for (label, info) in view.classes.enumerated() {
            let y = inner.y + label * rowHeight
            guard y + 1 < inner.bottom else {
                buffer.set(
                    x: inner.x, y: inner.bottom - 1, string: "+\(view.classes.count - label) more (make the window taller)", style: Theme.muted)
                break
            }
            let color = Style(fg: Theme.classColor(label), modifiers: .bold)
            let labelArea = Rect(x: inner.x, y: y, width: labelWidth - 1, height: rowHeight)
            buffer.set(x: labelArea.x, y: y, string: "\(label + 1)", style: color, clip: labelArea)
            buffer.set(x: labelArea.x + 3, y: y, string: shortAlphabet(info.alphabet), style: Theme.label, clip: labelArea)
            let detail = info.rotationDegrees == 0 ? "char \(info.character)" : "char \(info.character) r\(info.rotationDegrees)"
            buffer.set(x: labelArea.x + 3, y: y + 1, string: detail, style: Theme.muted, clip: labelArea)
            for (shot, image) in info.support.enumerated() {
                let rect = Rect(
                    x: inner.x + labelWidth + shot * (glyphWidth + 1), y: y, width: glyphWidth, height: rowHeight - (rowHeight > 4 ? 1 : 0))
                glyph(image, mode: state.glyphMode).render(into: &buffer, area: rect.intersection(inner))
            }
        }
    }

    static func renderQueries(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let correct = view.queries.filter(\.isCorrect).count
        let block = Block(title: "Queries", rightTitle: "\(correct)/\(view.queries.count) right")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let count = view.queries.count
        guard count > 0, inner.height > 2 else { return }
        let columns = EpisodeState.queryColumns(count: count)
        let rows = (count + columns - 1) / columns
        let cellWidth = inner.width / columns
        let cellHeight = max(2, inner.height / rows)
        for (index, query) in view.queries.enumerated() {
            let cell = Rect(
                x: inner.x + (index % columns) * cellWidth, y: inner.y + (index / columns) * cellHeight,
                width: cellWidth - 1, height: cellHeight)
            guard cell.bottom <= inner.bottom else { continue }
            let selected = index == state.episode.selectedQuery
            // The verdict goes right under the drawing, not at the foot of a tall cell.
            let view = glyph(query.drawing, mode: state.glyphMode)
            let fitted = view.fittedSize(in: cell.inset(top: 0, left: 0, bottom: 1, right: 0))
            view.render(into: &buffer, area: Rect(x: cell.x, y: cell.y, width: cell.width, height: fitted.rows))
            let captionRow = cell.row(fitted.rows)
            let verdict = query.isCorrect ? Symbols.check(charset) : Symbols.cross(charset)
            var caption = "\(verdict) \(query.predicted + 1)"
            if !query.isCorrect { caption += " (is \(query.label + 1))" }
            let look = (query.isCorrect ? Theme.correct : Theme.wrong).patched(with: selected ? Theme.selected : .plain)
            let text = selected ? "[" + caption + "]" : " " + caption + " "
            buffer.set(line: Line(text, style: look, alignment: .center), y: captionRow.y, in: captionRow)
        }
    }

    static func glyph(_ image: GlyphImage, mode: GlyphStyle) -> GlyphView {
        GlyphView(bytes: image.bytes, width: image.width, height: image.height, mode: mode)
    }

    /// "Japanese (hiragana)" from the folder name, trimmed for a label column.
    static func shortAlphabet(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }
}

/// `z`: the selected query large, beside the 28x28 image the network actually sees.
enum ZoomOverlay {
    static func render(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        guard view.queries.indices.contains(state.episode.selectedQuery) else { return }
        let query = view.queries[state.episode.selectedQuery]
        let charset = buffer.charset
        let popup = Popup(
            title: "Query \(state.episode.selectedQuery + 1)  (z or Esc closes)", width: min(area.width - 2, 90), height: area.height - 2)
        popup.render(into: &buffer, screen: area)
        let content = popup.contentArea(in: area)
        let parts = content.splitVertically([.fill(1), .length(3)])
        let halves = parts[0].splitHorizontally([.fill(1), .fill(1)], spacing: 2)
        buffer.set(line: Line("drawing, 105x105", style: Theme.muted, alignment: .center), y: halves[0].y, in: halves[0])
        buffer.set(line: Line("model input, 28x28", style: Theme.muted, alignment: .center), y: halves[1].y, in: halves[1])
        EpisodeScreen.glyph(query.original, mode: state.glyphMode).render(into: &buffer, area: halves[0].inset(top: 1))
        // The ramp shows the grey levels of the downsampled input; blocks and braille would hide them.
        let inputMode: GlyphStyle = state.glyphMode == .braille ? .blocks : .ascii
        EpisodeScreen.glyph(query.input, mode: inputMode).render(into: &buffer, area: halves[1].inset(top: 1))
        let truth = view.classes[query.label]
        let verdict = query.isCorrect ? Symbols.check(charset) + " right" : Symbols.cross(charset) + " wrong"
        let lines = [
            Line([Span("is class \(query.label + 1) ", style: Theme.muted), Span(truth.caption)]),
            Line([
                Span("predicted \(query.predicted + 1) ", style: Theme.muted),
                Span(verdict, style: query.isCorrect ? Theme.correct : Theme.wrong),
                Span("  p = " + fixed(query.probabilities[query.predicted], 2), style: Theme.muted)
            ])
        ]
        Paragraph(lines, wrap: false).render(into: &buffer, area: parts[1])
    }
}
