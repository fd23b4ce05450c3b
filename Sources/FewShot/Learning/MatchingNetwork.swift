import Autodiff
import NeuralNets

/// Matching Networks (Vinyals et al., 2016) without full-context embeddings, as the paper ran
/// Omniglot: a query attends to every support example through the softmax of their cosine
/// similarities, and its class distribution is the attention-weighted sum of the support labels,
/// P(y | x̂, S) = Σᵢ a(x̂, xᵢ) yᵢ. The encoder is ProtoNet's ConvNet4.
public struct MatchingNetwork: Sendable {
    public let encoder: ConvNet4
    /// The factor on cosine similarities before the softmax (1 in the paper).
    public let similarityScale: Float

    public init(encoder: ConvNet4 = ConvNet4(), similarityScale: Float = 1) {
        self.encoder = encoder
        self.similarityScale = similarityScale
    }

    /// What one episode looks like inside the model.
    public struct EpisodeResult {
        /// Mean negative log-probability of each query's true class.
        public var loss: Tensor
        /// Fraction of queries whose most probable class is the true one.
        public var accuracy: Float
        /// log P(class | query, support), [queries, ways].
        public var logits: Tensor
        /// Cosine similarity of each query to each support example, [queries, support].
        public var similarities: Tensor
        /// softmax of the (scaled) similarities over the support set, [queries, support]; rows sum to 1.
        public var attention: Tensor
        public var supportEmbeddings: Tensor
        public var queryEmbeddings: Tensor
    }

    /// One-hot rows of `labels`, [labels.count, ways]: the yᵢ that attention weights sum.
    public static func oneHot(_ labels: [Int], ways: Int) -> Tensor {
        var scalars = [Float](repeating: 0, count: labels.count * ways)
        for (row, label) in labels.enumerated() { scalars[row * ways + label] = 1 }
        return Tensor(shape: [labels.count, ways], scalars: scalars)
    }

    /// Runs one episode; support and query are embedded in one batch, as ProtoNet does.
    public func episode(
        parameters: ParameterList, support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int],
        ways: Int, normalization: NormalizationMode
    ) -> EpisodeResult {
        let (supportEmbeddings, queryEmbeddings) = EpisodeEmbedding.together(support: support, query: query) {
            encoder($0, parameters: parameters, normalization: normalization)
        }
        return classify(
            supportEmbeddings: supportEmbeddings, supportLabels: supportLabels, queryEmbeddings: queryEmbeddings,
            queryLabels: queryLabels, ways: ways)
    }

    /// The attention classifier on embeddings already computed (evaluation embeds each image once).
    public func classify(
        supportEmbeddings: Tensor, supportLabels: [Int], queryEmbeddings: Tensor, queryLabels: [Int], ways: Int
    ) -> EpisodeResult {
        let similarities = Tensor.pairwiseCosineSimilarities(queryEmbeddings, supportEmbeddings)
        let attention = (similarityScale == 1 ? similarities : similarities.scaled(by: similarityScale)).softmax()
        // Every class has a support example and softmax is positive, so no probability is 0.
        let logits = Tensor.matmul(attention, Self.oneHot(supportLabels, ways: ways)).log()
        return EpisodeResult(
            loss: -logits.picking(indices: queryLabels).mean(), accuracy: logits.accuracy(labels: queryLabels), logits: logits,
            similarities: similarities, attention: attention, supportEmbeddings: supportEmbeddings, queryEmbeddings: queryEmbeddings)
    }
}
