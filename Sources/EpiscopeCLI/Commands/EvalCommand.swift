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
    @Option(parsing: .unconditional, help: "Classes per test episode (2...100).") var ways = 5
    @Option(parsing: .unconditional, help: "Support examples per class (default 1; sine: support points, default 5 as the paper).")
    var shots: Int?
    @Option(parsing: .unconditional, help: "Query examples per class.") var queries = 15
    @Option(parsing: .unconditional, help: "Test episodes (default 1000; sine: tasks, default 600 as the paper).") var episodes: Int?
    @Option(help: "Class split: vinyals, lake, small1 or small2 (test part).") var split: ClassSplit.Scheme?
    @Flag(help: "Draw every episode's classes from one alphabet.") var withinAlphabet = false
    @Flag(help: "Score Lake's 20 within-alphabet 20-way one-shot runs.") var runs = false
    @Option(parsing: .unconditional, help: "Seed of the test episodes.") var seed: UInt64 = 0
    @Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var dataOptions: DataOptions

    /// The ways `eval` accepts. One way is no classification; beyond a hundred, a thousand episodes
    /// run for hours (a 1000-way episode is 16,000 drawings), where the papers test 5 and 20.
    static let acceptedWays = 2...100

    func validate() throws {
        try NumericCheck.within(Self.acceptedWays, ways, "--ways", why: "the papers test 5 and 20 ways; larger episodes run for hours")
        try NumericCheck.positive(shots, "--shots")
        try NumericCheck.positive(queries, "--queries")
        try NumericCheck.positive(episodes, "--episodes")
    }

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
            let errors = evaluator.sineErrorStatistics(shots: shots, tasks: episodes, steps: [0, 1, 5, 10], using: &rng)
            if json {
                print(try JSONOutput.line(EvalReport.Sine(checkpoint: path, errors: errors, shots: shots)))
            } else {
                func mse(_ x: Float) -> String { String(format: "%.3f", Double(x)) }
                let (m, d) = (errors.mean.map(mse), errors.median.map(mse))
                print(
                    "\(model.configuration.algorithm.rawValue) on sine, \(episodes) tasks, K=\(shots): mean MSE before \(m[0]), after 1 step \(m[1]), 5 steps \(m[2]), 10 steps \(m[3]); median \(d[0]), \(d[1]), \(d[2]), \(d[3]); worst task after 10 steps \(mse(errors.worst[3])); diverged (MSE above \(Int(SineErrors.divergenceThreshold)) or NaN) after 10 steps: \(errors.diverged[3]) of \(episodes)"
                )
            }
            return
        }
        let (shots, episodes) = (shots ?? 1, episodes ?? 1000)
        let location = try dataOptions.location()
        let dataset = try reportingEngineFailures { try OmniglotDataset.load(from: location) }
        if model.configuration.algorithm.isModelBased {
            try evaluateSequences(model, path: path, dataset: dataset, location: location, episodes: episodes, using: &rng)
            return
        }
        if runs {
            let lake = try reportingEngineFailures { try LakeRuns.load(from: location, matching: dataset) }
            let score = evaluator.lakeRuns(lake)
            if json {
                print(try JSONOutput.line(EvalReport.LakeRuns(checkpoint: path, score: score)))
            } else {
                print(
                    "Lake's 20 runs (20-way 1-shot within alphabet): error rate \(f(score.meanErrorRate * 100))% (people 4.5%, Siamese net 8.0%, deep convnet 13.5%)"
                )
            }
            return
        }
        let scheme = split ?? (model.configuration.split == "lake" ? .lake : .vinyals)
        let splitName = scheme.rawValue
        let testSplit = try reportingEngineFailures { try ClassSplit.load(scheme, part: .test, dataset: dataset, location: location) }
        let interactive = isatty(STDERR_FILENO) == 1
        let result = try reportingEngineFailures {
            try evaluator.accuracy(
                dataset: dataset, split: testSplit, ways: ways, shots: shots, queries: queries, episodes: episodes,
                withinAlphabet: withinAlphabet, using: &rng
            ) { done in
                if interactive && (done % 20 == 0 || done == episodes) {
                    FileHandle.standardError.write(Data("\r\u{1B}[2Kepisode \(done)/\(episodes)".utf8))
                }
            }
        }
        if interactive { printError("") }
        let seconds = Date().timeIntervalSince(start)
        if json {
            print(
                try JSONOutput.line(
                    EvalReport.Accuracy(
                        checkpoint: path, split: splitName, ways: ways, shots: shots, queries: queries,
                        result: result, seconds: seconds)))
        } else {
            print(
                "\(model.configuration.algorithm.rawValue) on \(splitName) test: \(ways)-way \(shots)-shot accuracy \(f(result.accuracy * 100))% ± \(f(result.ci95 * 100)) over \(result.episodes) episodes"
            )
        }
    }

    /// MANN and the LSTM: accuracy by instance on test sequences shaped as the model was trained.
    private func evaluateSequences(
        _ model: ModelCheckpoint, path: String, dataset: OmniglotDataset, location: DataLocation, episodes: Int,
        using rng: inout SeededGenerator
    ) throws {
        let start = Date()
        let scheme = split ?? (model.configuration.split == "lake" ? .lake : .vinyals)
        let testSplit = try reportingEngineFailures { try ClassSplit.load(scheme, part: .test, dataset: dataset, location: location) }
        let interactive = isatty(STDERR_FILENO) == 1
        let result = try reportingEngineFailures {
            try Evaluator(checkpoint: model).instanceAccuracy(dataset: dataset, split: testSplit, episodes: episodes, using: &rng) { done in
                if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2Kepisode \(done)/\(episodes)".utf8)) }
            }
        }
        if interactive { printError("") }
        if json {
            print(
                try JSONOutput.line(
                    EvalReport.Instances(
                        checkpoint: path, split: scheme.rawValue, configuration: model.configuration, result: result,
                        seconds: Date().timeIntervalSince(start))))
            return
        }
        let c = model.configuration
        print(
            "\(c.algorithm.rawValue) on \(scheme.rawValue) test, \(c.ways) classes x \(c.shots) drawings, \(result.episodes) sequences; accuracy by instance:"
        )
        for k in Evaluator.reportedInstances where k <= c.shots {
            let a = result.at(k)
            print("  \(k)\(ordinalSuffix(k))  \(f(a.accuracy * 100))% ± \(f(a.ci95 * 100))")
        }
    }

    private func ordinalSuffix(_ k: Int) -> String {
        switch k {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    private func f(_ x: some BinaryFloatingPoint) -> String { String(format: "%.2f", Double(x)) }
}
