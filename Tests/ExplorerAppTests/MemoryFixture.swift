import Autodiff
import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport

/// Engines for the Memory screen over a models folder of its own, so its snapshots do not change
/// when MANN and the LSTM baseline ship: `both` holds a MANN and an LSTM baseline at their seeded
/// initial weights (0 iterations), each with its accuracy by instance measured by
/// `StandardEvaluation` on 32 test sequences and stored as `episcope ship` stores it; `lstmOnly`
/// has the baseline alone, so the memory panels say which file they wait for.
enum MemoryFixture {
    static let both = makeRunner([.mann, .lstm])
    static let lstmOnly = makeRunner([.lstm])

    private static func makeRunner(_ algorithms: [Algorithm]) -> Locked<InlineRunner> {
        TestProcess.configure()
        let folder = try! TestData.temporaryFolder("memory-models-\(algorithms.map(\.rawValue).joined(separator: "-"))")
        for algorithm in algorithms {
            var checkpoint = Fixture.untrainedModel(algorithm)
            let results = try! StandardEvaluation.run(checkpoint, location: try! TestData.omniglot(), episodes: 32)
            checkpoint.evaluation = StandardEvaluation.metadata(results)
            let name = algorithm == .mann ? ShippedModels.mannOmniglot : ShippedModels.lstmOmniglot
            try! checkpoint.write(to: folder.appendingPathComponent(name).path)
        }
        return Fixture.runner(overModels: folder)
    }

    /// The Memory screen from seed 7 at `width` x `height` over `runner`'s models, scripted as
    /// `episcope render` does (eleven steps in).
    static func render(_ runner: Locked<InlineRunner>, width: Int, height: Int, charset: Charset = .unicode) -> Buffer {
        Fixture.render(.memory, width: width, height: height, charset: charset, over: runner)
    }

    /// A loop at the Memory screen over `runner`'s models, settled at step 1; for tests that press keys.
    static func withLoop<Result>(_ runner: Locked<InlineRunner>, width: Int = 160, height: Int = 48, _ body: (AppLoop<TestBackend>) -> Result)
        -> Result
    {
        Fixture.withLoop(.memory, width: width, height: height, over: runner, body)
    }
}
