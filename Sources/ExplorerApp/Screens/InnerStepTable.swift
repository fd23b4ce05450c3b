import TerminalUI

/// The Inner loop screen's numbers: for each task its query loss and accuracy (and support
/// loss when there is room) at every step, one column per step, steps not yet taken blank.
/// When the table is narrow it keeps step 0 and the steps leading up to the one on show.
enum InnerStepTable {
    static let labelWidth = 10, columnWidth = 6

    struct Row {
        var label: String
        var style: Style
        var values: [Float]
        var decimals: Int
    }

    static func render(_ result: InnerResult, shown: Int, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Per step", rightTitle: result.isClassification ? "loss, accuracy" : "loss (MSE)")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 1, inner.width > labelWidth + columnWidth else { return }
        let rows = self.rows(result, fitting: inner.height - 1)
        let steps = visibleSteps(shown: shown, fitting: (inner.width - labelWidth) / columnWidth)
        var header = [Span(pad("step", labelWidth), style: Theme.muted)]
        for step in steps {
            header.append(Span(pad("\(step)", columnWidth, right: true), style: step == shown ? Theme.accent : Theme.muted))
        }
        buffer.set(x: inner.x, y: inner.y, spans: header, clip: inner)
        for (index, row) in rows.enumerated() where index + 1 < inner.height {
            var spans = [Span(pad(row.label, labelWidth), style: row.style)]
            for step in steps {
                let text =
                    step <= shown && step < row.values.count
                    ? NumberFormatting.significant(Double(row.values[step]), width: columnWidth - 1, maxDecimals: row.decimals) : ""
                spans.append(Span(pad(text, columnWidth, right: true), style: step == shown ? Theme.accent : Theme.label))
            }
            buffer.set(x: inner.x, y: inner.y + 1 + index, spans: spans, clip: inner)
        }
    }

    /// Query loss and accuracy for every task, then support loss, as many groups as fit in
    /// `height` rows.
    static func rows(_ result: InnerResult, fitting height: Int) -> [Row] {
        let tasks = result.tasks.enumerated()
        let style = { (index: Int) in Style(fg: Theme.classColor(index), modifiers: .bold) }
        var groups: [[Row]] = [
            tasks.map {
                Row(label: "\(InnerLoopScreen.letter($0.offset)) query", style: style($0.offset), values: $0.element.queryLosses, decimals: 3)
            }
        ]
        if result.isClassification {
            groups.append(
                tasks.map {
                    Row(label: "\(InnerLoopScreen.letter($0.offset)) acc", style: style($0.offset), values: $0.element.queryAccuracies, decimals: 2)
                })
        }
        groups.append(
            tasks.map {
                Row(label: "\(InnerLoopScreen.letter($0.offset)) support", style: style($0.offset), values: $0.element.supportLosses, decimals: 3)
            })
        var rows: [Row] = []
        for group in groups where rows.count + group.count <= height { rows += group }
        return rows.isEmpty ? Array(groups[0].prefix(height)) : rows
    }

    /// All steps when `count` columns hold them; else step 0 and the latest steps up to the one
    /// on show (or the first few before any step is taken).
    static func visibleSteps(shown: Int, fitting count: Int) -> [Int] {
        let all = Array(0...InnerState.maxSteps)
        guard count < all.count else { return all }
        guard count > 1 else { return [shown] }
        let end = max(shown, count - 1)
        return [0] + Array((end - count + 2)...end)
    }
}
