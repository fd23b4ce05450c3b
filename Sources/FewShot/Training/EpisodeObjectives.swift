import Autodiff
import NeuralNets

/// The tensors of one Omniglot episode, ready for a model.
public struct EpisodeTensors: Sendable {
    public var support: Tensor
    public var supportLabels: [Int]
    public var query: Tensor
    public var queryLabels: [Int]
    public var ways: Int

    public init(_ episode: Episode, from provider: some DrawingProvider) {
        support = episode.supportImages(from: provider)
        supportLabels = episode.supportLabels
        query = episode.queryImages(from: provider)
        queryLabels = episode.queryLabels
        ways = episode.ways
    }

    public init(support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int], ways: Int) {
        (self.support, self.supportLabels, self.query, self.queryLabels, self.ways) = (support, supportLabels, query, queryLabels, ways)
    }

    /// The episode as a task for MAML or Reptile with the conv classifier. Batch norm uses the
    /// statistics of the batch at hand, at meta-train and meta-test time alike (Finn et al.).
    public func objective(for model: ConvClassifier) -> TaskObjective {
        let (s, sl, q, ql) = (support, supportLabels, query, queryLabels)
        return TaskObjective(
            support: { p in let logits = model(s, parameters: p); return (logits.crossEntropy(labels: sl), logits.accuracy(labels: sl)) },
            query: { p in let logits = model(q, parameters: p); return (logits.crossEntropy(labels: ql), logits.accuracy(labels: ql)) })
    }
}

extension SineTaskFamily {
    /// `tasks` tasks of `shots` support and `queries` query points each, stacked as [tasks, k, 1].
    public func sampleBatch(tasks: Int, shots: Int, queries: Int, using generator: inout SeededGenerator) -> RegressionBatch {
        let episodes = (0..<tasks).map { _ in sampleEpisode(shots: shots, queries: queries, using: &generator) }
        func stack(_ part: (SineTaskFamily.Episode) -> Tensor, _ k: Int) -> Tensor {
            Tensor(shape: [tasks, k, 1], scalars: episodes.flatMap { part($0).scalars })
        }
        return RegressionBatch(supportX: stack(\.supportX, shots), supportY: stack(\.supportY, shots),
                               queryX: stack(\.queryX, queries), queryY: stack(\.queryY, queries))
    }
}
