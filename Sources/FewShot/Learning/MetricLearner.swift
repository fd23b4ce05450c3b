import Autodiff
import NeuralNets

/// The metric family behind one interface: a query takes the label of the support examples it
/// resembles, and each learner says what "resembles" means. Training and evaluation call this,
/// so each learner's episode is written once, in its own file.
public enum MetricLearner: Sendable {
    case prototypical(ProtoNet)
    case matching(MatchingNetwork)
    case siamese(SiameseNetwork)
    case relation(RelationNetwork)

    /// The learner of a metric architecture; nil for MAML's classifier and the sine MLP.
    public init?(_ architecture: ModelArchitecture) {
        switch architecture {
        case .embedding(let encoder): self = .prototypical(ProtoNet(encoder: encoder))
        case .matching(let net): self = .matching(net)
        case .siamese(let net): self = .siamese(net)
        case .relation(let net): self = .relation(net)
        case .classifier, .sine, .mann, .lstm: return nil
        }
    }

    /// One episode through any metric learner.
    public struct EpisodeResult {
        /// The learner's training loss.
        public var loss: Tensor
        /// Fraction of queries classified correctly.
        public var accuracy: Float
        /// Per query and class, higher for the predicted class: minus squared distances
        /// (ProtoNet), log-probabilities (Matching), mean pair scores (Siamese), relation scores.
        public var classScores: Tensor
        /// What the learner reads as each class's probability, [queries, ways]: the softmax of minus
        /// the squared distances (ProtoNet), the attention mass on the class (Matching), the mean
        /// P(same character) of the class's pairs (Siamese), the relation score (Relation Networks,
        /// trained towards 1 for the true class). The last two need not sum to 1 over the classes.
        public var classProbabilities: Tensor
        /// ProtoNet's own result (distances, prototypes), which the training and Compare screens draw.
        public var prototypical: ProtoNet.EpisodeResult?
        /// Matching Networks' own result (cosine similarities and attention over the support set).
        public var matching: MatchingNetwork.EpisodeResult?
        /// The Siamese network's own result (pair scores against every support drawing).
        public var siamese: SiameseNetwork.EpisodeResult?
        /// Relation Networks' own result (relation scores per class).
        public var relation: RelationNetwork.EpisodeResult?
    }

    /// Runs one episode of support and query images [n, 1, 28, 28].
    public func episode(
        parameters: ParameterList, support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int],
        ways: Int, normalization: NormalizationMode
    ) -> EpisodeResult {
        switch self {
        case .prototypical(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(
                loss: r.loss, accuracy: r.accuracy, classScores: r.logits, classProbabilities: r.logits.softmax(), prototypical: r)
        case .matching(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.logits, classProbabilities: r.logits.exp(), matching: r)
        case .siamese(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.classScores, classProbabilities: r.classScores, siamese: r)
        case .relation(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.scores, classProbabilities: r.scores, relation: r)
        }
    }
}
