import Autodiff
import NeuralNets

/// The network a configuration trains: the ConvNet4 embedding (ProtoNet), Matching Networks on
/// the same embedding, the Siamese network, the Relation Network, the ConvNet4 classifier (MAML,
/// FOMAML, Reptile on Omniglot) or the sine MLP.
public enum ModelArchitecture: Sendable {
    case embedding(ConvNet4)
    case matching(MatchingNetwork)
    case siamese(SiameseNetwork)
    case relation(RelationNetwork)
    case classifier(ConvClassifier)
    case sine(SineMLP)
    case mann(MANN)
    case lstm(LSTMBaseline)

    public init(_ configuration: TrainingConfiguration) {
        switch (configuration.dataset, configuration.algorithm) {
        case (.sine, _): self = .sine(configuration.sineNetwork)
        case (.omniglot, .protonet): self = .embedding(ConvNet4(downsampling: .maxPool))
        case (.omniglot, .matching):
            self = .matching(MatchingNetwork(encoder: ConvNet4(downsampling: .maxPool), similarityScale: configuration.similarityScale ?? 1))
        case (.omniglot, .siamese): self = .siamese(SiameseNetwork(encoder: ConvNet4(downsampling: .maxPool)))
        case (.omniglot, .relation): self = .relation(RelationNetwork())
        case (.omniglot, .mann): self = .mann(MANN(classes: configuration.ways, settings: configuration.sequenceModel ?? .init()))
        case (.omniglot, .lstm):
            self = .lstm(LSTMBaseline(classes: configuration.ways, units: (configuration.sequenceModel ?? .init()).controllerUnits))
        case (.omniglot, _):
            self = .classifier(ConvClassifier(ways: configuration.validationWays, downsampling: configuration.downsampling))
        }
    }

    /// Fresh weights.
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        switch self {
        case .embedding(let net): return net.initialParameters(using: &generator)
        case .matching(let net): return net.encoder.initialParameters(using: &generator)
        case .siamese(let net): return net.initialParameters(using: &generator)
        case .relation(let net): return net.initialParameters(using: &generator)
        case .classifier(let net): return net.initialParameters(using: &generator)
        case .sine(let net): return net.initialParameters(using: &generator)
        case .mann(let net): return net.initialParameters(using: &generator)
        case .lstm(let net): return net.initialParameters(using: &generator)
        }
    }

    /// Batch-norm layers whose running statistics the model tracks and its checkpoint carries.
    /// None for MAML's classifier (MAML, first-order MAML, Reptile): it normalises every batch
    /// with that batch's statistics at meta-training and meta-test time alike (Finn et al.), as
    /// PyTorch's `BatchNorm2d(track_running_stats=False)`, which has no running buffers.
    public var normalizationLayers: Int {
        switch self {
        case .sine, .mann, .lstm, .classifier: return 0
        case .relation: return RelationNetwork.normalizationLayers
        default: return ConvNet4.blockCount
        }
    }

    /// The model-based learner, for MANN and the LSTM baseline.
    public var sequenceLearner: (any SequenceLearner)? {
        switch self {
        case .mann(let net): return net
        case .lstm(let net): return net
        default: return nil
        }
    }

    /// The PyTorch names of batch-norm layer `layer`'s buffers and of its scale: the encoder's
    /// four layers, then the Relation Network's two relation blocks.
    public static func bufferNames(layer: Int) -> (mean: String, variance: String, count: String, scale: String) {
        let prefix = layer < ConvNet4.blockCount ? "encoder.\(layer).1" : "relation.\(layer - ConvNet4.blockCount).1"
        return ("\(prefix).running_mean", "\(prefix).running_var", "\(prefix).num_batches_tracked", "\(prefix).weight")
    }
}
