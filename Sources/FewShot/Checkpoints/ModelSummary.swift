import Foundation
import NeuralNets

/// What a model file says about itself: how it was trained and the standard evaluations stored
/// in its metadata. The one reading of that metadata for `episcope models` and the lecture's
/// results table.
public struct ModelSummary: Sendable {
    public var configuration: TrainingConfiguration
    /// Outer iterations trained.
    public var iteration: Int
    /// Seconds spent training.
    public var wallSeconds: Double
    /// The command line that trained it.
    public var command: String
    /// Stored ``StandardEvaluation`` results by setting (`5way1shot`, `sine_k5`, `lake_runs`).
    public var evaluations: [String: StandardEvaluation.Entry]

    /// The summary of a checkpoint already read.
    public init(_ checkpoint: ModelCheckpoint) {
        configuration = checkpoint.configuration
        iteration = checkpoint.iteration
        wallSeconds = checkpoint.wallSeconds
        command = checkpoint.command
        evaluations = StandardEvaluation.entries(of: checkpoint)
    }

    /// Reads the model file at `path` (checked as ``ModelCheckpoint/read(path:)`` checks it).
    public static func read(path: String) throws -> ModelSummary {
        ModelSummary(try ModelCheckpoint.read(path: path))
    }

    /// The evaluations in the order of their setting keys.
    public var sortedEvaluations: [(setting: String, entry: StandardEvaluation.Entry)] {
        evaluations.sorted { $0.key < $1.key }.map { (setting: $0.key, entry: $0.value) }
    }

    /// What it was trained on, in a few words: "maml, sine K=10, meta-batch 25" (with the MLP's
    /// width when it is not the paper's 40) or "reptile, vinyals, 5-way 10-shot".
    public var trainedOn: String {
        let c = configuration
        guard c.dataset == .sine else { return "\(c.algorithm.rawValue), \(c.split), \(c.ways)-way \(c.shots)-shot" }
        let width = c.sineNetwork.hidden == SineMLP.paperHiddenUnits ? "" : ", \(c.sineNetwork.hidden) hidden units"
        return "\(c.algorithm.rawValue), sine K=\(c.shots), meta-batch \(c.metaBatch)" + width
    }
}
