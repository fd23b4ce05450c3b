import Autodiff
import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport
import Testing

/// One inline engine for every screen test: the Omniglot data and the quick sine models are
/// loaded once. Hermetic: no shipped models, no cache, a short quick training, the data where
/// the program finds it (`TestData.omniglot()`); tests that draw Omniglot fail without it.
enum Fixture {
    static let packageRoot = TestData.packageRoot

    static var options: EngineOptions {
        var options = EngineOptions()
        options.useShippedModels = false
        options.cacheDirectory = nil
        options.quickSineIterations = 300
        options.dataDirectory = (try? TestData.omniglot())?.directory.path
        return options
    }

    /// The hermetic engine the screen tests share.
    static let runner: Locked<InlineRunner> = {
        TestProcess.configure()  // the allocator setting episcope's main makes
        return Locked(InlineRunner(engine: ExplorerEngine(options: options)))
    }()

    /// Renders `screen` at `width` x `height` from seed 7, scripted as `episcope render` does.
    static func render(
        _ screen: ScreenID, width: Int, height: Int, seed: UInt64 = 7, charset: Charset = .unicode, glyphMode: GlyphStyle = .ascii,
        scripted: Bool = true, over engine: Locked<InlineRunner> = runner
    ) -> Buffer {
        let request = ScreenRenderer.Request(
            screen: screen, width: width, height: height, seed: seed, charset: charset, glyphMode: glyphMode, scripted: scripted)
        return engine.withLock { ScreenRenderer.render(request, runner: $0) }
    }

    /// A loop over a test backend at `screen`, settled; for tests that go on to press keys.
    static func withLoop<Result>(
        _ screen: ScreenID, width: Int = 100, height: Int = 30, over engine: Locked<InlineRunner> = runner, _ body: (AppLoop<TestBackend>) -> Result
    ) -> Result {
        let request = ScreenRenderer.Request(screen: screen, width: width, height: height, seed: 7, scripted: false)
        return engine.withLock { body(ScreenRenderer.makeLoop(request, runner: $0)) }
    }

    /// An engine like ``runner`` that takes its models from `folder`, as `--models` does.
    static func runner(overModels folder: URL) -> Locked<InlineRunner> {
        var options = options
        options.useShippedModels = true
        options.modelsDirectory = folder
        return Locked(InlineRunner(engine: ExplorerEngine(options: options)))
    }

    /// A model of `algorithm` with its standard settings at its seeded initial weights (0
    /// iterations), for engines over a models folder of a test's own.
    static func untrainedModel(_ algorithm: Algorithm) -> ModelCheckpoint {
        var configuration = TrainingConfiguration.standard(algorithm, .omniglot)
        configuration.seed = 3
        var generator = SeededGenerator(seed: configuration.seed)
        return ModelCheckpoint(
            configuration: configuration, parameters: ModelArchitecture(configuration).initialParameters(using: &generator),
            running: nil, iteration: 0, wallSeconds: 0, command: "")
    }
}

extension Fixture {
    /// A state whose models are all there, so key presses issue their requests.
    static func readyState(_ screen: ScreenID, width: Int = 100, height: Int = 30) -> AppState {
        var state = AppState(screen: screen, width: width, height: height, seed: 7)
        for kind in [ResourceKind.sineModel, .sineBaseline, .omniglot, .protoNet, .mamlClassifier] {
            _ = update(&state, .resource(kind, .ready("test")))
        }
        return state
    }

    /// The effects of pressing `key` on `state` (none when the key means nothing there).
    static func press(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let action = KeyMap.action(for: .key(key), in: state) else { return [] }
        return update(&state, action)
    }
}
