/// A key press, decoded by the backend into terms the app's key map can match on.
public enum Key: Hashable, Sendable {
    /// A printable character (including space and upper case).
    case char(Character)
    /// Ctrl plus a letter, always lower case: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// F1...F12 as `.function(1)`...
    case function(Int)

    /// A short label for help screens and status bars: "q", "Ctrl-C", "Enter", "↑", "F5".
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}
