import ArgumentParser
import FewShot
import Foundation

/// `episcope models`: the shipped models with what they were trained on and the results stored
/// in them, as a Markdown table (the README's results table is this output).
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the shipped models and their stored results.")

    @OptionGroup var modelsOptions: ModelsOptions
    /// The name this option had before every command took `--models`.
    @Option(help: ArgumentHelp("Same as --models.", visibility: .hidden)) var folder: String?

    func validate() throws {
        if let folder { try ModelsOptions.requireFolder(folder, option: "--folder") }
    }

    func run() throws {
        guard let directory = modelsOptions.directory ?? folder.map({ URL(fileURLWithPath: $0) }) ?? ShippedModels.directory() else {
            throw failing("no assets/models folder found")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".safetensors") && !$0.hasSuffix(".state.safetensors") }.sorted()
        print("| model | trained | iterations | wall time | setting | result |")
        print("| --- | --- | ---: | ---: | --- | --- |")
        for name in names {
            guard let summary = try? ModelSummary.read(path: directory.appendingPathComponent(name).path) else {
                print("| \(name) | unreadable | | | | |")
                continue
            }
            let trained = summary.trainedOn
            let wall = TrainingProgressPrinter.duration(summary.wallSeconds)
            let entries = summary.sortedEvaluations
            if entries.isEmpty { print("| \(name) | \(trained) | \(summary.iteration) | \(wall) | | not evaluated |") }
            for (key, e) in entries {
                let result: String
                if let figures = e.instanceFigures {
                    result = "\(figures) (\(e.episodes) sequences)"
                } else if let a = e.accuracy {
                    result = String(format: "%.2f%% ± %.2f (%d episodes)", a * 100, (e.ci95 ?? 0) * 100, e.episodes)
                } else if let r = e.errorRate {
                    result = String(format: "error %.1f%%", r * 100)
                } else {
                    func m(_ x: Float?) -> String { x.map { $0.isFinite ? String(format: "%.3f", $0) : "diverged" } ?? "-" }
                    result =
                        "MSE \(m(e.mseBefore)) → 1 step \(m(e.mseStep1)), 5 steps \(m(e.mseStep5)), 10 steps \(m(e.mseStep10)) (\(e.episodes) tasks)"
                }
                print("| \(name) | \(trained) | \(summary.iteration) | \(wall) | \(key) | \(result) |")
            }
        }
    }
}
