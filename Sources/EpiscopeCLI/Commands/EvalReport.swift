import FewShot
import Foundation

/// What `episcope eval --json` prints: one object per evaluation, its numbers rounded to the
/// digits they carry (an interval over a thousand episodes says nothing in its tenth digit).
enum EvalReport {
    /// Sine regression: mean query MSE before and after 1, 5 and 10 fine-tuning steps, with the
    /// median, the worst task and the count of diverged tasks at each.
    struct Sine: Encodable {
        var checkpoint: String
        var errors: SineErrors

        enum CodingKeys: String, CodingKey {
            case checkpoint, tasks, shots, steps, median, worst, diverged
            case mseBefore = "mse_before", mseStep1 = "mse_step1", mseStep5 = "mse_step5", mseStep10 = "mse_step10"
        }
        var shots: Int

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(checkpoint, forKey: .checkpoint)
            try container.encode(errors.tasks, forKey: .tasks)
            try container.encode(shots, forKey: .shots)
            // A diverged error is written as null, not left out: the key is always there.
            func finite(_ values: [Float]) -> [Double?] { values.map { $0.isFinite ? rounded(Double($0), 4) : nil } }
            for (key, error) in zip([CodingKeys.mseBefore, .mseStep1, .mseStep5, .mseStep10], finite(errors.mean)) {
                try container.encode(error, forKey: key)
            }
            try container.encode(errors.steps, forKey: .steps)
            try container.encode(finite(errors.median), forKey: .median)
            try container.encode(finite(errors.worst), forKey: .worst)
            try container.encode(errors.diverged, forKey: .diverged)
        }
    }

    /// Lake's 20 runs: the official error rate, overall and per run.
    struct LakeRuns: Encodable {
        var checkpoint: String
        var runs: Int
        var errorRate: Double
        var accuracy: Double
        var perRunError: [Double]

        init(checkpoint: String, score: FewShot.LakeRuns.Score) {
            self.checkpoint = checkpoint
            runs = score.perRun.count
            errorRate = rounded(score.meanErrorRate, 4)
            accuracy = rounded(1 - score.meanErrorRate, 4)
            perRunError = score.perRun.map { rounded($0, 3) }
        }

        enum CodingKeys: String, CodingKey {
            case checkpoint, runs, errorRate = "error_rate", accuracy, perRunError = "per_run_error"
        }
    }

    /// MANN and the LSTM: accuracy at the 1st, 2nd, 3rd, 4th, 5th and 10th instance of a class in
    /// test sequences (Santoro et al.'s Table 1), each with its 95% interval, keyed by instance.
    struct Instances: Encodable {
        var checkpoint: String
        var split: String
        var algorithm: String
        var classes: Int
        var drawingsPerClass: Int
        var episodes: Int
        var accuracy: Double
        var accuracyByInstance: [String: Double]
        var ci95ByInstance: [String: Double]
        var seconds: Double

        init(checkpoint: String, split: String, configuration: TrainingConfiguration, result: Evaluator.InstanceAccuracy, seconds: Double) {
            (self.checkpoint, self.split, algorithm) = (checkpoint, split, configuration.algorithm.rawValue)
            (classes, drawingsPerClass, episodes) = (configuration.ways, configuration.shots, result.episodes)
            accuracy = rounded(Double(result.overall.accuracy), 5)
            let instances = Evaluator.reportedInstances.filter { $0 <= result.byInstance.count }
            accuracyByInstance = Dictionary(uniqueKeysWithValues: instances.map { (String($0), rounded(Double(result.at($0).accuracy), 5)) })
            ci95ByInstance = Dictionary(uniqueKeysWithValues: instances.map { (String($0), rounded(Double(result.at($0).ci95), 5)) })
            self.seconds = rounded(seconds, 1)
        }

        enum CodingKeys: String, CodingKey {
            case checkpoint, split, algorithm, classes, drawingsPerClass = "drawings_per_class", episodes, accuracy
            case accuracyByInstance = "accuracy_by_instance", ci95ByInstance = "ci95_by_instance", seconds
        }
    }

    /// N-way K-shot accuracy over test episodes with its 95% interval.
    struct Accuracy: Encodable {
        var checkpoint: String
        var split: String
        var ways: Int, shots: Int, queries: Int
        var accuracy: Double
        var ci95: Double
        var episodes: Int
        var seconds: Double

        init(checkpoint: String, split: String, ways: Int, shots: Int, queries: Int, result: Evaluator.Accuracy, seconds: Double) {
            (self.checkpoint, self.split, self.ways, self.shots, self.queries) = (checkpoint, split, ways, shots, queries)
            accuracy = rounded(Double(result.accuracy), 5)
            ci95 = rounded(Double(result.ci95), 5)
            episodes = result.episodes
            self.seconds = rounded(seconds, 1)
        }
    }
}

/// `x` to `digits` decimals (JSON then prints the shortest form, e.g. 0.2913).
private func rounded(_ x: Double, _ digits: Int) -> Double {
    let scale = pow(10, Double(digits))
    return (x * scale).rounded() / scale
}
