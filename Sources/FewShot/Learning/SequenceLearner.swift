import Autodiff
import NeuralNets

/// The sizes of a model-based learner, stored in its training configuration: the LSTM
/// controller's units, and for MANN its external memory (slots × width), read heads and the
/// decay of its usage weights. Defaults are Santoro et al.'s Omniglot settings.
public struct SequenceModelSettings: Sendable, Codable, Equatable {
    /// LSTM units of the controller (paper: 200).
    public var controllerUnits = 200
    /// Memory slots (paper: 128).
    public var memorySlots = 128
    /// Width of a slot (paper: 40).
    public var memoryWidth = 40
    /// Read heads, each with its write head (paper: 4).
    public var readHeads = 4
    /// γ, the decay of the usage weights (paper: 0.95).
    public var usageDecay: Float = 0.95

    public init() {}

    /// The largest size (units, slots, width, heads) a checkpoint may declare: its template
    /// weights are allocated before the file's tensors are compared with them.
    public static let largestSize = 1024
}

/// A network that learns within an episode in its activations: it reads a ``SequenceBatch``
/// step by step and labels every drawing as it comes (Santoro et al.'s task).
public protocol SequenceLearner: Sendable {
    /// Classes per sequence: the width of the label input and of the output.
    var classes: Int { get }
    /// Fresh weights.
    func initialParameters(using generator: inout SeededGenerator) -> ParameterList
    /// Logits for every step and sequence, step-major: [steps · batch, classes].
    func logits(parameters: ParameterList, batch: SequenceBatch) -> Tensor
}

extension SequenceLearner {
    /// The loss of the paper: cross-entropy summed over the steps, averaged over the sequences
    /// of the batch; and the fraction of steps labelled right.
    public func loss(parameters: ParameterList, batch: SequenceBatch) -> (loss: Tensor, accuracy: Float) {
        let logits = logits(parameters: parameters, batch: batch)
        return (logits.crossEntropy(labels: batch.targets).scaled(by: Float(batch.steps)), logits.accuracy(labels: batch.targets))
    }

    /// The label predicted at every step, step-major, without recording a graph; with OpenBLAS
    /// at one thread, as in training (``BLAS/withOneThread(_:)`` says why).
    public func predictions(parameters: ParameterList, batch: SequenceBatch) -> [Int] {
        BLAS.withOneThread { withoutRecording { logits(parameters: parameters.detached(), batch: batch) }.argmaxAlongLastAxis() }
    }
}
