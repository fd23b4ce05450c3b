import Autodiff
import FewShot
import Foundation

/// How long `episcope eval` takes with the shipped ProtoNet on 5-way 1-shot test episodes of the
/// Vinyals split (15 queries per class), once for 1000 episodes and once for 10,000: the
/// embedding of each drawing once is what keeps both in seconds.
enum EvaluationBenchmarks {
    /// The report, or why there is none (the data or the shipped model is missing).
    static func protoNet() -> Result<BenchReport, BenchSkipped> {
        guard let location = try? DataLocation.resolve() else { return .failure(BenchSkipped("no Omniglot folder (run `episcope data`)")) }
        guard let path = ShippedModels.path(ShippedModels.protoNetOneShot), let checkpoint = try? ModelCheckpoint.read(path: path) else {
            return .failure(BenchSkipped("no shipped \(ShippedModels.protoNetOneShot)"))
        }
        do {
            let dataset = try OmniglotDataset.load(from: location)
            let test = try ClassSplit.load(.vinyals, part: .test, dataset: dataset, location: location)
            let evaluator = Evaluator(checkpoint: checkpoint)
            var figures: [(String, any Encodable)] = []
            for episodes in [1000, 10_000] {
                var rng = SeededGenerator(seed: 1)
                let start = Date()
                let result = try evaluator.accuracy(
                    dataset: dataset, split: test, ways: 5, shots: 1, queries: 15, episodes: episodes, using: &rng)
                figures.append(("s_\(episodes)", Date().timeIntervalSince(start)))
                figures.append(("accuracy_\(episodes)", Double(result.accuracy)))
            }
            figures.append(("episodes", "5-way 1-shot, 15 queries"))
            return .success(BenchReport(name: .protonetEval, figures: figures))
        } catch {
            return .failure(BenchSkipped("\(error)"))
        }
    }
}

/// Why a benchmark printed no line.
struct BenchSkipped: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
