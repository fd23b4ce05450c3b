/// How `CursesSession.open` sets the terminal up.
public struct CursesOptions: Hashable, Sendable {
    /// Which mouse events to ask the terminal for.
    public enum MouseMode: Hashable, Sendable {
        /// None: the terminal keeps its own selection behaviour.
        case off
        /// Presses, releases and the scroll wheel.
        case buttons
        /// Also drags and plain movement (xterm mode 1003); chatty, so only when needed.
        case motion
    }

    /// Keyboard mode.
    public enum InputMode: Hashable, Sendable {
        /// Ctrl-C and Ctrl-Z reach the process as signals (the terminal is restored on SIGINT).
        case cbreak
        /// Ctrl-C arrives as `.ctrl("c")` so the app can quit cleanly; nothing is a signal.
        case raw
    }

    /// Use colours when the terminal has them and `NO_COLOR` is unset.
    public var colors: Bool
    /// Mouse reporting to request.
    public var mouse: MouseMode
    /// Keyboard mode.
    public var input: InputMode
    /// How long ncurses waits after Esc for the rest of an escape sequence; short keeps Esc
    /// responsive, and local terminals send sequences in one burst anyway.
    public var escapeDelayMilliseconds: Int

    /// Defaults: colours on, no mouse, cbreak input, 25 ms Esc delay.
    public init(colors: Bool = true, mouse: MouseMode = .off, input: InputMode = .cbreak, escapeDelayMilliseconds: Int = 25) {
        self.colors = colors
        self.mouse = mouse
        self.input = input
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// Why a curses session could not start.
public enum CursesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, or run from a script).
    case notATerminal
    /// ncurses could not set up this terminal type (check `TERM`).
    case cannotInitialize(term: String)
    /// The terminal type cannot move the cursor (`TERM=dumb`), so a screen cannot be drawn.
    case cannotAddressCursor(term: String)
    /// Only one session may own the terminal at a time.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .cannotInitialize(let term): return "cannot initialise the terminal (TERM=\(term))"
        case .cannotAddressCursor(let term):
            return "TERM=\(term) cannot move the cursor; run it in a terminal such as xterm-256color"
        case .alreadyOpen: return "a curses session is already open"
        }
    }
}
