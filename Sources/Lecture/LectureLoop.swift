import Foundation
import TerminalUI

/// The lecture's loop, the explorer's loop with a lecture on top: poll input, take the
/// engine's answers, update, draw; each frame also goes to the recorder when there is one.
public final class LectureLoop<Backend: TerminalBackend> {
    public let terminal: Terminal<Backend>
    public private(set) var state: LectureState
    private let runner: EffectRunner
    private let clock: () -> Int
    private let recorder: AsciicastRecorder?
    private let drawings: DrawingFiles

    /// A loop over `terminal`; effects go to `runner`; frames also to `recorder`.
    public init(terminal: Terminal<Backend>, state: LectureState, runner: EffectRunner, recorder: AsciicastRecorder? = nil,
                drawings: DrawingFiles = DrawingFiles(directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
                clock: @escaping () -> Int = monotonicMilliseconds) {
        self.terminal = terminal
        self.state = state
        self.runner = runner
        self.clock = clock
        self.recorder = recorder
        self.drawings = drawings
        let size = terminal.backend.size
        _ = update(&self.state.app, .resize(width: size.width, height: size.height))
        self.state.app.now = clock()
        runner.submit(StepSetup.requests(&self.state.app))
    }

    /// Runs until the presenter quits.
    public func run() {
        draw()
        while !state.shouldQuit {
            let timeout = runner.isBusy || isAnimating(state.app) ? 30 : 250
            iterate(with: terminal.pollEvent(timeoutMilliseconds: timeout))
        }
    }

    /// One turn without waiting: `event`, the engine's answers, the clock, a frame.
    public func iterate(with event: InputEvent?) {
        if let event, let action = LectureKeys.action(for: event, in: state) { dispatch(action) }
        for action in runner.drain() {
            if case .drawingClassified(let verdict) = action { dispatch(.drawingClassified(verdict)) } else { dispatch(.app(action)) }
        }
        dispatch(.app(.tick(clock())))
        if !state.shouldQuit { draw() }
    }

    /// Applies `action`; file work for the pad (save, load) happens here, outside the pure update.
    public func dispatch(_ action: LectureAction) {
        switch action {
        case .pad(.save):
            if let pad = state.pad { state.message = drawings.save(pad) }
        case .pad(.load):
            switch drawings.loadLatest() {
            case .success(let pad): state.pad = pad; state.message = "loaded \(drawings.lastName ?? "drawing")"
            case .failure(let error): state.message = error.message
            }
        default:
            let effects = updateLecture(&state, action)
            if !effects.isEmpty { runner.submit(effects) }
        }
    }

    private func draw() {
        let state = self.state
        terminal.draw { buffer in LectureView.render(state, into: &buffer) }
        recorder?.record(terminal.lastFrame)
    }
}
