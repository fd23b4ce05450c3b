import Autodiff
import Foundation
import NeuralNets
import TestSupport
import Testing

@testable import FewShot

@Suite struct TrainerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-trainer-\(getpid())").path

    func sineConfiguration(iterations: Int) -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(.maml, .sine)
        c.iterations = iterations
        c.validationInterval = 0
        c.checkpointInterval = 1000
        c.seed = 7
        return c
    }

    @Test func resumingContinuesBitForBit() throws {
        let path = directory + "/resume.safetensors"
        let straight = try Trainer(configuration: sineConfiguration(iterations: 60), data: .sine)
        try straight.run { _ in }

        let first = try Trainer(configuration: sineConfiguration(iterations: 60), data: .sine)
        first.outputPath = path
        var steps = 0
        try first.run(shouldStop: { steps >= 25 }, onEvent: { if case .iteration = $0 { steps += 1 } })
        #expect(first.iteration == 25)
        let resumed = try Trainer(resumingFrom: path, data: .sine)
        #expect(resumed.iteration == 25)
        try resumed.run { _ in }
        #expect(resumed.parameters.tensors.map(\.scalars) == straight.parameters.tensors.map(\.scalars))
        #expect(resumed.generator == straight.generator)
    }

    @Test func shortSineMAMLRunLearns() throws {
        var c = sineConfiguration(iterations: 1500)
        c.validationInterval = 1500
        c.validationEpisodes = 200
        let trainer = try Trainer(configuration: c, data: .sine)
        var before: Float = 0
        var after: Float = 0
        before = trainer.validate(episodes: 200).meanSquaredError ?? 0
        try trainer.run { if case .validation(let v) = $0 { after = v.meanSquaredError ?? 0 } }
        // An untrained net after one step is near the task variance (about 4); a short run
        // already halves it.
        #expect(before > 2.5)
        #expect(after < 1.6, "validation MSE \(after)")
    }

    @Test func keepsTheBestValidatedModelAcrossAResume() throws {
        let path = directory + "/best.safetensors"
        var c = sineConfiguration(iterations: 300)
        (c.validationInterval, c.validationEpisodes) = (50, 100)
        let first = try Trainer(configuration: c, data: .sine)
        first.outputPath = path
        var reports: [ValidationReport] = []
        var steps = 0
        try first.run(
            shouldStop: { steps >= 150 },
            onEvent: {
                if case .iteration = $0 { steps += 1 }
                if case .validation(let v) = $0 { reports.append(v) }
            })
        let resumed = try Trainer(resumingFrom: path, data: .sine)
        #expect(resumed.best == first.best)
        try resumed.run { if case .validation(let v) = $0 { reports.append(v) } }

        #expect(reports.map(\.iteration) == [50, 100, 150, 200, 250, 300])
        let scores = reports.map { $0.selectionScore! }
        let winner = try #require(scores.indices.max { scores[$0] < scores[$1] })
        #expect(resumed.best == ResumeState.Best(iteration: reports[winner].iteration, score: scores[winner]))
        // A report is marked best exactly when it beats every earlier one.
        for (i, report) in reports.enumerated() {
            #expect(report.isBest == (scores[i] > (scores[..<i].max() ?? -.infinity)))
            #expect(report.fineTuningCurveError! > 0)
        }
        let kept = try ModelCheckpoint.read(path: Trainer.bestModelPath(forModel: path))
        #expect(kept.iteration == reports[winner].iteration)
        let again = Trainer.validation(of: kept, data: .sine, episodes: 100)
        #expect(again.selectionScore == scores[winner])
    }

    @Test func divergenceStopsWithoutOverwritingTheCheckpoint() throws {
        let path = directory + "/diverge.safetensors"
        var c = sineConfiguration(iterations: 200)
        c.checkpointInterval = 5
        c.metaStepSize = 1e6  // Adam with an absurd rate blows the weights up
        let trainer = try Trainer(configuration: c, data: .sine)
        trainer.outputPath = path
        var diverged = false
        do {
            try trainer.run { if case .diverged = $0 { diverged = true } }
        } catch TrainingError.diverged {
            diverged = true
        }
        #expect(diverged)
        if FileManager.default.fileExists(atPath: path) {
            let saved = try ModelCheckpoint.read(path: path)
            let finite = saved.parameters.tensors.allSatisfy { !$0.hasNonFinite }
            #expect(finite)
        }
    }

    @Test func wrongDataIsAClearError() {
        #expect(throws: TrainingError.self) { try Trainer(configuration: TrainingConfiguration.standard(.pretrained, .omniglot), data: .sine) }
    }
}

/// Short runs on the real Omniglot archives (failing with the reason when no data is found).
@Suite struct OmniglotTrainerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-omniglot-trainer-\(getpid())").path

    func reptileConfiguration(iterations: Int) -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(.reptile, .omniglot)
        (c.iterations, c.validationInterval, c.checkpointInterval, c.seed) = (iterations, 0, 1000, 3)
        c.evaluationInnerSteps = 10
        return c
    }

    @Test func shortReptileRunWithInnerBatchesLearnsAndResumesBitForBit() throws {
        TestProcess.configure()
        let c = reptileConfiguration(iterations: 150)
        let data = try TrainingData.load(for: c, location: TestData.omniglot())
        let straight = try Trainer(configuration: c, data: data)
        try straight.run { _ in }

        let path = directory + "/reptile.safetensors"
        let first = try Trainer(configuration: c, data: data)
        first.outputPath = path
        var steps = 0
        try first.run(shouldStop: { steps >= 40 }, onEvent: { if case .iteration = $0 { steps += 1 } })
        let resumed = try Trainer(resumingFrom: path, data: data)
        try resumed.run { _ in }
        #expect(resumed.parameters.tensors.map(\.scalars) == straight.parameters.tensors.map(\.scalars))

        // Chance is 20%; 150 meta-iterations already adapt far above it on unseen classes.
        guard case .omniglot(let dataset, _, let validation) = data else {
            Issue.record("an Omniglot configuration loaded other data: \(data)")
            return
        }
        var rng = SeededGenerator(seed: 1)
        let result = try Evaluator(checkpoint: straight.checkpoint()).accuracy(
            dataset: dataset, split: validation, ways: 5, shots: 5, queries: 5, episodes: 30, using: &rng)
        #expect(result.accuracy > 0.8, "5-way 5-shot after 150 iterations: \(result.accuracy)")
    }
}
