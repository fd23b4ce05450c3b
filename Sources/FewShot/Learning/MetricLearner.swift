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
        /// ProtoNet's own result, which the training screen draws.
        public var prototypical: ProtoNet.EpisodeResult?
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
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.logits, prototypical: r)
        case .matching(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.logits)
        case .siamese(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.classScores)
        case .relation(let net):
            let r = net.episode(
                parameters: parameters, support: support, supportLabels: supportLabels, query: query,
                queryLabels: queryLabels, ways: ways, normalization: normalization)
            return EpisodeResult(loss: r.loss, accuracy: r.accuracy, classScores: r.scores)
        }
    }
}
