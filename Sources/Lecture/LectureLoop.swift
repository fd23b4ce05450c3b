import ExplorerApp
import Foundation
import TerminalUI

/// A lecture on the one app loop (the explorer's too), with the lecture as its program; each frame
/// also goes to the recorder when there is one.
public typealias LectureLoop<Backend: TerminalBackend> = ProgramLoop<Backend, LectureState, LectureAction>

extension LoopProgram where State == LectureState, Message == LectureAction {
    /// The lecture: `updateLecture` (file work for the pad happens in `drawings`, outside the
    /// pure update), `LectureView`, `LectureKeys`; the engine's answers go to the step's screen,
    /// except a classified drawing, which is the lecture's own.
    public static func lecture(drawings: DrawingFiles) -> LoopProgram {
        LoopProgram(
            update: { state, action in
                switch action {
                case .pad(.save):
                    if let pad = state.pad { state.message = drawings.save(pad) }
                    return []
                case .pad(.load):
                    switch drawings.loadLatest() {
                    case .success(let pad): state.pad = pad; state.message = "loaded \(drawings.lastName ?? "drawing")"
                    case .failure(let error): state.message = error.message
                    }
                    return []
                default:
                    return updateLecture(&state, action)
                }
            },
            render: { LectureView.render($0, into: &$1) },
            input: LectureKeys.action(for:in:),
            lift: { action in
                if case .drawingClassified(let verdict) = action { return .drawingClassified(verdict) }
                return .app(action)
            },
            start: { StepSetup.requests(&$0.app) },
            isAnimating: { ExplorerApp.isAnimating($0.app) },
            shouldQuit: \.shouldQuit)
    }
}

extension ProgramLoop where State == LectureState, Message == LectureAction {
    /// A lecture loop over `terminal`; effects go to `runner`; frames also to `recorder`; the
    /// drawing pad saves to and loads from `drawings`.
    public convenience init(
        terminal: Terminal<Backend>, state: LectureState, runner: EffectRunner, recorder: AsciicastRecorder? = nil,
        drawings: DrawingFiles = DrawingFiles(directory: DrawingFiles.defaultDirectory()),
        clock: @escaping () -> Int = monotonicMilliseconds
    ) {
        self.init(
            terminal: terminal, program: .lecture(drawings: drawings), state: state, runner: runner, clock: clock,
            onFrame: recorder.map { recorder in { recorder.record($0) } })
    }
}
