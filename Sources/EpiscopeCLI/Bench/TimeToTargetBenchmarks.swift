import Autodiff
import FewShot
import Foundation

/// Seconds of training until a live-preset run from its fixed seed first reaches a goal on
/// held-out data (``HeldOutCheck``, at the preset's cadence): ProtoNet's 5-way 1-shot test
/// accuracy on the Vinyals test classes, sine MAML's error after one step on K=5 points of unseen
/// tasks. The clock counts training only; the checks' own seconds are reported beside it.
enum TimeToTargetBenchmarks {
    /// A goal and what reaching it printed.
    struct Goal {
        var name: BenchName
        /// Accuracy at least this (classification) or error at most this (sine).
        var target: Float
    }

    /// ProtoNet on Omniglot to each of `goals` (in rising order), or why there is no line.
    static func protoNet(_ goals: [Goal]) -> Result<[BenchReport], BenchSkipped> {
        guard let location = try? DataLocation.resolve() else { return .failure(BenchSkipped("no Omniglot folder (run `episcope data`)")) }
        return run(.protonet, .omniglot, goals: goals, location: location)
    }

    /// MAML on sine to each of `goals` (in falling order of error).
    static func sine(_ goals: [Goal]) -> Result<[BenchReport], BenchSkipped> {
        run(.maml, .sine, goals: goals, location: nil)
    }

    private static func run(_ algorithm: Algorithm, _ dataset: DatasetKind, goals: [Goal], location: DataLocation?) -> Result<
        [BenchReport], BenchSkipped
    > {
        guard let c = TrainingConfiguration.preset(.live, algorithm, dataset) else {
            return .failure(BenchSkipped("no live preset for \(algorithm.rawValue) on \(dataset.rawValue)"))
        }
        do {
            let data = try TrainingData.load(for: c, location: location)
            let trainer = try Trainer(configuration: c, data: data)
            guard let check = try HeldOutCheck.load(for: c, data: data, location: location) else {
                return .failure(BenchSkipped("the live preset has no held-out check"))
            }
            trainer.heldOutCheck = check
            var reached: [Int: HeldOutReport] = [:]
            var checks = 0
            var last: HeldOutReport?
            while reached.count < goals.count && !trainer.isFinished {
                for case .heldOut(let report) in try trainer.step() {
                    checks += 1
                    last = report
                    for (index, goal) in goals.enumerated() where reached[index] == nil && meets(report, goal) {
                        reached[index] = report
                    }
                }
            }
            let setting =
                dataset == .omniglot
                ? "\(check.episodes) test episodes (5-way 1-shot, 15 queries) every \(check.interval) it"
                : "\(check.episodes) test tasks (K=5, 1 step) every \(check.interval) it"
            return .success(
                goals.indices.map { index in
                    let r = reached[index]
                    return BenchReport(
                        name: goals[index].name,
                        figures: [
                            ("s", r?.trainingSeconds ?? .nan), ("iteration", r?.iteration ?? -1),
                            (dataset == .omniglot ? "accuracy" : "mse", Double((r ?? last).flatMap { $0.accuracy ?? $0.meanSquaredError } ?? .nan)),
                            ("checks_s", trainer.heldOutSeconds), ("checks", checks), ("threads", ParallelSettings.threads),
                            ("measured", setting)
                        ])
                })
        } catch {
            return .failure(BenchSkipped("\(error)"))
        }
    }

    private static func meets(_ report: HeldOutReport, _ goal: Goal) -> Bool {
        if let a = report.accuracy { return a >= goal.target }
        if let m = report.meanSquaredError { return m <= goal.target }
        return false
    }
}
