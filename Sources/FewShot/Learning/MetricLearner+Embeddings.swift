import Autodiff
import NeuralNets

/// The metric learners in two halves: what the encoder makes of an image, and the class scores
/// of queries from those embeddings. Under running statistics an image's embedding depends on the
/// image alone, so an evaluation embeds each test image once and scores every episode from the
/// table (``EmbeddingTable``); the scores are the ones ``MetricLearner/episode`` gives.
extension MetricLearner {
    /// Embeddings of images [n, 1, 28, 28]: feature vectors [n, f], or the Relation Network's
    /// feature maps [n, c, h, w].
    public func embed(_ images: Tensor, parameters: ParameterList, normalization: NormalizationMode) -> Tensor {
        switch self {
        case .prototypical(let net): return net.encoder(images, parameters: parameters, normalization: normalization)
        case .matching(let net): return net.encoder(images, parameters: parameters, normalization: normalization)
        case .siamese(let net): return net.encoder(images, parameters: parameters, normalization: normalization)
        case .relation(let net): return net.embed(images, parameters: parameters, normalization: normalization)
        }
    }

    /// Per query and class, higher for the predicted class, as ``EpisodeResult/classScores``.
    public func classScores(
        supportEmbeddings: Tensor, supportLabels: [Int], queryEmbeddings: Tensor, queryLabels: [Int], ways: Int,
        parameters: ParameterList, normalization: NormalizationMode
    ) -> Tensor {
        switch self {
        case .prototypical:
            let prototypes = ProtoNet.prototypes(of: supportEmbeddings, labels: supportLabels, ways: ways)
            return -Tensor.pairwiseSquaredDistances(queryEmbeddings, prototypes)
        case .matching(let net):
            return net.classify(
                supportEmbeddings: supportEmbeddings, supportLabels: supportLabels, queryEmbeddings: queryEmbeddings,
                queryLabels: queryLabels, ways: ways
            ).logits
        case .siamese(let net):
            return net.classify(
                supportEmbeddings: supportEmbeddings, supportLabels: supportLabels, queryEmbeddings: queryEmbeddings,
                queryLabels: queryLabels, ways: ways, parameters: parameters
            ).classScores
        case .relation(let net):
            return net.relations(
                queryMaps: queryEmbeddings, classMaps: net.classMaps(of: supportEmbeddings, labels: supportLabels, ways: ways),
                parameters: parameters, normalization: normalization)
        }
    }
}
