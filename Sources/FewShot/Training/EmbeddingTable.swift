import Autodiff
import NeuralNets

/// Each drawing of an evaluation embedded once: a metric learner under running statistics maps
/// an image to the same embedding in every episode, so 1000 episodes that show ~30,000 distinct
/// drawings 80,000 times need 30,000 forward passes, not 80,000, and no graph per episode.
public struct EmbeddingTable: Sendable {
    /// Row of each drawing in ``embeddings``.
    public let rows: [DrawingRef: Int]
    /// One embedding per drawing, [drawings, ...].
    public let embeddings: Tensor

    /// Drawings per forward pass: large enough for full-speed matrix products, small enough
    /// that the im2col buffers of a batch stay in the tens of megabytes.
    static let batchSize = 256

    /// Embeds `drawings` (each once, in first-seen order) with `learner`, batches side by side on
    /// the available cores.
    public init(
        _ drawings: [DrawingRef], from provider: some DrawingProvider, learner: MetricLearner, parameters: ParameterList,
        statistics: RunningStatistics
    ) {
        var rows: [DrawingRef: Int] = [:]
        var order: [DrawingRef] = []
        for ref in drawings where rows[ref] == nil {
            rows[ref] = order.count
            order.append(ref)
        }
        let batches = stride(from: 0, to: order.count, by: Self.batchSize).map { Array(order[$0..<min($0 + Self.batchSize, order.count)]) }
        let embedded = concurrentMap(batches.count) { b in
            withoutRecording {
                learner.embed(Episode.images(batches[b], provider.drawings), parameters: parameters, normalization: .running(statistics))
            }
        }
        self.rows = rows
        self.embeddings = embedded.isEmpty ? Tensor(shape: [0], scalars: []) : Tensor.concatenate(embedded, alongAxis: 0)
    }

    /// The embeddings of `drawings`, in order; each must be in the table.
    public func embeddings(of drawings: [DrawingRef]) -> Tensor {
        embeddings.gathering(rows: drawings.map { rows[$0]! })
    }
}
