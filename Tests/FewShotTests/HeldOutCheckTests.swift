import Autodiff
import Foundation
import TestSupport
import Testing

@testable import FewShot

/// The live preset and the test protocol it runs on held-out data while it trains.
@Suite struct HeldOutCheckTests {
    @Test func liveHasSchedulesForProtoNetOnOmniglotAndMAMLOnSineOnly() throws {
        for algorithm in Algorithm.allCases {
            for dataset in DatasetKind.allCases {
                let c = TrainingConfiguration.preset(.live, algorithm, dataset)
                let expected = (algorithm, dataset) == (.protonet, .omniglot) || (algorithm, dataset) == (.maml, .sine)
                #expect((c != nil) == expected, "\(algorithm) on \(dataset)")
                if let c {
                    #expect(c.preset == .live && c.algorithm == algorithm && c.dataset == dataset)
                    #expect((c.heldOutInterval ?? 0) > 0, "the live preset tests as it trains")
                }
            }
        }
    }

    @Test func aCheckIsDueEveryIntervalAndAtTheEnd() {
        let check = HeldOutCheck(tasks: .sine, interval: 50, episodes: 10)
        let due = (0...130).filter { check.isDue(afterIteration: $0, of: 130) }
        #expect(due == [50, 100, 130])
    }

    @Test func thePresetAndItsChecksAreStoredInTheModel() throws {
        var c = try #require(TrainingConfiguration.preset(.live, .maml, .sine))
        c.iterations = 3
        let trainer = try Trainer(configuration: c, data: .sine)
        try trainer.run { _ in }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-heldout-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try trainer.checkpoint().write(to: path)
        let read = try ModelCheckpoint.read(path: path).configuration
        #expect(read == c && read.preset == .live && read.heldOutInterval == c.heldOutInterval)
    }

    /// A shortened live sine run: it tests at every interval, on the clock of training alone, and
    /// its last figure is the one `eval` stores as the error after one step (same 600 tasks).
    @Test func liveSineRunTestsOnHeldOutTasksAndGetsBetter() throws {
        var c = try #require(TrainingConfiguration.preset(.live, .maml, .sine))
        c.iterations = 1500
        let trainer = try Trainer(configuration: c, data: .sine)
        trainer.heldOutCheck = try #require(try HeldOutCheck.load(for: c, data: .sine, location: nil))
        var reports: [HeldOutReport] = []
        var clock: [Double] = []
        try trainer.run { event in
            if case .heldOut(let r) = event {
                reports.append(r)
                clock.append(trainer.wallSeconds)
            }
        }
        #expect(reports.map(\.iteration) == [500, 1000, 1500])
        #expect(reports.map(\.trainingSeconds) == clock, "the figure is the training clock at the check")
        #expect(reports.allSatisfy { $0.episodes == 600 && $0.seconds > 0 && $0.accuracy == nil })
        let stored = try StandardEvaluation.run(trainer.checkpoint(), location: nil)["sine_k5"]
        #expect(reports.last?.meanSquaredError == stored?.mseStep1)
        let errors = reports.compactMap(\.meanSquaredError)
        // An untrained net is near the tasks' variance (about 4); the preset is below 1.3 by 1,500
        // iterations (0.87 when the schedule was chosen).
        #expect(errors.count == 3 && errors[2] < errors[0] && errors[2] < 1.3, "\(errors)")
    }

    /// On Omniglot the check is `eval`'s protocol: the first episodes of seed 0 on the test classes,
    /// 5-way 1-shot with 15 queries per class, and a few live iterations leave chance far behind.
    @Test func omniglotCheckIsTheTestProtocolOnTestClasses() throws {
        let location = try TestData.omniglot()
        var c = try #require(TrainingConfiguration.preset(.live, .protonet, .omniglot))
        (c.iterations, c.heldOutInterval, c.heldOutEpisodes) = (6, 3, 40)
        let data = try TrainingData.load(for: c, location: location)
        let trainer = try Trainer(configuration: c, data: data)
        let check = try #require(try HeldOutCheck.load(for: c, data: data, location: location))
        trainer.heldOutCheck = check
        var reports: [HeldOutReport] = []
        try trainer.run { if case .heldOut(let r) = $0 { reports.append(r) } }
        #expect(reports.map(\.iteration) == [3, 6])
        guard case .omniglot(let dataset, let test) = check.tasks else {
            Issue.record("an Omniglot run checks on Omniglot")
            return
        }
        #expect(test.name == "vinyals/test")
        var rng = SeededGenerator(seed: 0)
        let expected = try Evaluator(checkpoint: trainer.checkpoint()).accuracy(
            dataset: dataset, split: test, ways: 5, shots: 1, queries: 15, episodes: 40, using: &rng)
        #expect(reports.last?.accuracy == expected.accuracy && reports.last?.ci95 == expected.ci95)
        #expect((reports.last?.accuracy ?? 0) > 0.4, "chance is 0.2: \(reports)")
    }
}
