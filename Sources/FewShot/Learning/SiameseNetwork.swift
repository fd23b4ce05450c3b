import Autodiff
import NeuralNets

/// The convolutional Siamese network of Koch et al. (2015) on ProtoNet's ConvNet4: one encoder f
/// embeds both drawings of a pair, and the pair's score is σ(w · |f(x₁) − f(x₂)| + b), the
/// probability that they show the same character. A query takes the class whose support
/// drawings score highest with it (with K shots, the highest mean score).
///
/// Weights: the encoder's `encoder.*` names and `head.weight` [1, features], `head.bias` [1].
public struct SiameseNetwork: Sendable {
    public let encoder: ConvNet4

    public init(encoder: ConvNet4 = ConvNet4()) { self.encoder = encoder }

    /// The pair head's layer.
    public var head: Linear { Linear(encoder.outputFeatures, 1) }

    /// Fresh encoder and head weights.
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var list = encoder.initialParameters(using: &generator)
        let headParameters = head.initialParameters(prefix: "head", using: &generator)
        for (name, tensor) in zip(headParameters.names, headParameters.tensors) { list.append(name, tensor) }
        return list
    }

    /// What one episode looks like inside the model.
    public struct EpisodeResult {
        /// Binary cross-entropy over every query-support pair, same and different pairs weighted
        /// equally (as balanced pair sampling would).
        public var loss: Tensor
        /// Fraction of queries whose best-scoring class is the true one.
        public var accuracy: Float
        /// Pair logits w · |f(q) − f(s)| + b, [queries, support].
        public var pairLogits: Tensor
        /// σ of the pair logits: P(same character), [queries, support].
        public var pairScores: Tensor
        /// Mean pair score of each class, [queries, ways].
        public var classScores: Tensor
        public var supportEmbeddings: Tensor
        public var queryEmbeddings: Tensor
    }

    /// Pair logits between every row of `queries` [q, f] and every row of `support` [s, f]: [q, s].
    public func pairLogits(_ queries: Tensor, _ support: Tensor, parameters: ParameterList) -> Tensor {
        let (q, s, f) = (queries.shape[0], support.shape[0], queries.shape[1])
        let differences = (queries.reshaped(to: [q, 1, f]) - support.reshaped(to: [1, s, f])).abs().reshaped(to: [q * s, f])
        return head(differences, weight: parameters["head.weight"], bias: parameters["head.bias"]).reshaped(to: [q, s])
    }

    /// Runs one episode; support and query are embedded in one batch, as ProtoNet does.
    public func episode(
        parameters: ParameterList, support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int],
        ways: Int, normalization: NormalizationMode
    ) -> EpisodeResult {
        let embeddings = EpisodeEmbedding.together(support: support, query: query) {
            encoder($0, parameters: parameters, normalization: normalization)
        }
        return classify(
            supportEmbeddings: embeddings.support, supportLabels: supportLabels, queryEmbeddings: embeddings.query,
            queryLabels: queryLabels, ways: ways, parameters: parameters)
    }

    /// The pair scores and class decision on embeddings already computed.
    public func classify(
        supportEmbeddings: Tensor, supportLabels: [Int], queryEmbeddings: Tensor, queryLabels: [Int], ways: Int,
        parameters: ParameterList
    ) -> EpisodeResult {
        let logits = pairLogits(queryEmbeddings, supportEmbeddings, parameters: parameters)
        let scores = logits.sigmoid()
        let (q, s) = (queryLabels.count, supportLabels.count)
        // Same-class targets, and weights that give same and different pairs half the loss each.
        var targets = [Float](repeating: 0, count: q * s), weights = [Float](repeating: 0, count: q * s)
        let same = queryLabels.reduce(0) { total, label in total + supportLabels.filter { $0 == label }.count }
        let different = q * s - same
        for i in 0..<q {
            for j in 0..<s {
                let isSame = queryLabels[i] == supportLabels[j]
                targets[i * s + j] = isSame ? 1 : 0
                weights[i * s + j] = isSame ? 0.5 / Float(Swift.max(same, 1)) : 0.5 / Float(Swift.max(different, 1))
            }
        }
        let t = Tensor(shape: [q, s], scalars: targets)
        let loss = ((logits.softplus() - logits * t) * Tensor(shape: [q, s], scalars: weights)).sum()
        var perClass = [Float](repeating: 0, count: s * ways)
        var counts = [Float](repeating: 0, count: ways)
        for label in supportLabels { counts[label] += 1 }
        for (j, label) in supportLabels.enumerated() { perClass[j * ways + label] = 1 / counts[label] }
        let classScores = Tensor.matmul(scores, Tensor(shape: [s, ways], scalars: perClass))
        return EpisodeResult(
            loss: loss, accuracy: classScores.accuracy(labels: queryLabels), pairLogits: logits, pairScores: scores,
            classScores: classScores, supportEmbeddings: supportEmbeddings, queryEmbeddings: queryEmbeddings)
    }
}
