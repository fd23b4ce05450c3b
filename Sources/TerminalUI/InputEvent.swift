/// A mouse action at a cell (0-based, top-left origin).
public struct MouseEvent: Hashable, Sendable {
    /// Which button, when the terminal says.
    public enum Button: Hashable, Sendable {
        case left, middle, right, none
    }

    /// What happened.
    public enum Kind: Hashable, Sendable {
        case press, release, drag, move, scrollUp, scrollDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind
    public var button: Button

    /// A mouse event at cell (`x`, `y`).
    public init(x: Int, y: Int, kind: Kind, button: Button = .none) {
        self.x = x
        self.y = y
        self.kind = kind
        self.button = button
    }
}

/// Everything the app loop can receive from the terminal.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}
