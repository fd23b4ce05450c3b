import ExplorerApp
import TerminalUI

/// What a key or mouse event means in a lecture: the pad and help take input first, then the
/// presenter's keys, then the step's screen keys (minus those the presenter owns).
public enum LectureKeys {
    public static func action(for event: InputEvent, in state: LectureState) -> LectureAction? {
        switch event {
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .mouse(let mouse): return mouseAction(mouse, in: state)
        case .key(let key): return keyAction(key, in: state)
        }
    }

    static func keyAction(_ key: Key, in state: LectureState) -> LectureAction? {
        if key == .ctrl("c") { return .quit }
        if state.showHelp {
            switch key {
            case .escape, .char("?"): return .closeOverlay
            case .char("q"): return .quit
            default: return nil
            }
        }
        if state.pad != nil {
            switch key {
            case .up: return .pad(.move(dx: 0, dy: -1))
            case .down: return .pad(.move(dx: 0, dy: 1))
            case .left: return .pad(.move(dx: -1, dy: 0))
            case .right: return .pad(.move(dx: 1, dy: 0))
            case .char(" "): return .pad(.togglePen)
            case .char("c"): return .pad(.clear)
            case .char("n"): return .pad(.toggleRole)
            case .char("s"): return .pad(.save)
            case .char("l"): return .pad(.load)
            case .enter: return .pad(.submit)
            case .escape: return .pad(.cancel)
            default: return nil
            }
        }
        switch key {
        case .right, .char(" "), .pageDown: return .next
        case .left, .pageUp, .backspace: return .back
        case .home: return .first
        case .end: return .last
        case .enter: return state.typedNumber.isEmpty ? .next : .commitNumber
        case .char(let c) where c.isASCII && c.isNumber: return .typeDigit(c)
        case .char("h"): return .toggleChrome
        case .char("z"): return .zoomIn
        case .char("Z"): return .zoomOut
        case .char("t"): return .cycleTheme
        case .char("d"): return .openPad
        case .char("?"): return .toggleHelp
        case .escape: return .closeOverlay
        case .char("q"): return .quit
        case .tab, .backTab: return nil
        default:
            guard case .screen(let screen) = state.step.figure, let action = KeyMap.action(for: key, on: screen) else { return nil }
            switch action {
            case .show, .nextScreen, .previousScreen, .toggleHelp, .quit: return nil
            default: return .app(action)
            }
        }
    }

    static func mouseAction(_ mouse: MouseEvent, in state: LectureState) -> LectureAction? {
        guard state.pad != nil, mouse.button == .left || mouse.kind == .drag || mouse.kind == .release || mouse.kind == .move else { return nil }
        let screen = Rect(x: 0, y: 0, width: state.app.width, height: state.app.height)
        guard let pixel = DrawingPadView.pixel(atColumn: mouse.x, row: mouse.y, screen: screen), let pad = state.pad else { return nil }
        switch mouse.kind {
        case .press: return .pad(.drag(fromX: pixel.x, fromY: pixel.y, toX: pixel.x, toY: pixel.y))
        case .drag, .move:
            guard mouse.kind == .drag || mouse.button == .left else { return nil }
            return .pad(.drag(fromX: pad.cursorX, fromY: pad.cursorY, toX: pixel.x, toY: pixel.y))
        default: return nil
        }
    }
}
