import Autodiff
import NeuralNets

/// Sine MAML's meta-gradient step, recorded once (``ReplayedStep``) and replayed for every
/// batch of the same shape; the dynamic tape runs whenever the step cannot be replayed (a batch
/// of another shape, parameters of other shapes).
///
/// Replayed and taped steps give the same bits, so a training run, its checkpoints and
/// `--resume` are what the tape alone would give.
public final class SineMetaStep {
    /// The learner whose step this is.
    public let learner: SineMAML
    /// Whether the step is replayed (false until the first call, or when recording failed).
    public var isReplayed: Bool { replay != nil }

    private var replay: ReplayedStep?
    private var recordedShapes: [[Int]]?
    private var names: [String] = []

    /// A step for `learner`; `replaying: false` keeps the dynamic tape (the reference).
    public init(_ learner: SineMAML, replaying: Bool = true) {
        self.learner = learner
        if !replaying { recordedShapes = [] }
    }

    /// The meta-gradient, meta-loss and support losses, as ``SineMAML/metaGradient(_:batch:)``.
    public func callAsFunction(_ theta: ParameterList, batch: RegressionBatch) -> (
        gradients: [Tensor], metaLoss: Float, supportLosses: [Float]
    ) {
        let inputs = theta.tensors + [batch.supportX, batch.supportY, batch.queryX, batch.queryY]
        if recordedShapes == nil {
            names = theta.names
            recordedShapes = inputs.map(\.shape)
            let (learner, names, count) = (learner, names, theta.count)
            replay = ReplayedStep.record(inputs) { inputs in
                let theta = ParameterList(names: names, tensors: Array(inputs[..<count]))
                let batch = RegressionBatch(
                    supportX: inputs[count], supportY: inputs[count + 1], queryX: inputs[count + 2], queryY: inputs[count + 3])
                let r = learner.metaGradientTensors(theta, batch: batch)
                return r.gradients + [r.metaLoss] + r.summedSupportLosses
            }
        }
        guard let replay, theta.names == names, inputs.map(\.shape) == recordedShapes else {
            return learner.metaGradient(theta, batch: batch)
        }
        let outputs = replay(inputs)
        let tasks = Float(batch.taskCount)
        return (Array(outputs[..<theta.count]), outputs[theta.count].scalar, outputs[(theta.count + 1)...].map { $0.scalar / tasks })
    }
}
