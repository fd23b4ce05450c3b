import FewShot

/// The Training screen: a run of any algorithm on a background thread, and its curves.
public struct TrainingState: Sendable, Equatable {
    /// Where a run is.
    public enum Phase: Sendable, Equatable {
        case idle, starting, running, paused, finished
        /// Stopped by the user before the configured iterations.
        case stopped
        /// Stopped by divergence or an error; the message says which.
        case failed(String)
    }

    public var seed: UInt64 = 7
    /// What `s` starts; `m` and `d` change them while idle.
    public var algorithm: Algorithm = .maml
    public var dataset: DatasetKind = .sine
    /// The schedule `s` starts: a preset's, or the papers' (nil); `p` changes it while idle.
    public var preset: TrainingPreset?
    public var phase: Phase = .idle
    public var iteration = 0
    public var totalIterations = 0
    public var iterationsPerSecond: Double = 0
    public var learningRate: Float = 0
    public var loss = CurveHistory()
    public var accuracy = CurveHistory()
    /// (iteration, accuracy or error) of each validation pass.
    public var validations: [ValidationPoint] = []
    /// Each held-out check of the run: test accuracy on unseen classes, or sine MSE after one step.
    public var heldOut: [HeldOutReport] = []
    /// Per task of the latest meta-batch: support losses along the inner loop.
    public var innerTraces: [AdaptationTrace] = []
    /// The last checkpoint written, if the run writes any.
    public var lastCheckpoint: String?
    /// The run as saved with `w` (or `u`), and which screens use it.
    public var saved: SavedRun?

    public init() {}

    /// What `s` starts: the preset's configuration for the chosen pair, or the papers'.
    public var configuration: TrainingConfiguration {
        var c = preset.flatMap { TrainingConfiguration.preset($0, algorithm, dataset) } ?? .standard(algorithm, dataset)
        c.seed = seed
        return c
    }

    /// How often the run on show (or the one `s` starts) tests on held-out data, if it does.
    public var heldOutInterval: Int? {
        configuration.heldOutInterval.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Seconds left at the current speed, when it can be told.
    public var etaSeconds: Double? {
        guard iterationsPerSecond > 0, totalIterations > iteration else { return nil }
        return Double(totalIterations - iteration) / iterationsPerSecond
    }

    /// Fraction done, 0...1.
    public var progress: Double {
        totalIterations > 0 ? min(1, Double(iteration) / Double(totalIterations)) : 0
    }
}

/// A run the user saved from the Training screen.
public struct SavedRun: Sendable, Equatable {
    /// The checkpoint file (its resume state lies beside it).
    public var path: String
    public var iteration: Int
    /// The screens now drawing this model, once `u` put it to use.
    public var usedOn: String?

    /// A run saved at `path` at `iteration`.
    public init(path: String, iteration: Int, usedOn: String? = nil) {
        (self.path, self.iteration, self.usedOn) = (path, iteration, usedOn)
    }
}

/// One validation result on the training chart.
public struct ValidationPoint: Sendable, Equatable {
    public var iteration: Int
    public var accuracy: Float?
    public var meanSquaredError: Float?
}

/// What the training worker is told.
public enum TrainingCommand: Sendable, Equatable {
    /// Start a new run of `configuration` (replacing any current one).
    case start(TrainingConfiguration)
    case pause
    case resume
    case stop
    /// Write the current (or last) run's model and resume state into the runs folder.
    case save
    /// Save as `.save` does, then hand the model to the other screens.
    case use
}
