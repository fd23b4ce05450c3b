import ExplorerApp
import Foundation
import Testing
import TerminalUI

/// One inline engine for every screen test: the Omniglot data and the quick sine models are
/// loaded once. Hermetic: no shipped models, no cache, a short quick training, the data at
/// `../shared/omniglot` beside the package.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var options: EngineOptions {
        var options = EngineOptions()
        options.useShippedModels = false
        options.cacheDirectory = nil
        options.quickSineIterations = 300
        options.dataDirectory = packageRoot.appendingPathComponent("../shared/omniglot").standardizedFileURL.path
        return options
    }

    private static let runner = Locked(InlineRunner(engine: ExplorerEngine(options: options)))

    /// Renders `screen` at `width` x `height` from seed 7, scripted as `episcope render` does.
    static func render(_ screen: ScreenID, width: Int, height: Int, charset: Charset = .unicode, scripted: Bool = true) -> Buffer {
        let request = ScreenRenderer.Request(screen: screen, width: width, height: height, seed: 7, charset: charset, scripted: scripted)
        return runner.withLock { ScreenRenderer.render(request, runner: $0) }
    }

    /// A loop over a test backend at `screen`, settled; for tests that go on to press keys.
    static func withLoop<Result>(_ screen: ScreenID, width: Int = 100, height: Int = 30, _ body: (AppLoop<TestBackend>) -> Result) -> Result {
        let request = ScreenRenderer.Request(screen: screen, width: width, height: height, seed: 7, scripted: false)
        return runner.withLock { body(ScreenRenderer.makeLoop(request, runner: $0)) }
    }

    static var hasOmniglot: Bool {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("../shared/omniglot/images_background.zip").path)
    }
}

/// A value used from one test at a time.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
