import ArgumentParser
import FewShot
import Foundation

/// `episcope ship`: evaluates a trained model on the papers' settings and writes it, with the
/// results in its metadata, where the explorer and `eval` find it.
struct ShipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ship", abstract: "Evaluate a model on the standard settings and store it with its results (assets/models).")

    @Argument(help: "The trained model file.") var model: String
    @Option(help: "Where to write the model with its results.") var to: String
    @Option(parsing: .unconditional, help: "Test episodes per setting.") var episodes = 1000
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        try NumericCheck.positive(episodes, "--episodes")
    }

    func run() throws {
        var checkpoint = try reportingEngineFailures { try ModelCheckpoint.read(path: model) }
        let location = checkpoint.configuration.dataset == .omniglot ? try dataOptions.location() : nil
        let results = try reportingEngineFailures {
            try StandardEvaluation.run(checkpoint, location: location, episodes: episodes) { key, e in
                if let figures = e.instanceFigures {
                    print("\(model)  \(key): \(figures) (\(e.episodes) sequences)")
                } else if let a = e.accuracy {
                    print(String(format: "%@  %@: %.2f%% ± %.2f (%d episodes)", model, key, a * 100, (e.ci95 ?? 0) * 100, e.episodes))
                } else if let r = e.errorRate {
                    print(String(format: "%@  %@: error rate %.2f%%", model, key, r * 100))
                } else if let m1 = e.mseStep1, let m10 = e.mseStep10 {
                    print(
                        String(
                            format: "%@  %@: MSE before %.3f, 1 step %.3f, 5 steps %.3f, 10 steps %.3f", model, key, e.mseBefore ?? 0, m1,
                            e.mseStep5 ?? 0, m10))
                }
            }
        }
        checkpoint.evaluation = StandardEvaluation.metadata(results)
        try reportingEngineFailures { try checkpoint.write(to: to) }
        print("wrote \(to)")
    }
}
