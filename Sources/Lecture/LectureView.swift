import ExplorerApp
import TerminalUI

/// A lecture frame: a header naming the step, the figure (a live screen, a slide or the
/// results), the caption, and a status bar; `h` leaves only figure and caption. A pure
/// function of the state, so the player, `--export` and the snapshots draw the same.
public enum LectureView {
    /// Draws the frame for `state` over the whole buffer.
    public static func render(_ state: LectureState, into buffer: inout Buffer) {
        let area = buffer.area
        guard area.width >= AppState.minimumWidth, area.height >= AppState.minimumHeight else {
            ExplorerView.renderTooSmall(into: &buffer, area: area)
            return
        }
        var body = area
        if !state.hideChrome {
            let parts = area.splitVertically([.length(1), .fill(1), .length(1)])
            renderHeader(state, into: &buffer, area: parts[0])
            renderStatus(state, into: &buffer, area: parts[2])
            body = parts[1]
        }
        let captionLines = CaptionPanel.lines(for: state, charset: buffer.charset)
        let captionHeight = CaptionPanel.height(of: captionLines, width: body.width, limit: max(3, body.height / 3))
        let (figureArea, captionArea) = body.splitBottom(captionHeight)
        FigureRenderer.render(state, into: &buffer, area: figureArea)
        CaptionPanel.render(captionLines, into: &buffer, area: captionArea, theme: state.theme)
        if let pad = state.pad { DrawingPadView.render(pad, into: &buffer, screen: area) }
        if state.showHelp { LectureHelp.render(into: &buffer, area: area) }
    }

    static func renderHeader(_ state: LectureState, into buffer: inout Buffer, area: Rect) {
        let number = "\(state.index + 1)/\(state.lecture.steps.count)"
        let title = LectureText.render(state.step.title, charset: buffer.charset)
        let left = Line([Span(" \(number) ", style: Theme.selected), Span(" " + title, style: Theme.heading)])
        buffer.set(line: left, row: area.y, in: area)
        let name = LectureText.render(state.lecture.title, charset: buffer.charset) + " · episcope"
        let right = LectureText.render(name, charset: buffer.charset)
        if area.width > left.width + CharacterWidth.of(right) + 2 {
            buffer.set(x: area.right - CharacterWidth.of(right) - 1, y: area.y, string: right, style: Theme.muted)
        }
    }

    static func renderStatus(_ state: LectureState, into buffer: inout Buffer, area: Rect) {
        let arrows = buffer.charset == .ascii ? "Left/Right" : "←/→"
        var hints = [
            KeyHint(arrows, "step"), KeyHint("digits Enter", "jump"), KeyHint("h", "hide"), KeyHint("z/Z", "zoom"),
            KeyHint("t", "theme")
        ]
        if case .screen(let screen) = state.step.figure, screen == .episode || screen == .prototypes { hints.append(KeyHint("d", "draw")) }
        hints += [KeyHint("?", "help"), KeyHint("q", "quit")]
        let text = state.message ?? state.app.message
        StatusBar(
            hints, rightText: text.map { LectureText.render($0, charset: buffer.charset) }, essentialKeys: ["?", "q"],
            rightStyle: Theme.warning
        )
        .render(into: &buffer, area: area)
    }
}

extension Buffer {
    /// Draws `line` at `row` within `area`, clipped.
    mutating func set(line: Line, row: Int, in area: Rect) {
        var x = area.x
        for span in line.spans where x < area.right {
            x = set(x: x, y: row, string: span.text, style: span.style, clip: area)
        }
    }
}
