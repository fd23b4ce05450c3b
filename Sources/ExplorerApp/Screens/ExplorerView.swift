import TerminalUI

/// The whole frame: tabs, the current screen, the status bar and any overlay. A pure
/// function of the state, so `episcope render`, the tests and the live loop draw the same.
public enum ExplorerView {
    /// The three bands of the frame.
    public struct Bands {
        public var header: Rect
        public var body: Rect
        public var status: Rect
    }

    /// Header row, body, status row.
    public static func bands(of area: Rect) -> Bands {
        let parts = area.splitVertically([.length(1), .fill(1), .length(1)])
        return Bands(header: parts[0], body: parts[1], status: parts[2])
    }

    /// Draws the frame for `state` over the whole buffer.
    public static func render(_ state: AppState, into buffer: inout Buffer) {
        let area = buffer.area
        guard state.fitsMinimumSize, area.width >= AppState.minimumWidth, area.height >= AppState.minimumHeight else {
            renderTooSmall(into: &buffer, area: area)
            return
        }
        let bands = bands(of: area)
        renderHeader(state, into: &buffer, area: bands.header)
        renderScreen(state.screen, state, into: &buffer, area: bands.body)
        renderStatus(state, into: &buffer, area: bands.status)
        if state.showHelp { HelpOverlay.render(state, into: &buffer, area: area) }
    }

    /// Draws one screen's body into `area`; a lecture reuses this with a caption below.
    public static func renderScreen(_ screen: ScreenID, _ state: AppState, into buffer: inout Buffer, area: Rect) {
        switch screen {
        case .sine: SineScreen.render(state, into: &buffer, area: area)
        case .episode: EpisodeScreen.render(state, into: &buffer, area: area)
        case .prototypes: PrototypesScreen.render(state, into: &buffer, area: area)
        case .inner: InnerLoopScreen.render(state, into: &buffer, area: area)
        case .training: TrainingScreen.render(state, into: &buffer, area: area)
        case .compare: CompareScreen.render(state, into: &buffer, area: area)
        case .memory: MemoryScreen.render(state, into: &buffer, area: area)
        }
    }

    /// What a mouse event means on the current screen, if anything.
    public static func action(for mouse: MouseEvent, in state: AppState) -> Action? {
        guard state.fitsMinimumSize, !state.showHelp, mouse.kind == .press, mouse.button == .left else { return nil }
        let area = Rect(x: 0, y: 0, width: state.width, height: state.height)
        let bands = bands(of: area)
        if bands.header.contains(x: mouse.x, y: mouse.y) {
            return Header.screen(atColumn: mouse.x, width: area.width).map { .show($0) }
        }
        switch state.screen {
        case .sine: return SineScreen.action(forClickAt: mouse.x, mouse.y, in: state, area: bands.body)
        default: return nil
        }
    }

    static func renderHeader(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        Header.tabs(selected: state.screen, width: area.width).render(into: &buffer, area: area)
        let name = "episcope"
        if area.width > Header.width(for: area.width) + CharacterWidth.of(name) + 2 {
            buffer.set(x: area.right - CharacterWidth.of(name) - 1, y: area.y, string: name, style: Theme.muted)
        }
    }

    static func renderStatus(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let hints = KeyMap.hints(for: state.screen, charset: buffer.charset)
        let text = state.message ?? StatusLine.ambient(state)
        StatusBar(hints, rightText: text, essentialKeys: ["?", "q"], rightStyle: Theme.warning).render(into: &buffer, area: area)
    }

    /// The notice drawn instead of a screen when the terminal is below the minimum size (the
    /// lecture draws the same one).
    public static func renderTooSmall(into buffer: inout Buffer, area: Rect) {
        let lines = [
            Line("Terminal too small", style: Theme.heading, alignment: .center),
            Line("\(area.width)x\(area.height) now, \(AppState.minimumWidth)x\(AppState.minimumHeight) needed", alignment: .center),
            Line("Enlarge the window, or press q to quit.", style: Theme.muted, alignment: .center)
        ]
        let box = area.centered(width: area.width, height: min(area.height, lines.count))
        Paragraph(lines).render(into: &buffer, area: box)
    }
}

/// The tab row; its geometry is shared with mouse handling. A row narrower than every full
/// title (80 columns) takes the short ones, so that every screen's digit stays in view.
enum Header {
    static func tabs(selected: ScreenID, width: Int) -> Tabs {
        Tabs(titles(for: width), selected: selected.rawValue)
    }

    /// The titles that fit a row of `width` columns.
    static func titles(for width: Int) -> [String] {
        let full = ScreenID.allCases.map(\.title)
        return rowWidth(full) <= width ? full : ScreenID.allCases.map(\.shortTitle)
    }

    /// Columns the tabs take in a row of `width`: " 1 Episode " per tab plus dividers.
    static func width(for width: Int) -> Int { rowWidth(titles(for: width)) }

    private static func rowWidth(_ titles: [String]) -> Int {
        titles.reduce(0) { $0 + CharacterWidth.of($1) + 4 } + titles.count - 1
    }

    /// The tab under `column` in a row of `rowWidth`, if any.
    static func screen(atColumn column: Int, width rowWidth: Int) -> ScreenID? {
        var x = 0
        for (screen, title) in zip(ScreenID.allCases, titles(for: rowWidth)) {
            let width = CharacterWidth.of(title) + 4
            if column >= x && column < x + width { return screen }
            x += width + 1
        }
        return nil
    }
}

/// The status bar's right-hand text when no message is pending: what is still loading or missing.
enum StatusLine {
    static func ambient(_ state: AppState) -> String? {
        let r = state.resources
        if case .progress(let text, let fraction) = r.sineModel {
            return "\(text) \(Int((fraction * 100).rounded()))%"
        }
        if case .missing(let hint) = r.omniglot { return hint }
        if case .failed(let reason) = r.omniglot { return reason }
        if case .loading = r.omniglot { return "loading Omniglot" }
        if state.compare.searching { return "looking for an episode where the learners differ" }
        return nil
    }
}
