import ExplorerApp
import Foundation
import TerminalUI

/// The audience's drawing beside the episode: the drawing, and either its distance to each
/// prototype (as a query) or how many queries it claims (as a new class).
enum DrawingVerdictPanel {
    static func render(_ verdict: DrawingVerdict, app: AppState, into buffer: inout Buffer, area: Rect) {
        let block = Block(title: "Your drawing", borderStyle: Theme.accent)
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        guard inner.height > 4 else { return }
        let glyphRows = min(inner.height / 2, inner.width / 2)
        let (top, bottom) = inner.splitTop(glyphRows)
        GlyphView(
            bytes: verdict.drawing.bytes, width: verdict.drawing.width, height: verdict.drawing.height,
            mode: buffer.charset == .ascii ? .ascii : app.glyphMode, style: Theme.support
        ).render(into: &buffer, area: top)
        var lines: [Line] = []
        let names = app.episode.view?.classes.map(\.caption) ?? []
        if verdict.asNewClass {
            lines.append(Line("a new class, 1 example", style: Theme.heading))
            lines.append(Line("claims \(verdict.queriesClaimed) of \(app.episode.view?.queries.count ?? 0) queries"))
        } else {
            let name = names.indices.contains(verdict.predicted) ? names[verdict.predicted] : "class \(verdict.predicted + 1)"
            lines.append(Line("model says: \(name)", style: Theme.heading))
            lines.append(Line("distance  p", style: Theme.muted))
            for (i, d) in verdict.distances.enumerated() {
                let mark = i == verdict.predicted ? Symbols.arrow(buffer.charset) : " "
                let p = verdict.probabilities.indices.contains(i) ? verdict.probabilities[i] : 0
                let label = String((names.indices.contains(i) ? names[i] : "class \(i + 1)").prefix(10))
                lines.append(
                    Line(
                        "\(mark)\(i + 1) \(format(d, width: 7)) \(format(p, width: 4)) \(label)",
                        style: i == verdict.predicted ? Theme.correct : Theme.label))
            }
        }
        Paragraph(lines, wrap: false).render(into: &buffer, area: bottom)
    }

    static func format(_ value: Float, width: Int) -> String {
        let text = value >= 100 ? String(Int(value.rounded())) : String(format2(value))
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func format2(_ value: Float) -> String {
        let scaled = (value * 100).rounded() / 100
        var s = "\(scaled)"
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 { s = String(s[..<s.index(dot, offsetBy: 3)]) }
        return s
    }
}

/// The drawing pad overlay: the canvas, the cursor, and the keys.
public enum DrawingPadView {
    /// Where the canvas sits on a screen of `screen`'s size: mouse events map through this.
    public static func canvasRect(screen: Rect) -> Rect {
        let rows = max(8, min(screen.height - 8, 35))
        let columns = rows * 2
        return Rect(x: screen.x + max(0, (screen.width - columns) / 2), y: screen.y + 2, width: min(columns, screen.width), height: rows)
    }

    /// The canvas pixel under cell (`x`, `y`), if the cell is on the canvas.
    public static func pixel(atColumn x: Int, row y: Int, screen: Rect) -> (x: Int, y: Int)? {
        let canvas = canvasRect(screen: screen)
        guard canvas.contains(x: x, y: y) else { return nil }
        let px = (x - canvas.x) * DrawingPad.side / canvas.width + DrawingPad.side / canvas.width / 2
        let py = (y - canvas.y) * DrawingPad.side / canvas.height + DrawingPad.side / canvas.height / 2
        return (min(px, DrawingPad.side - 1), min(py, DrawingPad.side - 1))
    }

    static func render(_ pad: DrawingPad, into buffer: inout Buffer, screen: Rect) {
        let canvas = canvasRect(screen: screen)
        let frame = Rect(x: canvas.x - 2, y: canvas.y - 1, width: canvas.width + 4, height: canvas.height + 4)
            .intersection(screen)
        Clear().render(into: &buffer, area: frame)
        let role = pad.asNewClass ? "as a new class" : "as a query"
        Block(title: "Draw a character (\(role))", borderStyle: Theme.accent).render(into: &buffer, area: frame)
        var bytes = pad.ink.map { $0 > 0 ? UInt8(255) : 0 }
        // The cursor shows as a small cross of ink-coloured pixels in the rendering only.
        for d in -2...2 {
            for (x, y) in [(pad.cursorX + d, pad.cursorY), (pad.cursorX, pad.cursorY + d)]
            where x >= 0 && x < DrawingPad.side && y >= 0 && y < DrawingPad.side { bytes[y * DrawingPad.side + x] = 160 }
        }
        let mode: GlyphStyle = buffer.charset == .ascii ? .ascii : .blocks
        GlyphView(bytes: bytes, width: DrawingPad.side, height: DrawingPad.side, mode: mode, style: Theme.support)
            .render(into: &buffer, area: canvas)
        let pen = pad.penDown ? "pen DOWN" : "pen up"
        let help = "\(pen) · arrows move · space pen · mouse drag · n query/new class · c clear · s save · l load · Enter classify · Esc cancel"
        Paragraph(LectureText.render(help, charset: buffer.charset), style: Theme.muted)
            .render(into: &buffer, area: Rect(x: frame.x + 1, y: canvas.bottom, width: frame.width - 2, height: 2).intersection(frame))
    }
}

/// The lecture's keys, as the `?` overlay shows them.
enum LectureHelp {
    static let rows: [(String, String)] = [
        ("→ Space PgDn", "next step"), ("← PgUp", "previous step"), ("Home End", "first and last step"),
        ("digits Enter", "jump to that step (7 Enter is step 7)"), ("h", "hide everything but figure and caption"),
        ("z Z", "zoom the figure in and out: laid out larger, drawings redrawn"), ("t", "standard or projector theme"),
        ("d", "drawing pad (episode steps): the room draws, the model classifies; s saves it in drawings/ of the data folder"),
        ("r n a g [ ] + -", "the screen's own keys (resample, new task, run all, glyphs, shots, ways)"),
        ("?", "this help"), ("Esc", "close help, pad or a typed number"), ("q Ctrl-C", "quit")
    ]

    /// The overlay as wide as its longest row allows (within the screen); rows that still do not
    /// fit wrap under their description, so no key or word is ever cut off.
    static func render(into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let keys = rows.map { LectureText.render($0.0, charset: charset) }
        let helps = rows.map { LectureText.render($0.1, charset: charset) }
        let keyWidth = (keys.map { CharacterWidth.of($0) }.max() ?? 0) + 2
        let widest = keyWidth + (helps.map { CharacterWidth.of($0) }.max() ?? 0)
        let width = min(area.width - 2, widest + 4)
        let helpWidth = max(10, width - 4 - keyWidth)
        var lines: [Line] = []
        for (key, help) in zip(keys, helps) {
            for (index, part) in wrapped(help, width: helpWidth).enumerated() {
                let label = index == 0 ? key : ""
                lines.append(Line([Span(label.padding(toLength: keyWidth, withPad: " ", startingAt: 0), style: Theme.accent), Span(part)]))
            }
        }
        let popup = Popup(title: "Lecture keys", width: width, height: min(area.height, lines.count + 2))
        popup.render(into: &buffer, screen: area, content: Paragraph(lines, wrap: false))
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word is cut).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if CharacterWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return lines + [current]
    }
}
