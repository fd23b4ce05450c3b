import ExplorerApp
import TerminalUI

/// The caption under the figure: what the step means, in words and formulas, plus a one-line
/// note when the step's model or data is missing (the screen still shows what it can).
enum CaptionPanel {
    static func lines(for state: LectureState, charset: Charset) -> [Line] {
        var lines = state.step.caption.map { Line(LectureText.render($0, charset: charset), style: Theme.label) }
        if let note = missingNote(state) { lines.append(Line("note: " + LectureText.render(note, charset: charset), style: Theme.warning)) }
        return lines
    }

    /// Rows the caption takes at `width`: its wrapped lines and a rule above, at most `limit`.
    static func height(of lines: [Line], width: Int, limit: Int) -> Int {
        guard !lines.isEmpty else { return 0 }
        let wrapped = Paragraph(lines, wrap: true).lineCount(width: max(1, width - 4))
        return min(limit, wrapped + 1)
    }

    static func render(_ lines: [Line], into buffer: inout Buffer, area: Rect, theme: LectureTheme) {
        guard !area.isEmpty, !lines.isEmpty else { return }
        let rule: Unicode.Scalar = buffer.charset == .ascii ? "-" : "─"
        for x in area.x..<area.right { buffer.set(x: x, y: area.y, scalar: rule, style: Theme.muted) }
        let text = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: area.height - 1)
        let style = theme == .projector ? Style(fg: .brightWhite, modifiers: .bold) : Style.plain
        Paragraph(lines, wrap: true, style: style).render(into: &buffer, area: text)
    }

    /// What the step needs and does not have, in one line.
    static func missingNote(_ state: LectureState) -> String? {
        let r = state.app.resources
        guard case .screen(let screen) = state.step.figure else { return nil }
        switch screen {
        case .memory:
            if !r.omniglot.isReady, case .loading = r.omniglot { return nil }
            if !r.omniglot.isReady { return r.omniglot.caption }
            if let view = state.app.memory.view, !view.run(.mann).isAvailable {
                return "no shipped MANN yet (assets/models): its panels say which file they wait for"
            }
        case .compare:
            if !r.omniglot.isReady, case .loading = r.omniglot { return nil }
            if !r.omniglot.isReady { return r.omniglot.caption }
        case .episode, .prototypes:
            if !r.omniglot.isReady, case .loading = r.omniglot { return nil }
            if !r.omniglot.isReady { return r.omniglot.caption }
            if r.protoNet.caption.contains("untrained") {
                return "no shipped ProtoNet yet (assets/models): the distances come from untrained weights"
            }
        case .inner:
            if r.omniglot.isReady && r.mamlClassifier.caption.contains("untrained") {
                return "no shipped MAML classifier yet (assets/models): the curves start from untrained weights"
            }
        case .sine:
            if case .progress = r.sineModel { return "no shipped sine model: \(r.sineModel.caption)" }
        case .training:
            return nil
        }
        return nil
    }
}
