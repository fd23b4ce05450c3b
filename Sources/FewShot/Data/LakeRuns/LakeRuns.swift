import Foundation

/// Lake et al.'s 20 one-shot classification runs (`all_runs.zip`): each a fixed 20-way 1-shot
/// episode with 20 queries, drawn from the evaluation alphabets, scored by error rate per run
/// averaged over runs.
public struct LakeRuns: Sendable, DrawingProvider {
    /// One run.
    public struct Run: Sendable {
        /// 1...20, as in the folder name `run07`.
        public let number: Int
        /// Classes are `training/class01...20` (label 0 is class01); queries are `test/item01...20`
        /// in order, labelled by `class_labels.txt`.
        public let episode: Episode
        /// The alphabet all of the run's characters come from, when the dataset was given to
        /// ``LakeRuns/load(from:matching:)`` and they agree.
        public let alphabet: String?
    }

    /// The runs, run01 first.
    public let runs: [Run]
    /// The 800 drawings: run r's (0-based) training class c at `40 r + c`, test item i at `40 r + 20 + i`.
    public let drawings: DrawingStore

    static let runCount = 20, perRun = 20

    /// The official scoring: a run's error rate is the fraction of its 20 queries classified
    /// wrongly; the score is the mean over the runs given.
    public struct Score: Sendable, Equatable {
        /// Error rate of each run, 0...1.
        public let perRun: [Double]
        /// The mean of ``perRun``.
        public var meanErrorRate: Double { perRun.isEmpty ? 0 : perRun.reduce(0, +) / Double(perRun.count) }
    }

    /// Scores `predictions[r][q]`, the predicted label of query q of run r.
    public func score(predictions: [[Int]]) -> Score {
        precondition(predictions.count == runs.count, "LakeRuns.score: \(predictions.count) prediction lists for \(runs.count) runs")
        return Score(
            perRun: zip(runs, predictions).map { run, predicted in
                precondition(
                    predicted.count == run.episode.queries.count, "LakeRuns.score: run \(run.number) needs \(run.episode.queries.count) predictions")
                let wrong = zip(predicted, run.episode.queryLabels).filter { $0 != $1 }.count
                return Double(wrong) / Double(predicted.count)
            })
    }
}
