import ExplorerApp
import TerminalUI

/// Draws a step's figure: the live screen (with the audience's drawing beside it when there is
/// one), a slide's diagram or the results table; then zoom and the projector theme.
enum FigureRenderer {
    static func render(_ state: LectureState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let zoom = effectiveZoom(state.zoom, area: area)
        if zoom == 1 {
            draw(state, into: &buffer, area: area)
        } else {
            // Laid out for a smaller area, then drawn larger: drawings again at the larger size.
            var small = Buffer(width: area.width / zoom, height: area.height / zoom, charset: buffer.charset)
            small.placedGlyphs = []
            draw(state, into: &small, area: small.area)
            FigureZoom.draw(small, factor: zoom, into: &buffer, at: area)
        }
        if state.theme == .projector { ProjectorTheme.apply(to: &buffer, area: area) }
    }

    /// Zoom gives way when the figure would get too small to read.
    static func effectiveZoom(_ zoom: Int, area: Rect) -> Int {
        var z = zoom
        while z > 1 && (area.width / z < 40 || area.height / z < 10) { z -= 1 }
        return z
    }

    private static func draw(_ state: LectureState, into buffer: inout Buffer, area: Rect) {
        switch state.step.figure {
        case .screen(let screen):
            var app = state.app
            if state.theme == .projector { ProjectorTheme.thicken(&app) }
            var figure = area
            if let verdict = state.drawing, area.width >= 60 {
                let (left, right) = area.splitRight(min(30, area.width / 3))
                figure = left
                DrawingVerdictPanel.render(verdict, app: app, into: &buffer, area: right)
            }
            ExplorerView.renderScreen(screen, app, into: &buffer, area: figure)
        case .slide:
            SlideFigure.render(state.step.diagram, into: &buffer, area: area)
        case .results:
            ResultsFigure.render(state.results, into: &buffer, area: area)
        case .directions:
            DirectionsFigure.render(state.directions, into: &buffer, area: area)
        }
    }
}

/// A slide: the diagram lines as a block centred in the figure area.
enum SlideFigure {
    static func render(_ diagram: [String], into buffer: inout Buffer, area: Rect) {
        let lines = diagram.map { LectureText.render($0, charset: buffer.charset) }
        let width = lines.map { CharacterWidth.of($0) }.max() ?? 0
        let height = lines.count
        let x = area.x + max(0, (area.width - width) / 2)
        let y = area.y + max(0, (area.height - height) / 2)
        for (row, line) in lines.enumerated() where y + row < area.bottom {
            buffer.set(x: x, y: y + row, string: line, style: Theme.accent.patched(with: Style(modifiers: [], removing: .bold)), clip: area)
        }
    }
}
