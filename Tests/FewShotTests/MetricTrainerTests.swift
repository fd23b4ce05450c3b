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
        // The file holds the trained weights and statistics bit for bit, so the model read back
        // predicts what the trained one does. Scores agree to rounding only: BLAS may sum in
        // another order for buffers at other addresses (seen on CI for the Relation Network).
        let written = trainer.checkpoint()
        #expect(read.parameters.names == written.parameters.names)
        #expect(zip(read.parameters.tensors, written.parameters.tensors).allSatisfy { $0.scalars == $1.scalars })
        #expect(read.runningMeans == written.runningMeans && read.runningVariances == written.runningVariances)
        let (fromFile, fromMemory) = (Evaluator(checkpoint: read).classify(episode), Evaluator(checkpoint: written).classify(episode))
        #expect(fromFile.predictions == fromMemory.predictions)
        #expect(zip(fromFile.scores.scalars, fromMemory.scores.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })

        // Chance is 20%; 80 iterations of 5-way episodes already score twice that on unseen classes.
        let result = try Evaluator(checkpoint: read).accuracy(
            dataset: dataset, split: validation, ways: 5, shots: 1, queries: 5,
            episodes: 50, using: &rng)
        #expect(result.accuracy > 0.4, "\(algorithm) 5-way 1-shot after 80 iterations: \(result.accuracy)")

        // Embedding each drawing once (the default) predicts as embedding each episode does.
        var (once, each) = (SeededGenerator(seed: 3), SeededGenerator(seed: 3))
        let table = try Evaluator(checkpoint: read).accuracy(
            dataset: dataset, split: validation, ways: 5, shots: 1, queries: 5, episodes: 20, using: &once)
        let episodeByEpisode = try Evaluator(checkpoint: read).accuracy(
            dataset: dataset, split: validation, ways: 5, shots: 1, queries: 5, episodes: 20, embeddingOnce: false, using: &each)
        #expect(table == episodeByEpisode)
    }

    @Test func metricLearnersAreRejectedOnSine() {
        for algorithm in Algorithm.allCases where algorithm.isMetricBased {
            #expect(throws: TrainingError.self) { try Trainer(configuration: .standard(algorithm, .sine), data: .sine) }
        }
    }
}
