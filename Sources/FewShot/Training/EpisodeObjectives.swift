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
        var task = TaskObjective(
            support: { p in
                let logits = model(s, parameters: p); return (logits.crossEntropy(labels: sl), logits.accuracy(labels: sl))
            },
            query: { p in
                let logits = model(q, parameters: p); return (logits.crossEntropy(labels: ql), logits.accuracy(labels: ql))
            })
        task.queryPredictions = { p in model(q, parameters: p).argmaxAlongLastAxis() }
        return task
    }

    /// The episode as a task whose inner steps descend mini-batches of `batchSize` support
    /// examples (``InnerBatches``), one batch per step and one more for the trace after the last.
    /// A batch as large as the support set is the whole set, as ``objective(for:)``.
    public func objective(for model: ConvClassifier, innerSteps: Int, batchSize: Int, using generator: inout SeededGenerator) -> TaskObjective {
        let whole = objective(for: model)
        guard batchSize < supportLabels.count else { return whole }
        let batches = InnerBatches(count: innerSteps + 1, size: batchSize, examples: supportLabels.count, using: &generator).indices
        let (s, sl) = (support, supportLabels)
        var task = TaskObjective(
            support: whole.support,
            supportBatch: { step, p in
                let rows = batches[step]
                let labels = rows.map { sl[$0] }
                let logits = model(s.gathering(rows: rows), parameters: p)
                return (logits.crossEntropy(labels: labels), logits.accuracy(labels: labels))
            },
            query: whole.query)
        task.queryPredictions = whole.queryPredictions
        return task
    }
}

extension SineTaskFamily {
    /// `tasks` tasks of `shots` support and `queries` query points each, stacked as [tasks, k, 1].
    public func sampleBatch(tasks: Int, shots: Int, queries: Int, using generator: inout SeededGenerator) -> RegressionBatch {
        let episodes = (0..<tasks).map { _ in sampleEpisode(shots: shots, queries: queries, using: &generator) }
        func stack(_ part: (SineTaskFamily.Episode) -> Tensor, _ k: Int) -> Tensor {
            Tensor(shape: [tasks, k, 1], scalars: episodes.flatMap { part($0).scalars })
        }
        return RegressionBatch(
            supportX: stack(\.supportX, shots), supportY: stack(\.supportY, shots),
            queryX: stack(\.queryX, queries), queryY: stack(\.queryY, queries))
    }
}

extension SineTaskFamily.Episode {
    /// The task for one sine network: mean squared error on the support and on the query points.
    public func objective(for model: SineMLP) -> TaskObjective {
        .regression(model, support: (supportX, supportY), query: (queryX, queryY))
    }
}

extension TaskObjective {
    /// A regression task for a sine network: mean squared error on points [k, 1], support and query.
    public static func regression(_ model: SineMLP, support: (x: Tensor, y: Tensor), query: (x: Tensor, y: Tensor)) -> TaskObjective {
        TaskObjective(
            support: { p in (model(support.x, parameters: p).meanSquaredError(support.y), nil) },
            query: { p in (model(query.x, parameters: p).meanSquaredError(query.y), nil) })
    }
}
