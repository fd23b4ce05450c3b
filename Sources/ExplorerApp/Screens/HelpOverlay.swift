import TerminalUI

/// `?`: every key of the current screen and the global ones, generated from the key map.
enum HelpOverlay {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let rows = KeyMap.helpRows(for: state.screen, charset: charset)
        let keyWidth = (rows.screen + rows.global).map { CharacterWidth.of($0.0) }.max() ?? 4
        func line(_ row: (String, String)) -> Line {
            Line([Span(row.0.padding(toLength: keyWidth + 2, withPad: " ", startingAt: 0), style: Theme.accent), Span(row.1)])
        }
        var lines: [Line] = []
        if !rows.screen.isEmpty {
            lines.append(Line(state.screen.title, style: Theme.heading))
            lines += rows.screen.map(line)
            lines.append(Line(""))
        }
        lines.append(Line("Everywhere", style: Theme.heading))
        lines += rows.global.map(line)
        lines.append(Line(""))
        lines.append(Line("Esc or ? closes this help", style: Theme.muted))
        let popup = Popup(title: "Help", width: min(76, area.width - 4), height: lines.count + 2)
        popup.render(into: &buffer, screen: area, content: Paragraph(lines, wrap: false))
    }
}
