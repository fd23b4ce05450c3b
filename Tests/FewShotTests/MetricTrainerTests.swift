import Autodiff
import Foundation
import NeuralNets
import TestSupport
import Testing

@testable import FewShot

/// Short seeded runs of the metric family on real Omniglot: each learner trains through the one
/// trainer, learns well above chance on unseen classes, and its checkpoint reads back to the
/// same predictions.
@Suite struct MetricTrainerTests {
    @Test(arguments: [Algorithm.matching, .siamese, .relation])
    func shortRunLearnsAndItsCheckpointReadsBack(_ algorithm: Algorithm) throws {
        var c = TrainingConfiguration.standard(algorithm, .omniglot)
        (c.ways, c.queries, c.iterations, c.validationInterval, c.seed) = (5, 5, 80, 0, 1)
        let data = try TrainingData.load(for: c, location: try TestData.omniglot())
        let trainer = try Trainer(configuration: c, data: data)
        try trainer.run { _ in }
        guard case .omniglot(let dataset, _, let validation) = data else { return }

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-metric-\(algorithm)-\(getpid()).safetensors").path
        try trainer.checkpoint().write(to: path)
        let read = try ModelCheckpoint.read(path: path)
        #expect(read.runningMeans.count == trainer.checkpoint().architecture.normalizationLayers)
        var rng = SeededGenerator(seed: 2)
        let episode = EpisodeTensors(try EpisodeSampler(split: validation, ways: 5, shots: 1, queries: 3).sample(using: &rng), from: dataset)
        #expect(
            Evaluator(checkpoint: read).classify(episode).scores.scalars
                == Evaluator(checkpoint: trainer.checkpoint()).classify(episode).scores.scalars)

        // Chance is 20%; 80 iterations of 5-way episodes already score twice that on unseen classes.
        let result = try Evaluator(checkpoint: read).accuracy(
            dataset: dataset, split: validation, ways: 5, shots: 1, queries: 5,
            episodes: 50, using: &rng)
        #expect(result.accuracy > 0.4, "\(algorithm) 5-way 1-shot after 80 iterations: \(result.accuracy)")
    }

    @Test func metricLearnersAreRejectedOnSine() {
        for algorithm in Algorithm.allCases where algorithm.isMetricBased {
            #expect(throws: TrainingError.self) { try Trainer(configuration: .standard(algorithm, .sine), data: .sine) }
        }
    }
}
