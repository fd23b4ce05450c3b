import TerminalUI

/// Draws one screen without a terminal: the engine runs inline until the screen has all it
/// needs, a few scripted keys bring it to an interesting moment, and the frame comes back as
/// a buffer. `episcope render`, the snapshot tests and the benchmark all use this.
public enum ScreenRenderer {
    /// What to render and how.
    public struct Request: Sendable {
        public var screen: ScreenID
        public var width: Int
        public var height: Int
        public var seed: UInt64
        public var charset: Charset
        public var glyphMode: GlyphStyle
        /// Apply `demoActions(for:)` after loading (off: the screen as it opens).
        public var scripted: Bool

        /// A request for `screen` at `width` x `height`.
        public init(
            screen: ScreenID, width: Int = 100, height: Int = 30, seed: UInt64 = 7, charset: Charset = .unicode,
            glyphMode: GlyphStyle = .ascii, scripted: Bool = true
        ) {
            (self.screen, self.width, self.height, self.seed) = (screen, width, height, seed)
            (self.charset, self.glyphMode, self.scripted) = (charset, glyphMode, scripted)
        }
    }

    /// The keys that take each screen from its opening state to a telling one: a few inner
    /// steps on the sine and inner-loop screens, a short run on the training screen.
    public static func demoActions(for screen: ScreenID) -> [Action] {
        switch screen {
        case .sine: return [.sineStep, .sineStep, .sineStep]
        case .inner: return [.innerStep, .innerStep, .innerStep]
        case .training: return [.trainingToggle]
        case .memory: return Array(repeating: .memoryStepForward, count: 11)
        case .episode, .prototypes, .compare: return []
        }
    }

    /// Renders `request` with a fresh inline engine.
    public static func render(_ request: Request, options: EngineOptions) -> Buffer {
        let runner = InlineRunner(engine: ExplorerEngine(options: options))
        return render(request, runner: runner)
    }

    /// Renders `request` using `runner` (which may be shared between renders).
    public static func render(_ request: Request, runner: EffectRunner) -> Buffer {
        let loop = makeLoop(request, runner: runner)
        return loop.terminal.lastFrame
    }

    /// A loop at the state `request` describes, settled and drawn once, over an in-memory terminal.
    public static func makeLoop(_ request: Request, runner: EffectRunner) -> AppLoop<TestBackend> {
        let backend = TestBackend(width: request.width, height: request.height, supportsUnicode: request.charset == .unicode)
        let terminal = Terminal(backend: backend, charset: request.charset)
        var state = AppState(screen: request.screen, width: request.width, height: request.height, seed: request.seed)
        state.glyphMode = request.glyphMode
        // A frozen clock: animations never advance by themselves, so output never depends on timing.
        let loop = AppLoop(terminal: terminal, state: state, runner: runner, clock: { 0 })
        if let inline = runner as? InlineRunner {
            for action in inline.resourceActions { loop.dispatch(action) }
        }
        loop.settle()
        if request.scripted {
            for action in demoActions(for: request.screen) { loop.dispatch(action) }
            loop.settle()
        }
        loop.iterate(with: nil)
        return loop
    }
}
