import CNCurses
import TerminalUI

extension CursesSession {
    /// A plain character from `get_wch`: control codes become named keys or Ctrl-letters.
    func decodeCharacter(_ value: UInt32) -> InputEvent? {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 1...26:
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + value)))))
        case 0..<32:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// A function-key code (`KEY_CODE_YES`): arrows, paging, F-keys, resize and mouse.
    func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case ep_key_up(): return .key(.up)
        case ep_key_down(): return .key(.down)
        case ep_key_left(): return .key(.left)
        case ep_key_right(): return .key(.right)
        case ep_key_home(): return .key(.home)
        case ep_key_end(): return .key(.end)
        case ep_key_ppage(): return .key(.pageUp)
        case ep_key_npage(): return .key(.pageDown)
        case ep_key_btab(): return .key(.backTab)
        case ep_key_enter(): return .key(.enter)
        case ep_key_backspace(): return .key(.backspace)
        case ep_key_dc(): return .key(.delete)
        case ep_key_ic(): return .key(.insert)
        case ep_key_resize():
            let (width, height) = size
            return .resize(width: width, height: height)
        case ep_key_mouse():
            return readMouse()
        case (ep_key_f0() + 1)...(ep_key_f0() + 63):
            return .key(.function(Int(code - ep_key_f0())))
        default:
            return nil
        }
    }

    /// Turns the pending `MEVENT` into a `MouseEvent`. ncurses reports motion with no button
    /// information, so the button held since the last press is remembered to tell drags
    /// from plain moves.
    private func readMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == ep_ok() else { return nil }
        let state = event.bstate
        let x = Int(event.x), y = Int(event.y)
        if state & ep_button_pressed(4) != 0 { return .mouse(MouseEvent(x: x, y: y, kind: .scrollUp)) }
        if state & ep_button_pressed(5) != 0 { return .mouse(MouseEvent(x: x, y: y, kind: .scrollDown)) }
        let buttons: [(Int32, MouseEvent.Button)] = [(1, .left), (2, .middle), (3, .right)]
        for (number, button) in buttons {
            if state & ep_button_pressed(number) != 0 {
                heldButton = button
                return .mouse(MouseEvent(x: x, y: y, kind: .press, button: button))
            }
            if state & ep_button_released(number) != 0 {
                heldButton = .none
                return .mouse(MouseEvent(x: x, y: y, kind: .release, button: button))
            }
            if state & ep_button_clicked(number) != 0 {
                return .mouse(MouseEvent(x: x, y: y, kind: .press, button: button))
            }
        }
        if state & ep_report_mouse_position() != 0 {
            let kind: MouseEvent.Kind = heldButton == .none ? .move : .drag
            return .mouse(MouseEvent(x: x, y: y, kind: kind, button: heldButton))
        }
        return nil
    }
}
