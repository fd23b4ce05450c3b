import Foundation
import TerminalUI

/// The one loop: wait for input (with a timeout), take what the workers produced, update the
/// state, draw the frame (only changed cells reach the terminal). It never waits for the engine.
public final class AppLoop<Backend: TerminalBackend> {
    /// The terminal frames go to.
    public let terminal: Terminal<Backend>
    /// The current state.
    public private(set) var state: AppState
    private let runner: EffectRunner
    private let clock: () -> Int

    /// A loop over `terminal` starting from `state`; effects go to `runner`.
    public init(terminal: Terminal<Backend>, state: AppState, runner: EffectRunner,
                clock: @escaping () -> Int = monotonicMilliseconds) {
        self.terminal = terminal
        self.state = state
        self.runner = runner
        self.clock = clock
        let size = terminal.backend.size
        self.state.width = size.width
        self.state.height = size.height
        self.state.now = clock()
        runner.submit(initialEffects(&self.state))
    }

    /// Runs until the user quits.
    public func run() {
        draw()
        while !state.shouldQuit {
            let timeout = runner.isBusy || isAnimating(state) ? 30 : 250
            let event = terminal.pollEvent(timeoutMilliseconds: timeout)
            iterate(with: event)
        }
    }

    /// One turn of the loop without waiting: handle `event` (if any), take the workers'
    /// answers, tick the clock, draw. Tests and the benchmark drive the loop with this.
    public func iterate(with event: InputEvent?) {
        if let event { handle(event) }
        for action in runner.drain() { dispatch(action) }
        dispatch(.tick(clock()))
        if !state.shouldQuit { draw() }
    }

    /// Applies an action and queues its effects.
    public func dispatch(_ action: Action) {
        let effects = update(&state, action)
        if !effects.isEmpty { runner.submit(effects) }
    }

    /// Turns terminal input into actions through the key map.
    public func handle(_ event: InputEvent) {
        if let action = Self.action(for: event, in: state) { dispatch(action) }
    }

    /// What `event` means in `state`: overlays take keys first, then the current screen, then global keys.
    public static func action(for event: InputEvent, in state: AppState) -> Action? {
        switch event {
        case .resize(let width, let height):
            return .resize(width: width, height: height)
        case .mouse(let mouse):
            return ExplorerView.action(for: mouse, in: state)
        case .key(let key):
            if state.showHelp {
                switch key {
                case .escape, .char("?"): return .closeOverlay
                case .char("q"), .ctrl("c"): return .quit
                default: return nil
                }
            }
            if !state.fitsMinimumSize {
                // Only quitting makes sense on the "too small" notice.
                return key == .char("q") || key == .ctrl("c") ? .quit : nil
            }
            return KeyMap.action(for: key, on: state.screen)
        }
    }

    private func draw() {
        let state = self.state
        terminal.draw { buffer in ExplorerView.render(state, into: &buffer) }
    }
}

/// Milliseconds since an arbitrary start, never going backwards.
public func monotonicMilliseconds() -> Int {
    Int(DispatchTime.now().uptimeNanoseconds / 1_000_000)
}
