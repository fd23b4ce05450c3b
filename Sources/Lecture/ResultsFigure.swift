import ExplorerApp
import TerminalUI

/// The results step: a table of our accuracies (from the model files) beside the papers'.
enum ResultsFigure {
    static func render(_ table: ResultsTable, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Shipped models, test classes, beside the papers", borderStyle: Theme.muted)
        block.render(into: &buffer, area: area)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        var lines = [Line("\(pad("model", 18))\(pad("setting", 16))\(pad("ours (model file)", 34))paper", style: Theme.heading)]
        for row in table.rows {
            lines.append(
                Line([
                    Span(pad(row.model, 18), style: Theme.accent), Span(pad(row.setting, 16)),
                    Span(pad(row.ours ?? "no evaluation stored", 34), style: row.ours == nil ? Theme.muted : Theme.correct),
                    Span(row.paper ?? "-", style: Theme.muted)
                ]))
        }
        if table.rows.isEmpty { lines.append(Line("no shipped model found: nothing to report yet", style: Theme.warning)) }
        if let note = table.note { lines.append(Line("")); lines.append(Line("note: " + note, style: Theme.warning)) }
        let text = lines.map { line in Line(line.spans.map { Span(LectureText.render($0.text, charset: buffer.charset), style: $0.style) }) }
        Paragraph(text, wrap: false).render(into: &buffer, area: inner)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = CharacterWidth.of(text)
        return w >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - w)
    }
}
