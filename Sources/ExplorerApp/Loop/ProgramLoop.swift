import Foundation
import TerminalUI

/// The one loop: wait for input (with a timeout), take what the workers produced, update the
/// state, draw the frame (only changed cells reach the terminal). It never waits for the engine.
/// The explorer (``AppLoop``) and a lecture run on it, each as a ``LoopProgram``.
public final class ProgramLoop<Backend: TerminalBackend, State, Message> {
    /// The terminal frames go to.
    public let terminal: Terminal<Backend>
    /// The current state.
    public private(set) var state: State
    private let program: LoopProgram<State, Message>
    private let runner: EffectRunner
    private let clock: () -> Int
    private let onFrame: ((Buffer) -> Void)?

    /// A loop over `terminal` running `program` from `state`; effects go to `runner`; every
    /// frame drawn is also handed to `onFrame` (a recorder), when given.
    public init(
        terminal: Terminal<Backend>, program: LoopProgram<State, Message>, state: State, runner: EffectRunner,
        clock: @escaping () -> Int = monotonicMilliseconds, onFrame: ((Buffer) -> Void)? = nil
    ) {
        self.terminal = terminal
        self.program = program
        self.state = state
        self.runner = runner
        self.clock = clock
        self.onFrame = onFrame
        let size = terminal.backend.size
        // A resize and a tick change no more than the size and the clock, so they ask for no work.
        _ = program.update(&self.state, program.lift(.resize(width: size.width, height: size.height)))
        _ = program.update(&self.state, program.lift(.tick(clock())))
        runner.submit(program.start(&self.state))
    }

    /// Runs until the program quits.
    public func run() {
        draw()
        while !program.shouldQuit(state) {
            let timeout = runner.isBusy || program.isAnimating(state) ? 30 : 250
            iterate(with: terminal.pollEvent(timeoutMilliseconds: timeout))
        }
    }

    /// One turn of the loop without waiting: handle `event` (if any), take the workers'
    /// answers, tick the clock, draw. Tests and the benchmark drive the loop with this.
    public func iterate(with event: InputEvent?) {
        if let event { handle(event) }
        for action in runner.drain() { dispatch(program.lift(action)) }
        dispatch(program.lift(.tick(clock())))
        if !program.shouldQuit(state) { draw() }
    }

    /// Turns the loop a few times without input, until an inline engine has nothing left to say:
    /// its answers, and the requests they lead to, are all taken and drawn. For rendering
    /// without a terminal (`episcope render`, lecture exports, snapshots).
    public func settle() {
        for _ in 0..<8 { iterate(with: nil) }
    }

    /// Applies a message and queues its effects.
    public func dispatch(_ message: Message) {
        let effects = program.update(&state, message)
        if !effects.isEmpty { runner.submit(effects) }
    }

    /// Turns terminal input into a message, if it means anything in the current state.
    public func handle(_ event: InputEvent) {
        if let message = program.input(event, state) { dispatch(message) }
    }

    private func draw() {
        let state = self.state
        let render = program.render
        terminal.draw { buffer in render(state, &buffer) }
        onFrame?(terminal.lastFrame)
    }
}

/// Milliseconds since an arbitrary start, never going backwards.
public func monotonicMilliseconds() -> Int {
    Int(DispatchTime.now().uptimeNanoseconds / 1_000_000)
}
