import FewShot

/// One thing the training worker reports, reduced to what the screen needs.
public enum TrainingUpdate: Sendable, Equatable {
    case started(configuration: TrainingConfiguration, total: Int)
    case iteration(IterationSummary)
    case validation(ValidationPoint)
    /// The test protocol on held-out classes or tasks (``HeldOutCheck``).
    case heldOut(HeldOutReport)
    case checkpoint(String)
    case paused
    case resumed
    case finished
    /// Stopped by the user before the configured iterations.
    case stopped
    case failed(String)
    /// The run's model was written to `path` at `iteration`; `use` asks for it on the other screens.
    case saved(path: String, iteration: Int, use: Bool)
    /// The run could not be saved; the message says why.
    case saveFailed(String)
}

/// An iteration report without the per-episode embeddings (which the Training screen does not draw).
public struct IterationSummary: Sendable, Equatable {
    public var iteration: Int
    public var metaLoss: Float
    public var accuracy: Float?
    public var iterationsPerSecond: Double
    public var learningRate: Float
    public var innerTraces: [AdaptationTrace]
}
