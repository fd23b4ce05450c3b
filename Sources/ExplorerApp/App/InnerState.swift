/// The Inner loop screen: MAML adapting to each task of a meta-batch, step by step.
public struct InnerState: Sendable, Equatable {
    public static let maxSteps = 10
    public static let tasks = 4
    /// Step sizes `<` and `>` move through; Omniglot MAML was meta-trained with 0.4, sine with 0.01.
    public static let alphaLadder: [Float] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8]

    public var seed: UInt64 = 7
    /// Which meta-batch of the seed's sequence is on show (n increments it).
    public var batchNumber = 0
    /// Unset until the engine says which model it uses; then that model's own α.
    public var alphaIndex: Int?
    public var shownSteps = 0
    /// Whether the loss charts use a log scale (`l`): after a large first step the losses
    /// of later steps differ by orders of magnitude a linear axis flattens.
    public var logScale = false
    /// The task whose queries are drawn (`t` cycles through the meta-batch).
    public var drawnTask = 0
    public var nextStepAt: Int?
    public var result: InnerResult?
    public var pendingRequest: Int?

    public init() {}

    /// α, or nil while the engine's default applies.
    public var alpha: Float? { alphaIndex.map { Self.alphaLadder[$0] } }
}

/// What the engine is asked to adapt.
public struct InnerRequest: Sendable, Equatable {
    public var id: Int
    public var seed: UInt64
    public var batchNumber: Int
    public var tasks: Int
    public var steps: Int
    /// nil: the model's own meta-training step size.
    public var alpha: Float?
}

/// One task's journey through the inner loop.
public struct InnerTaskTrace: Sendable, Equatable {
    /// "5-way: Greek, Korean, ..." or "A=2.1 φ=0.4".
    public var caption: String
    /// Support loss before each step and after the last (steps + 1 values).
    public var supportLosses: [Float]
    public var queryLosses: [Float]
    /// Query accuracy per step, for classification.
    public var queryAccuracies: [Float]
    /// Predicted class of each query per step, for classification.
    public var predictions: [[Int]]
    /// The queries' true classes.
    public var labels: [Int]
    /// Classes of the task (0 for regression).
    public var ways = 0
    /// Per step, each query's class probabilities, query by query (`labels.count` x `ways`).
    public var probabilities: [[Float]] = []
    /// The query drawings, cut to their ink, in the order of `labels`.
    public var queryDrawings: [GlyphImage] = []

    /// Query `query`'s probability of class `label` after `step` steps, if recorded.
    public func probability(step: Int, query: Int, label: Int) -> Float? {
        guard probabilities.indices.contains(step), ways > 0 else { return nil }
        let index = query * ways + label
        return probabilities[step].indices.contains(index) ? probabilities[step][index] : nil
    }
}

/// The engine's answer for a meta-batch.
public struct InnerResult: Sendable, Equatable {
    public var id: Int
    /// "MAML on Omniglot 5-way 1-shot" or "MAML on sine, K = 10".
    public var title: String
    public var modelCaption: String
    public var alpha: Float
    public var tasks: [InnerTaskTrace]
    public var isClassification: Bool
}
