import TerminalUI

/// MANN's memory after the current step's write: a column per slot (neighbouring slots share a
/// column when the panel is narrower than the memory, showing the largest), a row per position
/// in the slot, shaded by |M| on one scale for the whole sequence so that writes show as they
/// accumulate. Beneath, on the same columns, the step's read and write weights per head and the
/// usage weights.
struct MemoryPanel: Widget {
    var view: MemoryView
    var step: Int
    var learner: SequenceLearnerKind

    func render(into buffer: inout Buffer, area: Rect) {
        var block = Block(title: "MANN's memory after step \(step + 1)", rightTitle: "\(view.slots) slots x \(view.slotWidth)")
        guard view.memory.indices.contains(step) else {
            block.render(into: &buffer, area: area)
            renderMissing(into: &buffer, area: block.inner(area))
            return
        }
        let trace = view.memory[step]
        let heads = trace.writeWeights.count
        let strongest = { (weights: [[Float]]) in
            weights.map { w in w.indices.max { w[$0] < w[$1] }.map { "\($0 + 1)" } ?? "-" }.joined(separator: " ")
        }
        block = block.title(
            Block.Title(
                "wrote slot \(strongest(trace.writeWeights)), read \(strongest(trace.readWeights))", style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let labelWidth = 8
        guard inner.width > labelWidth + 8, inner.height >= 6 else { return }
        let group = (view.slots + (inner.width - labelWidth) - 1) / (inner.width - labelWidth)
        let columns = (view.slots + group - 1) / group
        // One row per head when there is room for them and a memory of at least 8 rows.
        let perHead = heads > 1 && inner.height - 1 - (2 * heads + 1) >= 8
        let weightRows = perHead ? 2 * heads + 1 : 3
        let memoryRows = max(1, inner.height - weightRows - 1)
        let rowGroup = (view.slotWidth + memoryRows - 1) / memoryRows
        let rows = (view.slotWidth + rowGroup - 1) / rowGroup

        // |M|, the largest in each block of slots and positions.
        var cells = [Float](repeating: 0, count: rows * columns)
        for slot in 0..<view.slots {
            for position in 0..<view.slotWidth {
                let cell = (position / rowGroup) * columns + slot / group
                cells[cell] = max(cells[cell], abs(trace.memory[slot * view.slotWidth + position]))
            }
        }
        let largest = view.memory.reduce(Float(0)) { m, s in s.memory.reduce(m) { max($0, abs($1)) } }
        let labels = (0..<rows).map { $0 == 0 ? "M" : $0 == rows - 1 ? "\(view.slotWidth)" : "" }
        Heatmap(
            values: cells, rows: rows, columns: columns, rowLabels: padded(labels), range: 0...max(largest, 1e-6), scale: .viridis,
            fill: .shade, cellWidth: 1
        ).render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows))

        var weights: [(String, [Float], ClosedRange<Float>)] = []
        if perHead {
            weights += trace.readWeights.enumerated().map { ("read \($0.offset + 1)", $0.element, 0...1) }
            weights += trace.writeWeights.enumerated().map { ("write \($0.offset + 1)", $0.element, 0...1) }
        } else {
            weights.append(("read", elementwiseMax(trace.readWeights), 0...1))
            weights.append(("write", elementwiseMax(trace.writeWeights), 0...1))
        }
        weights.append(("usage", trace.usage, 0...max(trace.usage.max() ?? 1, 1e-6)))
        let top = inner.y + rows
        for (index, (name, values, range)) in weights.enumerated() where top + index < inner.bottom - 1 {
            let grouped = (0..<columns).map { c in values[(c * group)..<min(view.slots, (c + 1) * group)].max() ?? 0 }
            Heatmap(
                values: grouped, rows: 1, columns: columns, rowLabels: padded([name]), range: range, scale: .heat, fill: .shade,
                cellWidth: 1
            ).render(into: &buffer, area: Rect(x: inner.x, y: top + index, width: inner.width, height: 1))
        }
        // The slot axis under the columns.
        let axisY = min(inner.bottom - 1, top + weights.count)
        let axis = Rect(x: inner.x, y: axisY, width: inner.width, height: 1)
        buffer.set(x: inner.x, y: axisY, string: group > 1 ? "slot/\(group)" : "slot", style: Theme.muted, clip: axis)
        buffer.set(x: inner.x + labelWidth, y: axisY, string: "1", style: Theme.muted, clip: axis)
        let last = "\(view.slots)"
        buffer.set(x: inner.x + labelWidth + columns - CharacterWidth.of(last), y: axisY, string: last, style: Theme.muted, clip: axis)
    }

    /// Labels padded to one width, so every heatmap's columns start at the same x.
    private func padded(_ labels: [String]) -> [String] {
        labels.enumerated().map { $0.offset == 0 ? $0.element.padding(toLength: 7, withPad: " ", startingAt: 0) : $0.element }
    }

    private func elementwiseMax(_ rows: [[Float]]) -> [Float] {
        guard var result = rows.first else { return [] }
        for row in rows.dropFirst() { for j in result.indices { result[j] = max(result[j], row[j]) } }
        return result
    }

    private func renderMissing(into buffer: inout Buffer, area: Rect) {
        let run = view.run(.mann)
        var lines = [
            Line("No MANN model.", style: Theme.heading, alignment: .center), Line(""), Line(run.caption, style: Theme.muted, alignment: .center)
        ]
        if view.run(.lstm).isAvailable {
            lines += [Line(""), Line("The LSTM baseline (b) still runs.", style: Theme.muted, alignment: .center)]
        }
        let paragraph = Paragraph(lines)
        let height = min(area.height, paragraph.lineCount(width: area.width))
        paragraph.render(into: &buffer, area: area.centered(width: area.width, height: height))
    }
}
