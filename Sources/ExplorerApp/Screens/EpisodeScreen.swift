import TerminalUI

/// Screen 1: the support set, one block per class, and the queries with the ProtoNet's verdicts,
/// under a line that says what those are.
enum EpisodeScreen {
    /// Columns of the class labels: the number, then the alphabet over the character number
    /// (or the character number alone when every class is from one alphabet).
    static func labelWidth(_ view: EpisodeView, in area: Rect) -> Int {
        let shared = view.sharedAlphabet != nil
        let names = view.classes.map { info -> Int in
            let number = CharacterWidth.of(ClassName.character(info.character, rotationDegrees: info.rotationDegrees))
            return shared ? number : max(number, CharacterWidth.of(ClassName.alphabet(info.alphabet)))
        }
        let prefix = "\(view.ways)".count + 2
        return min(max(10, prefix + (names.max() ?? 0) + 1), max(10, area.width / 3))
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard let view = state.episode.view else {
            Notice.omniglot(state.resources, waitingFor: "sampling an episode", charset: buffer.charset).render(into: &buffer, area: area)
            return
        }
        let (legend, body) = area.splitTop(1)
        renderLegend(view, into: &buffer, area: legend)
        let columns = body.splitHorizontally([.percentage(55), .fill(1)])
        renderSupport(view, state: state, into: &buffer, area: columns[0])
        renderQueries(view, state: state, into: &buffer, area: columns[1])
        if state.episode.zoomed { ZoomOverlay.render(view, state: state, into: &buffer, area: area) }
    }

    /// One line for someone seeing the screen for the first time: what the support set, the
    /// queries, the marks and the numbers are. The longest wording that fits is used.
    static func renderLegend(_ view: EpisodeView, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let check = Symbols.check(charset), cross = Symbols.cross(charset), dot = " " + Symbols.dot(charset) + " "
        let classes = "1-\(view.ways)"
        let wordings = [
            "Support: a few labelled drawings of each class, numbered \(classes)" + dot
                + "Queries: new drawings the ProtoNet classifies" + dot + "\(check) 3: it says class 3, right" + dot
                + "\(cross) 3 (is 2): wrong",
            "Support: labelled drawings of classes \(classes)" + dot + "Queries: new drawings to classify" + dot
                + "\(check) 3: said class 3, right" + dot + "\(cross): wrong",
            "Support: labelled classes \(classes)" + dot + "Query: new drawing" + dot + "\(check) 3: said class 3, right",
            "Support: classes \(classes)" + dot + "Query: new drawing" + dot + "\(check) 3: said 3, right"
        ]
        let text = wordings.first { CharacterWidth.of($0) <= area.width - 1 } ?? wordings[wordings.count - 1]
        buffer.set(x: area.x + 1, y: area.y, string: text, style: Theme.muted, clip: area)
    }

    static func renderSupport(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let e = state.episode
        let shared = view.sharedAlphabet
        let title = "Support set  \(view.ways)-way \(view.classes.first?.support.count ?? 0)-shot"
        let block = Block(title: title, rightTitle: shared.map { "one alphabet: " + $0 } ?? (e.withinAlphabet ? "one alphabet" : view.splitName))
            .title(Block.Title(view.modelCaption, style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 1, !view.classes.isEmpty else { return }
        let labelWidth = labelWidth(view, in: inner)
        let layout = SupportLayout.best(
            classes: view.classes.count, shots: max(1, view.classes[0].support.count), labelWidth: labelWidth, in: inner)
        let numberWidth = "\(view.ways)".count
        for (label, info) in view.classes.enumerated() {
            guard let cell = layout.classArea(label, in: inner) else {
                let more = "+\(view.classes.count - label) more (make the window taller)"
                buffer.set(x: inner.x, y: inner.bottom - 1, string: more, style: Theme.muted, clip: inner)
                break
            }
            let color = Style(fg: Theme.classColor(label), modifiers: .bold)
            let number = pad("\(label + 1)", numberWidth, right: true)
            if layout.labelAbove {
                // One line above the drawings: "3 Syriac (Serto) #19 r270", shortened to fit.
                let labelArea = cell.row(0)
                let nameX = buffer.set(x: cell.x, y: cell.y, string: number, style: color, clip: labelArea) + 1
                let name = info.caption(width: labelArea.right - nameX, alphabetShown: shared == nil, charset: buffer.charset)
                buffer.set(x: nameX, y: cell.y, string: name, style: Theme.label, clip: labelArea)
            } else {
                renderLabelBeside(
                    info, number: number, color: color, shared: shared != nil,
                    area: Rect(x: cell.x, y: cell.y, width: labelWidth - 1, height: cell.height), into: &buffer)
            }
            for (shot, image) in info.support.enumerated() {
                glyph(image, mode: state.glyphMode).render(into: &buffer, area: layout.glyphArea(shot, in: cell))
            }
        }
    }

    /// The label in a column left of the drawings: the number, then the alphabet over the
    /// character number (the number alone when the alphabet is named in the title). It stays in
    /// its column: the drawings start after a blank one.
    static func renderLabelBeside(_ info: EpisodeView.ClassInfo, number: String, color: Style, shared: Bool, area: Rect, into buffer: inout Buffer) {
        let nameX = area.x + CharacterWidth.of(number) + 2, nameWidth = area.right - nameX
        let character = info.caption(width: nameWidth, alphabetShown: false, charset: buffer.charset)
        buffer.set(x: area.x, y: area.y, string: number, style: color, clip: area)
        guard !shared else {
            buffer.set(x: nameX, y: area.y, string: character, style: Theme.label, clip: area)
            return
        }
        let alphabet = ClassName.alphabet(info.alphabet)
        let fitted =
            CharacterWidth.of(alphabet) <= nameWidth ? alphabet : String(alphabet.prefix(max(1, nameWidth - 1))) + Symbols.ellipsis(buffer.charset)
        buffer.set(x: nameX, y: area.y, string: fitted, style: Theme.label, clip: area)
        buffer.set(x: nameX, y: area.y + 1, string: character, style: Theme.muted, clip: area)
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
        var cellHeight = max(2, inner.height / rows)
        // Every drawing gets the same square, so the verdicts of a grid row share one line,
        // right under the drawings; the grid is centred when the drawings cannot use the height.
        let glyphRows = max(1, min(cellHeight - (cellHeight > 3 ? 2 : 1), (cellWidth - 1) / 2))
        cellHeight = min(cellHeight, glyphRows + (cellHeight > 3 ? 2 : 1))
        let top = inner.y + max(0, (inner.height - rows * cellHeight) / 2)
        for (index, query) in view.queries.enumerated() {
            let cell = Rect(
                x: inner.x + (index % columns) * cellWidth, y: top + (index / columns) * cellHeight, width: cellWidth - 1, height: cellHeight)
            guard cell.bottom <= inner.bottom else { continue }
            let selected = index == state.episode.selectedQuery
            glyph(query.drawing, mode: state.glyphMode).render(into: &buffer, area: Rect(x: cell.x, y: cell.y, width: cell.width, height: glyphRows))
            let captionRow = cell.row(glyphRows)
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
