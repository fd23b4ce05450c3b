import Autodiff
import NeuralNets

/// One task as a meta-learner sees it: a loss on its support set (what the inner loop
/// descends) and a loss on its query set (what the outer loop scores), both functions of the
/// weights.
public struct TaskObjective {
    /// Loss (and accuracy, for classification) on the support set under the given weights.
    public var support: (ParameterList) -> (loss: Tensor, accuracy: Float?)
    /// Loss (and accuracy) on the query set under the given weights.
    public var query: (ParameterList) -> (loss: Tensor, accuracy: Float?)
    /// The loss inner step `i` descends: the whole support set, or with inner mini-batches
    /// (Reptile, as Nichol et al.) the i-th batch of it. Step `steps` scores the batch after
    /// the last step, for the trace.
    public var supportBatch: (_ step: Int, ParameterList) -> (loss: Tensor, accuracy: Float?)
    /// The predicted class of each query under the given weights, for classification (traced
    /// step by step when the query is).
    public var queryPredictions: ((ParameterList) -> [Int])?
    /// Outputs at inputs of the caller's choosing under the given weights, e.g. predictions on a
    /// grid of x for sine: the function the model computes as it adapts. Nil: nothing probed.
    public var probe: ((ParameterList) -> [Float])?

    /// A task whose inner steps all descend the whole support set.
    public init(
        support: @escaping (ParameterList) -> (loss: Tensor, accuracy: Float?),
        query: @escaping (ParameterList) -> (loss: Tensor, accuracy: Float?)
    ) {
        self.init(support: support, supportBatch: { _, p in support(p) }, query: query)
    }

    /// A task whose inner step `i` descends `supportBatch(i, weights)`.
    public init(
        support: @escaping (ParameterList) -> (loss: Tensor, accuracy: Float?),
        supportBatch: @escaping (_ step: Int, ParameterList) -> (loss: Tensor, accuracy: Float?),
        query: @escaping (ParameterList) -> (loss: Tensor, accuracy: Float?)
    ) {
        self.support = support
        self.supportBatch = supportBatch
        self.query = query
    }

    /// The same task with `probe` evaluated before each inner step and after the last.
    public func probing(_ probe: @escaping (ParameterList) -> [Float]) -> TaskObjective {
        var task = self
        task.probe = probe
        return task
    }
}

/// How fast weights are found from a support set.
public struct InnerLoop: Sendable, Codable, Equatable {
    /// SGD steps on the support set.
    public var steps: Int
    /// Step size α.
    public var stepSize: Float

    public init(steps: Int, stepSize: Float) {
        self.steps = steps
        self.stepSize = stepSize
    }
}

/// What MAML's outer loop minimises: the query loss after the last inner step (Finn et al.), the
/// mean of the query losses after every inner step (Antoniou et al.'s multi-step loss), which
/// also asks every intermediate step to help, so a model cannot fit in a few steps and be thrown
/// off by the next ones, or the mean of the losses after the first and the last step (the two
/// figures the sine test reports).
public enum MetaObjective: String, Sendable, Codable, CaseIterable {
    case lastStep = "last"
    case everyStep = "every"
    case firstAndLast = "first-last"

    /// Whether the query loss after inner step `step` (1-based) of `steps` counts.
    public func counts(step: Int, of steps: Int) -> Bool {
        switch self {
        case .lastStep: return step == steps
        case .everyStep: return true
        case .firstAndLast: return step == 1 || step == steps
        }
    }
}

/// What happened inside one task during adaptation: the curves the explorer draws.
public struct AdaptationTrace: Sendable, Equatable {
    /// Support loss before each step and after the last (steps + 1 values).
    public var supportLosses: [Float] = []
    /// Query loss at the same points, when traced.
    public var queryLosses: [Float] = []
    /// Query accuracy at the same points, when traced and defined.
    public var queryAccuracies: [Float] = []
    /// The predicted class of each query at the same points, when traced and the task classifies.
    public var queryPredictions: [[Int]] = []
    /// The task's probe outputs at the same points, when it has a probe.
    public var probeOutputs: [[Float]] = []

    public init() {}
}
