import TerminalUI

/// What the one app loop needs to know about the program it drives: its state and messages,
/// how messages change the state (returning engine work), how a frame is drawn, and how input
/// and the engine's answers become messages. The explorer is one program (``LoopProgram/explorer``),
/// a lecture another, on the same loop.
public struct LoopProgram<State, Message> {
    /// Applies a message and returns the engine work it needs; the only place state changes.
    public var update: (inout State, Message) -> [Effect]
    /// Draws the frame for a state over the whole buffer.
    public var render: (State, inout Buffer) -> Void
    /// What a key, mouse or resize event means in a state, if anything.
    public var input: (InputEvent, State) -> Message?
    /// An explorer action as this program's message: the engine's answers, the clock, a resize.
    public var lift: (Action) -> Message
    /// The requests a state needs answered once the loop has set its size and clock.
    public var start: (inout State) -> [Effect]
    /// Whether anything on screen moves by itself, so the loop should tick often.
    public var isAnimating: (State) -> Bool
    /// Whether the program is done.
    public var shouldQuit: (State) -> Bool

    /// A program from its parts.
    public init(
        update: @escaping (inout State, Message) -> [Effect], render: @escaping (State, inout Buffer) -> Void,
        input: @escaping (InputEvent, State) -> Message?, lift: @escaping (Action) -> Message,
        start: @escaping (inout State) -> [Effect], isAnimating: @escaping (State) -> Bool,
        shouldQuit: @escaping (State) -> Bool
    ) {
        self.update = update
        self.render = render
        self.input = input
        self.lift = lift
        self.start = start
        self.isAnimating = isAnimating
        self.shouldQuit = shouldQuit
    }
}
