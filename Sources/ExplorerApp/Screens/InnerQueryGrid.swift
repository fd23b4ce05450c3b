import TerminalUI

/// One task's query drawings on the Inner loop screen, a column per true class, each with the
/// class the adapted model gives it and that class's probability at the step on show: the
/// verdicts change as the steps advance.
enum InnerQueryGrid {
    static func render(_ result: InnerResult, task index: Int, shown: Int, glyphMode: GlyphStyle, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        guard result.tasks.indices.contains(index % max(1, result.tasks.count)) else { return }
        let taskIndex = index % result.tasks.count
        let task = result.tasks[taskIndex]
        let step = min(shown, task.predictions.count - 1)
        let letter = InnerLoopScreen.letter(taskIndex)
        let right = step >= 0 ? task.predictions[step].enumerated().filter { $0.element == task.labels[$0.offset] }.count : 0
        let block = Block(title: "Task \(letter) queries at step \(max(0, step))", rightTitle: "\(right)/\(task.labels.count) right")
            .title(
                Block.Title(
                    "mark, class given, its probability" + (result.tasks.count > 1 ? "  t next task" : ""), style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard step >= 0, task.ways > 0, inner.height > 2, !task.queryDrawings.isEmpty else { return }
        // A column per true class, its queries under one another.
        let columns = (0..<task.ways).map { label in task.labels.indices.filter { task.labels[$0] == label } }
        let rows = columns.map(\.count).max() ?? 0
        guard rows > 0 else { return }
        let cellWidth = inner.width / task.ways
        let cellHeight = (inner.height - 1) / rows
        guard cellWidth >= 4, cellHeight >= 2 else { return }
        let glyphRows = max(1, min(cellHeight - 1, (cellWidth - 1) / 2))
        for (label, queries) in columns.enumerated() {
            let x = inner.x + label * cellWidth
            let headerCell = Rect(x: x, y: inner.y, width: cellWidth - 1, height: 1)
            buffer.set(
                line: Line("is \(label + 1)", style: Style(fg: Theme.classColor(label), modifiers: .bold), alignment: .center), y: inner.y,
                in: headerCell)
            for (row, query) in queries.enumerated() where query < task.queryDrawings.count {
                let cell = Rect(x: x, y: inner.y + 1 + row * cellHeight, width: cellWidth - 1, height: cellHeight)
                let image = task.queryDrawings[query]
                GlyphView(bytes: image.bytes, width: image.width, height: image.height, mode: glyphMode)
                    .render(into: &buffer, area: Rect(x: cell.x, y: cell.y, width: cell.width, height: glyphRows))
                let predicted = task.predictions[step][query]
                let isRight = predicted == task.labels[query]
                let probability = task.probability(step: step, query: query, label: predicted)
                let caption = self.caption(
                    right: isRight, predicted: predicted, probability: probability, width: cell.width, charset: charset)
                buffer.set(
                    line: Line(caption, style: isRight ? Theme.correct : Theme.wrong, alignment: .center), y: cell.y + glyphRows,
                    in: cell.row(glyphRows))
            }
        }
    }

    /// "✓ 3 0.87", or shorter ("✓3 .87", "✓3 1.0", "✓3") as the cell narrows.
    static func caption(right: Bool, predicted: Int, probability: Float?, width: Int, charset: Charset) -> String {
        let mark = right ? Symbols.check(charset) : Symbols.cross(charset)
        guard let probability else { return mark + "\(predicted + 1)" }
        let p = fixed(probability, 2)
        // ".87", and "1.0" for a certainty, where a cell is too narrow for two decimals.
        let short = p.hasPrefix("0.") ? String(p.dropFirst()) : String(p.dropLast())
        let wordings = [
            mark + " \(predicted + 1) " + p, mark + "\(predicted + 1) " + p, mark + "\(predicted + 1) " + short, mark + "\(predicted + 1)"
        ]
        return wordings.first { CharacterWidth.of($0) <= width } ?? wordings[wordings.count - 1]
    }
}
