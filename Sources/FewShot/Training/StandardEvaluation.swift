import Autodiff
import Foundation

/// The evaluations a shipped model carries in its metadata: the settings the papers report,
/// on the test classes, with fixed seeds so anyone can reproduce them.
public enum StandardEvaluation {
    /// One reported figure: a setting and its result, stored as JSON in `eval.<key>`.
    public struct Entry: Codable, Sendable, Equatable {
        public var ways: Int?
        public var shots: Int
        public var queries: Int?
        public var episodes: Int
        public var seed: UInt64
        public var split: String?
        public var accuracy: Float?
        public var ci95: Float?
        public var errorRate: Float?
        public var mseBefore: Float?
        public var mseStep1: Float?
        public var mseStep5: Float?
        public var mseStep10: Float?
        /// A sequence model's accuracy at the 1st, 2nd, ... appearance of a class (index k − 1
        /// for instance k), with its 95% intervals: Santoro et al.'s Table 1.
        public var accuracyByInstance: [Float]?
        public var ci95ByInstance: [Float]?

        /// "36.4 / 82.8 / 91.0 / 92.6 / 94.9 / 98.1 at instances 1/2/3/4/5/10", the paper's
        /// columns that the entry has; nil when it is not a sequence model's.
        public var instanceFigures: String? {
            guard let byInstance = accuracyByInstance, !byInstance.isEmpty else { return nil }
            let columns = Evaluator.reportedInstances.filter { $0 <= byInstance.count }
            let figures = columns.map { String(format: "%.1f", byInstance[$0 - 1] * 100) }.joined(separator: " / ")
            return figures + " at instances " + columns.map(String.init).joined(separator: "/")
        }
    }

    /// The key of a sequence model's accuracy by instance.
    public static let byInstanceKey = "by_instance"

    /// Finn et al.'s sine test: 600 tasks, each fine-tuned on K=5 points for up to ten steps.
    public enum SineProtocol {
        public static let shots = 5
        public static let tasks = 600
        public static let steps = 10
    }

    /// The classification settings to report for a model.
    static func settings(for checkpoint: ModelCheckpoint) -> [(ways: Int, shots: Int)] {
        let c = checkpoint.configuration
        guard c.isMetricBased else { return [(c.validationWays, c.validationShots)] }
        return c.split == "lake" ? [(5, 1), (20, 1)] : [(5, 1), (5, 5), (20, 1), (20, 5)]
    }

    /// Runs every standard evaluation of `checkpoint`; `log` hears each result as it lands.
    public static func run(
        _ checkpoint: ModelCheckpoint, location: DataLocation?, episodes: Int = 1000,
        log: (String, Entry) -> Void = { _, _ in }
    ) throws -> [String: Entry] {
        let evaluator = Evaluator(checkpoint: checkpoint)
        var results: [String: Entry] = [:]
        let c = checkpoint.configuration
        if c.dataset == .sine {
            var rng = SeededGenerator(seed: 0)
            let e = evaluator.sineErrors(shots: SineProtocol.shots, tasks: SineProtocol.tasks, steps: [0, 1, 5, 10], using: &rng)
            let entry = Entry(
                shots: SineProtocol.shots, episodes: SineProtocol.tasks, seed: 0, mseBefore: e[0], mseStep1: e[1], mseStep5: e[2], mseStep10: e[3])
            results["sine_k5"] = entry
            log("sine_k5", entry)
            return results
        }
        guard let location else { throw OmniglotError.dataNotFound(searched: []) }
        let dataset = try OmniglotDataset.load(from: location)
        let split = c.split == "lake" ? "lake" : "vinyals"
        let test = try ClassSplit.load(named: split, part: "test", dataset: dataset, location: location)
        if c.algorithm.isModelBased {
            var rng = SeededGenerator(seed: 0)
            let a = try evaluator.instanceAccuracy(dataset: dataset, split: test, episodes: episodes, using: &rng)
            let entry = byInstanceEntry(a, classes: c.ways, split: "\(split)/test")
            results[byInstanceKey] = entry
            log(byInstanceKey, entry)
            return results
        }
        for (ways, shots) in settings(for: checkpoint) {
            var rng = SeededGenerator(seed: 0)
            let a = try evaluator.accuracy(dataset: dataset, split: test, ways: ways, shots: shots, queries: 15, episodes: episodes, using: &rng)
            let key = "\(ways)way\(shots)shot"
            let entry = Entry(
                ways: ways, shots: shots, queries: 15, episodes: episodes, seed: 0, split: "\(split)/test", accuracy: a.accuracy, ci95: a.ci95)
            results[key] = entry
            log(key, entry)
        }
        if c.isMetricBased && c.split == "lake" {
            let runs = try LakeRuns.load(from: location, matching: dataset)
            let score = evaluator.lakeRuns(runs)
            let entry = Entry(ways: 20, shots: 1, queries: 1, episodes: 20, seed: 0, split: "lake/all_runs", errorRate: Float(score.meanErrorRate))
            results["lake_runs"] = entry
            log("lake_runs", entry)
        }
        return results
    }

    /// A sequence model's accuracy by instance as a stored entry: `shots` is the drawings per
    /// class, `accuracy` the accuracy over every step.
    public static func byInstanceEntry(_ a: Evaluator.InstanceAccuracy, classes: Int, split: String) -> Entry {
        Entry(
            ways: classes, shots: a.byInstance.count, queries: nil, episodes: a.episodes, seed: 0, split: split, accuracy: a.overall.accuracy,
            ci95: a.overall.ci95, accuracyByInstance: a.byInstance.map(\.accuracy), ci95ByInstance: a.byInstance.map(\.ci95))
    }

    /// The entries stored in a checkpoint's metadata.
    public static func entries(of checkpoint: ModelCheckpoint) -> [String: Entry] {
        var out: [String: Entry] = [:]
        for (key, json) in checkpoint.evaluation {
            if let e = try? JSONDecoder().decode(Entry.self, from: Data(json.utf8)) { out[key] = e }
        }
        return out
    }

    /// Entries as metadata strings.
    public static func metadata(_ entries: [String: Entry]) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return entries.compactMapValues { (try? encoder.encode($0)).flatMap { String(data: $0, encoding: .utf8) } }
    }
}
