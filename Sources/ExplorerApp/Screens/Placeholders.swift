import TerminalUI

/// A centred notice in place of a screen's content (data missing, still loading).
struct Notice: Widget {
    var lines: [Line]

    init(_ lines: [Line]) { self.lines = lines }

    func render(into buffer: inout Buffer, area: Rect) {
        let box = area.centered(width: area.width, height: min(area.height, lines.count))
        Paragraph(
            lines.map {
                var line = $0; line.alignment = .center; return line
            }, wrap: false
        ).render(into: &buffer, area: box)
    }

    /// What to show on a screen that needs Omniglot, given where it is.
    static func omniglot(_ resources: Resources, waitingFor what: String, charset: Charset) -> Notice {
        switch resources.omniglot {
        case .missing:
            return Notice([
                Line("Omniglot is not here yet.", style: Theme.heading), Line(""),
                Line([Span("Run "), Span("episcope data", style: Theme.accent), Span(" to fetch it, then start episcope again.")]),
                Line("The Sine screen (4) needs no data.", style: Theme.muted)
            ])
        case .failed(let reason):
            return Notice([
                Line("Omniglot could not be read.", style: Theme.heading), Line(reason, style: Theme.error),
                Line([Span("Run "), Span("episcope data", style: Theme.accent), Span(" to fetch it again.")])
            ])
        case .loading, .progress:
            return Notice([Line("loading Omniglot" + Symbols.ellipsis(charset), style: Theme.muted)])
        case .ready:
            return Notice([Line(what + Symbols.ellipsis(charset), style: Theme.muted)])
        }
    }
}
