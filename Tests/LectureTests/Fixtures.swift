import ExplorerApp
import Foundation

/// The lecture tests' engine settings: hermetic like the explorer's screen tests (no shipped
/// models, no cache, a short quick training, the data at `../shared/omniglot` beside the package).
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
