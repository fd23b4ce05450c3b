import ArgumentParser
import Autodiff
import FewShot
import Foundation

/// `episcope eval`: test accuracy with its 95% interval, Lake's runs, or sine MSE.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a trained model on test episodes the way the papers report it.")

    @Option(help: "Model file (default: the shipped model for the setting).") var checkpoint: String?
    @Option(help: "Classes per test episode.") var ways = 5
    @Option(help: "Support examples per class (default 1; sine: support points, default 5 as the paper).")
    var shots: Int?
    @Option(help: "Query examples per class.") var queries = 15
    @Option(help: "Test episodes (default 1000; sine: tasks, default 600 as the paper).") var episodes: Int?
    @Option(help: "Class split: vinyals or lake (test part).") var split: String?
    @Flag(help: "Draw every episode's classes from one alphabet.") var withinAlphabet = false
    @Flag(help: "Score Lake's 20 within-alphabet 20-way one-shot runs.") var runs = false
    @Option(help: "Seed of the test episodes.") var seed: UInt64 = 0
    @Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var dataOptions: DataOptions

    func defaultCheckpoint() -> String? {
        if runs { return ShippedModels.path(ShippedModels.protoNetLake) }
        return ShippedModels.path((shots ?? 1) >= 5 ? ShippedModels.protoNetFiveShot : ShippedModels.protoNetOneShot)
    }

    func run() throws {
        guard let path = checkpoint ?? defaultCheckpoint() else {
            throw failing("no --checkpoint given and no shipped model found in assets/models (run `make pretrain`)")
        }
        let model = try reportingEngineFailures { try ModelCheckpoint.read(path: path) }
        let evaluator = Evaluator(checkpoint: model)
        var rng = SeededGenerator(seed: seed)
        let start = Date()
        if model.configuration.dataset == .sine {
            let (shots, episodes) = (shots ?? 5, episodes ?? 600)
            guard shots > 0, episodes > 0 else { throw failing("--shots and --episodes must be positive") }
            let errors = evaluator.sineErrors(shots: shots, tasks: episodes, steps: [0, 1, 5, 10], using: &rng)
            if json {
                // A fine-tuning run that diverges gives a non-finite error: JSON says null.
                func number(_ x: Float) -> String { x.isFinite ? String(format: "%.4f", x) : "null" }
                print(#"{"checkpoint": "\#(path)", "tasks": \#(episodes), "shots": \#(shots), "mse_before": \#(number(errors[0])), "#
                      + #""mse_step1": \#(number(errors[1])), "mse_step5": \#(number(errors[2])), "mse_step10": \#(number(errors[3]))}"#)
            } else {
                print("\(model.configuration.algorithm.rawValue) on sine, \(episodes) tasks, K=\(shots): MSE before \(f(errors[0])), after 1 step \(f(errors[1])), 5 steps \(f(errors[2])), 10 steps \(f(errors[3]))")
            }
            return
        }
        let (shots, episodes) = (shots ?? 1, episodes ?? 1000)
        let location = try dataOptions.location()
        let dataset = try reportingEngineFailures { try OmniglotDataset.load(from: location) }
        if runs {
            let lake = try reportingEngineFailures { try LakeRuns.load(from: location, matching: dataset) }
            let score = evaluator.lakeRuns(lake)
            if json {
                print(String(format: #"{"checkpoint": "%@", "runs": 20, "error_rate": %.4f, "accuracy": %.4f, "per_run_error": [%@]}"#,
                             path, score.meanErrorRate, 1 - score.meanErrorRate, score.perRun.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
            } else {
                print("Lake's 20 runs (20-way 1-shot within alphabet): error rate \(f(score.meanErrorRate * 100))% (people 4.5%, Siamese net 8.0%, deep convnet 13.5%)")
            }
            return
        }
        let splitName = split ?? (model.configuration.split == "lake" ? "lake" : "vinyals")
        let testSplit = try reportingEngineFailures { try ClassSplit.load(named: splitName, part: "test", dataset: dataset, location: location) }
        let interactive = isatty(STDERR_FILENO) == 1
        let result = try reportingEngineFailures {
            try evaluator.accuracy(dataset: dataset, split: testSplit, ways: ways, shots: shots, queries: queries, episodes: episodes,
                                   withinAlphabet: withinAlphabet, using: &rng) { done in
                if interactive && (done % 20 == 0 || done == episodes) {
                    FileHandle.standardError.write(Data("\r\u{1B}[2Kepisode \(done)/\(episodes)".utf8))
                }
            }
        }
        if interactive { printError("") }
        let seconds = Date().timeIntervalSince(start)
        if json {
            print(String(format: #"{"checkpoint": "%@", "split": "%@", "ways": %d, "shots": %d, "queries": %d, "accuracy": %.5f, "ci95": %.5f, "episodes": %d, "seconds": %.1f}"#,
                         path, splitName, ways, shots, queries, result.accuracy, result.ci95, result.episodes, seconds))
        } else {
            print("\(model.configuration.algorithm.rawValue) on \(splitName) test: \(ways)-way \(shots)-shot accuracy \(f(result.accuracy * 100))% ± \(f(result.ci95 * 100)) over \(result.episodes) episodes")
        }
    }

    private func f(_ x: some BinaryFloatingPoint) -> String { String(format: "%.2f", Double(x)) }
}
