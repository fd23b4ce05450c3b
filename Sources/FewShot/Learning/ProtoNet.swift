import Autodiff
import NeuralNets

/// Prototypical Networks (Snell et al., 2017): embed, average each class's support embeddings
/// into a prototype, and classify queries by minus squared Euclidean distance to prototypes.
public struct ProtoNet: Sendable {
    public let encoder: ConvNet4

    public init(encoder: ConvNet4 = ConvNet4()) { self.encoder = encoder }

    /// What one episode looks like inside the model.
    public struct EpisodeResult {
        /// Mean cross-entropy over the queries.
        public var loss: Tensor
        /// Fraction of queries classified correctly.
        public var accuracy: Float
        /// Minus squared distances, [queries, ways].
        public var logits: Tensor
        /// Squared distances, [queries, ways].
        public var distances: Tensor
        /// Class means, [ways, features].
        public var prototypes: Tensor
        /// Support embeddings, [support, features].
        public var supportEmbeddings: Tensor
        /// Query embeddings, [queries, features].
        public var queryEmbeddings: Tensor
    }

    /// Prototypes as the mean embedding of each class: `labels[i]` is the class of row i.
    public static func prototypes(of embeddings: Tensor, labels: [Int], ways: Int) -> Tensor {
        var counts = [Float](repeating: 0, count: ways)
        for label in labels { counts[label] += 1 }
        precondition(counts.allSatisfy { $0 > 0 }, "prototypes: every class needs a support example, counts \(counts)")
        let sums = embeddings.scatteringAdd(rows: labels, rowCount: ways)
        return sums / Tensor(shape: [ways, 1], scalars: counts)
    }

    /// How a query's distance to a prototype is measured. The network is trained with squared
    /// Euclidean distance (Snell et al. found it beats cosine); cosine is there to ask "which
    /// metric?" of a trained embedding.
    public enum Distance: String, Sendable, CaseIterable {
        case squaredEuclidean
        /// 1 − cos(query, prototype), in [0, 2].
        case cosine
    }

    /// Distances of every query embedding [q, f] to every prototype [k, f] under `distance`: [q, k].
    public static func distances(_ queryEmbeddings: Tensor, _ prototypes: Tensor, _ distance: Distance) -> Tensor {
        switch distance {
        case .squaredEuclidean: return Tensor.pairwiseSquaredDistances(queryEmbeddings, prototypes)
        case .cosine: return -Tensor.pairwiseCosineSimilarities(queryEmbeddings, prototypes) + 1
        }
    }

    /// Runs one episode. Support and query images are [n, 1, 28, 28]; both sets are embedded
    /// in one batch (so batch norm sees the whole episode, as the reference implementation).
    public func episode(
        parameters: ParameterList, support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int],
        ways: Int, normalization: NormalizationMode
    ) -> EpisodeResult {
        let (supportEmbeddings, queryEmbeddings) = EpisodeEmbedding.together(support: support, query: query) {
            encoder($0, parameters: parameters, normalization: normalization)
        }
        let prototypes = Self.prototypes(of: supportEmbeddings, labels: supportLabels, ways: ways)
        let distances = Self.distances(queryEmbeddings, prototypes, .squaredEuclidean)
        let logits = -distances
        return EpisodeResult(
            loss: logits.crossEntropy(labels: queryLabels), accuracy: logits.accuracy(labels: queryLabels),
            logits: logits, distances: distances, prototypes: prototypes,
            supportEmbeddings: supportEmbeddings, queryEmbeddings: queryEmbeddings)
    }
}
