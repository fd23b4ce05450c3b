import Autodiff
import Foundation
import NeuralNets

/// Scores a trained model the way the papers do: mean accuracy over test episodes with a 95%
/// confidence interval, Lake's 20 runs, or sine-regression error after k fine-tuning steps.
public struct Evaluator: Sendable {
    public let checkpoint: ModelCheckpoint

    public init(checkpoint: ModelCheckpoint) { self.checkpoint = checkpoint }

    /// Mean accuracy over episodes with 1.96 · sd / √n.
    public struct Accuracy: Sendable, Equatable {
        public var accuracy: Float
        public var ci95: Float
        public var episodes: Int
    }

    /// What the model predicts for each query of one episode, and the distances behind it
    /// (ProtoNet), the class scores (the other metric learners) or the logits (classifiers
    /// after adaptation).
    public func classify(_ e: EpisodeTensors) -> (predictions: [Int], scores: Tensor) {
        let c = checkpoint
        switch c.architecture {
        case .embedding, .matching, .siamese, .relation:
            let r = metricEpisode(e)!
            // ProtoNet's screens and tests read its distances; the other learners their scores.
            return (r.classScores.argmaxAlongLastAxis(), r.prototypical?.distances ?? r.classScores)
        case .classifier(let model):
            let inner = InnerLoop(steps: c.configuration.evaluationInnerSteps, stepSize: c.configuration.innerStepSize)
            let fast = MAML.adapt(c.parameters.variables(), to: e.objective(for: model), inner: inner, order: .firstOrder).fast
            let logits = withoutRecording { model(e.query, parameters: fast.detached()) }
            return (logits.argmaxAlongLastAxis(), logits)
        case .sine:
            preconditionFailure("classify: a sine model does not classify")
        case .mann, .lstm:
            preconditionFailure("classify: a sequence model labels sequences, not N-way K-shot episodes")
        }
    }

    /// One episode through a metric learner's checkpoint, with its own evidence (distances,
    /// attention, pair or relation scores), nothing recorded, batch norm on the checkpoint's
    /// running statistics when it has them; nil for MAML's classifier and the sine MLP.
    public func metricEpisode(_ e: EpisodeTensors) -> MetricLearner.EpisodeResult? {
        let c = checkpoint
        guard let learner = MetricLearner(c.architecture) else { return nil }
        let normalization: NormalizationMode = c.runningStatistics().map { .running($0) } ?? .batch(running: nil)
        return withoutRecording {
            learner.episode(
                parameters: c.parameters, support: e.support, supportLabels: e.supportLabels,
                query: e.query, queryLabels: e.queryLabels, ways: e.ways, normalization: normalization)
        }
    }

    /// Accuracy over `episodes` N-way K-shot episodes of `split`. A metric learner with running
    /// statistics embeds each drawing once (``EmbeddingTable``) unless `embeddingOnce` is false;
    /// the episodes are the same either way, drawn in order from `generator`.
    public func accuracy(
        dataset: OmniglotDataset, split: ClassSplit, ways: Int, shots: Int, queries: Int, episodes: Int,
        withinAlphabet: Bool = false, embeddingOnce: Bool = true, using generator: inout SeededGenerator,
        progress: (Int) -> Void = { _ in }
    ) throws -> Accuracy {
        if checkpoint.architecture.sequenceLearner != nil {
            throw TrainingError.invalidConfiguration("a sequence model (MANN, LSTM) is scored by accuracy per instance, not on N-way K-shot episodes")
        }
        if case .classifier(let model) = checkpoint.architecture, model.ways != ways {
            throw TrainingError.invalidConfiguration("this model classifies \(model.ways) ways; it cannot be tested on \(ways)-way episodes")
        }
        let sampler = try EpisodeSampler(split: split, ways: ways, shots: shots, queries: queries, withinAlphabet: withinAlphabet)
        if embeddingOnce, let learner = MetricLearner(checkpoint.architecture), let statistics = checkpoint.runningStatistics() {
            let drawn = (0..<episodes).map { _ in sampler.sample(using: &generator) }
            return Self.summarize(accuracies(of: drawn, from: dataset, learner: learner, statistics: statistics, progress: progress))
        }
        // Episodes are drawn in order from the generator, a few workers' worth at a time, then
        // classified side by side (each with its own graph, BLAS on one thread meanwhile): the
        // episodes are a serial run's, and small products waste fewer cycles than on two threads.
        var scores: [Float] = []
        scores.reserveCapacity(episodes)
        let group = 4 * ParallelSettings.threads
        while scores.count < episodes {
            let drawn = (0..<min(group, episodes - scores.count)).map { _ in sampler.sample(using: &generator) }
            scores += concurrentMap(drawn.count) { i in
                let e = EpisodeTensors(drawn[i], from: dataset)
                let predicted = classify(e).predictions
                return Float(zip(predicted, e.queryLabels).filter { $0 == $1 }.count) / Float(e.queryLabels.count)
            }
            progress(scores.count)
        }
        return Self.summarize(scores)
    }

    /// Per-episode accuracies of a metric learner from an embedding table of every drawing shown.
    private func accuracies(
        of episodes: [Episode], from dataset: OmniglotDataset, learner: MetricLearner, statistics: RunningStatistics,
        progress: (Int) -> Void
    ) -> [Float] {
        let table = EmbeddingTable(
            episodes.flatMap { $0.support + $0.queries }, from: dataset, learner: learner, parameters: checkpoint.parameters,
            statistics: statistics)
        let parameters = checkpoint.parameters
        let chunk = 100
        var scores: [Float] = []
        scores.reserveCapacity(episodes.count)
        while scores.count < episodes.count {
            let start = scores.count
            let slice = Array(episodes[start..<min(start + chunk * ParallelSettings.threads, episodes.count)])
            scores += concurrentMap(slice.count) { i in
                let e = slice[i]
                let predicted = withoutRecording {
                    learner.classScores(
                        supportEmbeddings: table.embeddings(of: e.support), supportLabels: e.supportLabels,
                        queryEmbeddings: table.embeddings(of: e.queries), queryLabels: e.queryLabels, ways: e.ways,
                        parameters: parameters, normalization: .running(statistics)
                    ).argmaxAlongLastAxis()
                }
                return Float(zip(predicted, e.queryLabels).filter { $0 == $1 }.count) / Float(e.queryLabels.count)
            }
            progress(scores.count)
        }
        return scores
    }

    /// Mean and 95% interval of per-episode accuracies.
    public static func summarize(_ scores: [Float]) -> Accuracy {
        let n = Float(max(scores.count, 1))
        let mean = scores.reduce(0, +) / n
        let variance = scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / max(n - 1, 1)
        return Accuracy(accuracy: mean, ci95: 1.96 * variance.squareRoot() / n.squareRoot(), episodes: scores.count)
    }

    /// Lake's 20 within-alphabet 20-way one-shot runs, scored officially (error rate per run).
    public func lakeRuns(_ runs: LakeRuns) -> LakeRuns.Score {
        runs.score(predictions: concurrentMap(runs.runs.count) { i in classify(EpisodeTensors(runs.runs[i].episode, from: runs)).predictions })
    }

    /// Mean query MSE over `tasks` sine tasks after each count of fine-tuning steps in `steps`
    /// (SGD with the model's inner step size on `shots` support points).
    public func sineErrors(shots: Int, tasks: Int, steps: [Int], queries: Int = 100, using generator: inout SeededGenerator) -> [Float] {
        guard case .sine(let model) = checkpoint.architecture else { preconditionFailure("sineErrors: not a sine model") }
        let batch = SineTaskFamily().sampleBatch(tasks: tasks, shots: shots, queries: queries, using: &generator)
        let learner = SineMAML(model: model, inner: InnerLoop(steps: 1, stepSize: checkpoint.configuration.innerStepSize))
        let curve = learner.queryErrors(checkpoint.parameters, batch: batch, maxSteps: steps.max() ?? 0)
        return steps.map { curve[$0] }
    }
}
