/// What a training run reports as it goes: the CLI prints these, the explorer draws them.
/// Values only (no tensors), so they cross threads freely.
public enum TrainingEvent: Sendable {
    case started(TrainingConfiguration, resumedAt: Int)
    case iteration(IterationReport)
    case validation(ValidationReport)
    /// The test protocol on held-out classes or tasks, when the run asks for it (``HeldOutCheck``).
    case heldOut(HeldOutReport)
    case checkpointWritten(path: String, iteration: Int)
    /// Training stopped because the loss became NaN or exploded; the last good checkpoint stays.
    case diverged(iteration: Int, message: String)
    case finished(iteration: Int, wallSeconds: Double)
    /// A ``TrainingSession`` was paused (reported once, before it waits) at this iteration.
    case paused(iteration: Int)
    /// A paused session continues from this iteration.
    case resumed(iteration: Int)
    /// Stopped on request before the configured iterations; any checkpoint was written first.
    case stopped(iteration: Int)
}

/// One outer iteration.
public struct IterationReport: Sendable, Equatable {
    public var iteration: Int
    /// Mean query loss of the meta-batch (after adaptation, for MAML and Reptile).
    public var metaLoss: Float
    /// Mean query accuracy, for classification.
    public var accuracy: Float?
    public var iterationsPerSecond: Double
    public var learningRate: Float
    /// Per task: support (and query) losses along the inner loop.
    public var innerTraces: [AdaptationTrace]
    /// ProtoNet's view of the episode, when the algorithm has one.
    public var episode: EpisodeSnapshot?

    public init(
        iteration: Int, metaLoss: Float, accuracy: Float?, iterationsPerSecond: Double, learningRate: Float,
        innerTraces: [AdaptationTrace] = [], episode: EpisodeSnapshot? = nil
    ) {
        (self.iteration, self.metaLoss, self.accuracy, self.iterationsPerSecond, self.learningRate) =
            (iteration, metaLoss, accuracy, iterationsPerSecond, learningRate)
        self.innerTraces = innerTraces
        self.episode = episode
    }
}

/// The numbers inside one ProtoNet episode.
public struct EpisodeSnapshot: Sendable, Equatable {
    public var ways: Int
    public var featureCount: Int
    /// [support, features] row-major.
    public var supportEmbeddings: [Float]
    public var supportLabels: [Int]
    /// [ways, features] row-major.
    public var prototypes: [Float]
    /// [queries, features] row-major.
    public var queryEmbeddings: [Float]
    public var queryLabels: [Int]
    /// [queries, ways] squared distances.
    public var distances: [Float]
    public var predictions: [Int]

    public init(
        ways: Int, featureCount: Int, supportEmbeddings: [Float], supportLabels: [Int], prototypes: [Float],
        queryEmbeddings: [Float], queryLabels: [Int], distances: [Float], predictions: [Int]
    ) {
        (self.ways, self.featureCount, self.supportEmbeddings, self.supportLabels, self.prototypes) =
            (ways, featureCount, supportEmbeddings, supportLabels, prototypes)
        (self.queryEmbeddings, self.queryLabels, self.distances, self.predictions) =
            (queryEmbeddings, queryLabels, distances, predictions)
    }
}

/// A validation pass.
public struct ValidationReport: Sendable, Equatable {
    public var iteration: Int
    /// Mean accuracy (classification) with its 95% interval half-width.
    public var accuracy: Float?
    public var ci95: Float?
    /// Mean squared error after adaptation as in training (regression).
    public var meanSquaredError: Float?
    /// Regression under the test protocol (K=5, ten steps): the mean MSE over steps 1 to 10,
    /// infinite when fine-tuning diverges on any task.
    public var fineTuningCurveError: Float?
    /// Whether this is the best validation of the run so far (its model was kept).
    public var isBest = false
    /// MANN and the LSTM: accuracy at the 1st, 2nd, ... appearance of a class in a sequence
    /// (``accuracy`` is then over all steps).
    public var accuracyByInstance: [Float]?

    public init(
        iteration: Int, accuracy: Float? = nil, ci95: Float? = nil, meanSquaredError: Float? = nil,
        fineTuningCurveError: Float? = nil
    ) {
        (self.iteration, self.accuracy, self.ci95, self.meanSquaredError) = (iteration, accuracy, ci95, meanSquaredError)
        self.fineTuningCurveError = fineTuningCurveError
    }

    /// Higher is better: accuracy for classification, minus the fine-tuning curve's error for
    /// regression; nil when the pass measured nothing comparable.
    public var selectionScore: Double? {
        if let accuracy { return Double(accuracy) }
        if let curve = fineTuningCurveError { return curve.isFinite ? -Double(curve) : -.infinity }
        return nil
    }
}
