import Autodiff
import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport

/// Engines for the Compare screen over a models folder of its own, so its snapshots do not
/// change when more models ship: `shipped` holds the shipped ProtoNet and Matching Networks
/// (the Siamese and Relation panels say they have no model); `allFour` adds a Siamese and a
/// Relation network at their seeded initial weights (0 iterations), so every panel draws.
enum CompareFixture {
    static let shipped = makeRunner(withUntrained: [])
    static let allFour = makeRunner(withUntrained: [.siamese, .relation])

    private static func makeRunner(withUntrained algorithms: [Algorithm]) -> Locked<InlineRunner> {
        TestProcess.configure()
        let folder = try! TestData.temporaryFolder("compare-models-\(algorithms.count)")
        let shippedFolder = TestData.packageRoot.appendingPathComponent("assets/models")
        for name in [ShippedModels.protoNetOneShot, ShippedModels.matchingOneShot] {
            try! FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: shippedFolder.appendingPathComponent(name))
        }
        for algorithm in algorithms {
            let checkpoint = Fixture.untrainedModel(algorithm)
            let name = algorithm == .siamese ? ShippedModels.siamese : ShippedModels.relationFiveWayOneShot
            try! checkpoint.write(to: folder.appendingPathComponent(name).path)
        }
        return Fixture.runner(overModels: folder)
    }

    /// The Compare screen from seed 7 at `width` x `height` over `runner`'s models.
    static func render(_ runner: Locked<InlineRunner>, width: Int, height: Int, charset: Charset = .unicode) -> Buffer {
        Fixture.render(.compare, width: width, height: height, charset: charset, over: runner)
    }

    /// A loop at the Compare screen over `runner`'s models, settled; for tests that press keys.
    static func withLoop<Result>(_ runner: Locked<InlineRunner>, width: Int = 160, height: Int = 48, _ body: (AppLoop<TestBackend>) -> Result)
        -> Result
    {
        Fixture.withLoop(.compare, width: width, height: height, over: runner, body)
    }
}
