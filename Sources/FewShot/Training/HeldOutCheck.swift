import Autodiff
import Foundation

/// The test protocol run on the model as it trains, so that a run can be watched becoming good:
/// accuracy on 5-way 1-shot episodes (15 queries per class) of the split's test classes, or, on
/// sine, the mean squared error after one fine-tuning step on K=5 points of held-out tasks.
/// The episodes and tasks are those `episcope eval` draws first (seed 0), the same at every check.
/// It only reports: no model is chosen by it (test data must not select models).
public struct HeldOutCheck: Sendable {
    /// Where the held-out tasks come from.
    public enum Tasks: Sendable {
        case omniglot(dataset: OmniglotDataset, test: ClassSplit)
        case sine
    }

    public let tasks: Tasks
    /// Check every this many iterations.
    public let interval: Int
    /// Episodes (Omniglot) or tasks (sine) per check.
    public let episodes: Int

    /// The protocol's settings: 5-way 1-shot with 15 queries per class; sine K=5, one step.
    public static let ways = 5, shots = 1, queries = 15
    public static let sineShots = StandardEvaluation.SineProtocol.shots
    public static let sineSteps = 1

    public init(tasks: Tasks, interval: Int, episodes: Int) {
        (self.tasks, self.interval, self.episodes) = (tasks, interval, episodes)
    }

    /// The check a configuration asks for (``TrainingConfiguration/heldOutInterval``), nil when it
    /// asks for none; Omniglot's test classes are loaded from `location` beside the training data.
    public static func load(for configuration: TrainingConfiguration, data: TrainingData, location: DataLocation?) throws -> HeldOutCheck? {
        guard let interval = configuration.heldOutInterval, interval > 0 else { return nil }
        let episodes = configuration.heldOutEpisodes ?? (configuration.dataset == .sine ? StandardEvaluation.SineProtocol.tasks : 300)
        switch data {
        case .sine:
            return HeldOutCheck(tasks: .sine, interval: interval, episodes: episodes)
        case .omniglot(let dataset, _, _):
            guard let location else { throw OmniglotError.dataNotFound(searched: []) }
            let test = try ClassSplit.load(
                named: configuration.split == "vinyals" ? "vinyals" : "lake", part: "test", dataset: dataset, location: location)
            return HeldOutCheck(tasks: .omniglot(dataset: dataset, test: test), interval: interval, episodes: episodes)
        }
    }

    /// Whether a check is due after `iteration` iterations of a run of `total`.
    public func isDue(afterIteration iteration: Int, of total: Int) -> Bool {
        iteration > 0 && (iteration % interval == 0 || iteration == total)
    }

    /// The protocol on `model`, timed.
    public func measure(_ model: ModelCheckpoint, trainingSeconds: Double) -> HeldOutReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let evaluator = Evaluator(checkpoint: model)
        var rng = SeededGenerator(seed: 0)
        var report = HeldOutReport(iteration: model.iteration, trainingSeconds: trainingSeconds, episodes: episodes)
        switch tasks {
        case .sine:
            report.meanSquaredError = evaluator.sineErrors(shots: Self.sineShots, tasks: episodes, steps: [Self.sineSteps], using: &rng)[0]
        case .omniglot(let dataset, let test):
            if let a = try? evaluator.accuracy(
                dataset: dataset, split: test, ways: Self.ways, shots: Self.shots, queries: Self.queries, episodes: episodes, using: &rng)
            {
                (report.accuracy, report.ci95) = (a.accuracy, a.ci95)
            }
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return report
    }
}

/// One held-out check of a run (see ``HeldOutCheck``).
public struct HeldOutReport: Sendable, Equatable {
    public var iteration: Int
    /// Seconds of training (checks excluded) when the check was taken.
    public var trainingSeconds: Double
    /// Episodes or tasks measured.
    public var episodes: Int
    /// Test accuracy, 5-way 1-shot, with its 95% interval half-width (Omniglot).
    public var accuracy: Float?
    public var ci95: Float?
    /// Mean squared error after one step on K=5 points (sine).
    public var meanSquaredError: Float?
    /// Seconds the check itself took.
    public var seconds: Double = 0

    public init(
        iteration: Int, trainingSeconds: Double, episodes: Int, accuracy: Float? = nil, ci95: Float? = nil,
        meanSquaredError: Float? = nil, seconds: Double = 0
    ) {
        (self.iteration, self.trainingSeconds, self.episodes) = (iteration, trainingSeconds, episodes)
        (self.accuracy, self.ci95, self.meanSquaredError, self.seconds) = (accuracy, ci95, meanSquaredError, seconds)
    }
}
