import Autodiff
import NeuralNets

/// The network a configuration trains: the ConvNet4 embedding (ProtoNet), the ConvNet4
/// classifier (MAML, FOMAML, Reptile on Omniglot) or the sine MLP.
public enum ModelArchitecture: Sendable {
    case embedding(ConvNet4)
    case classifier(ConvClassifier)
    case sine(SineMLP)

    public init(_ configuration: TrainingConfiguration) {
        switch (configuration.dataset, configuration.algorithm) {
        case (.sine, _): self = .sine(SineMLP())
        case (.omniglot, .protonet): self = .embedding(ConvNet4(downsampling: .maxPool))
        case (.omniglot, _):
            self = .classifier(ConvClassifier(ways: configuration.validationWays, downsampling: configuration.downsampling))
        }
    }

    /// Fresh weights.
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        switch self {
        case .embedding(let net): return net.initialParameters(using: &generator)
        case .classifier(let net): return net.initialParameters(using: &generator)
        case .sine(let net): return net.initialParameters(using: &generator)
        }
    }

    /// Batch-norm layers whose running statistics the checkpoint carries.
    public var normalizationLayers: Int {
        if case .sine = self { return 0 }
        return ConvNet4.blockCount
    }

    /// The PyTorch buffer names of batch-norm layer `layer`.
    public static func bufferNames(layer: Int) -> (mean: String, variance: String, count: String) {
        ("encoder.\(layer).1.running_mean", "encoder.\(layer).1.running_var", "encoder.\(layer).1.num_batches_tracked")
    }
}
