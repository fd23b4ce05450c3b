import ExplorerApp
import Foundation
import TestSupport

/// The lecture tests' engine settings: hermetic like the explorer's screen tests (no shipped
/// models, no cache, a short quick training, the data where the program finds it).
enum Fixture {
    static var options: EngineOptions {
        var options = EngineOptions()
        options.useShippedModels = false
        options.cacheDirectory = nil
        options.quickSineIterations = 300
        options.dataDirectory = (try? TestData.omniglot())?.directory.path
        return options
    }
}
