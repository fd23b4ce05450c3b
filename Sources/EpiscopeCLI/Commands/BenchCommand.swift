import ArgumentParser
import Autodiff
import ExplorerApp
import FewShot
import Foundation

/// `episcope bench`: the figures the issues name, one JSON object per line with `--json`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the engine, the data loader and the UI (release build).")

    @Flag(help: "Print one JSON object per line.") var json = false
    @Option(help: "Only run benchmarks whose name contains this.") var only: String?

    func run() throws {
        func emit(_ report: BenchReport) {
            print(json ? report.json() : report.text())
            FileHandle.standardOutput.synchronizeFile()
        }
        func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
        let sgemm = EngineBenchmarks.sgemm()
        emit(sgemm)  // every other figure is read against it
        let gflops = sgemm.figures.first { $0.0 == "gflops" }?.1 as? Double ?? 1
        if wanted("convnet4") { emit(EngineBenchmarks.convNet4Training(sgemmGflops: gflops)) }
        if wanted("maml_sine") { emit(MetaLearningBenchmarks.sine()) }
        if wanted("maml_omniglot") { emit(MetaLearningBenchmarks.omniglot()) }
        if wanted("omniglot_load") {
            if let location = try? DataLocation.resolve(), let t = try? OmniglotBenchmark.measureLoad(dataDirectory: location.directory) {
                emit(BenchReport(name: "omniglot_load", figures: [
                    ("first_decode_s", t.firstDecodeSeconds), ("cached_load_s", t.cachedLoadSeconds), ("drawings", t.drawings),
                ]))
            } else {
                printError("omniglot_load skipped: no Omniglot folder (run `episcope data`)")
            }
        }
        if wanted("ui_frame") {
            for frame in UIBenchmark.frameTimes(options: EngineOptions()) {
                emit(BenchReport(name: "ui_frame", figures: [("screen", frame.screen.commandName), ("size", "160x48"),
                                                             ("ms", frame.medianMilliseconds), ("worst_ms", frame.worstMilliseconds)]))
            }
        }
        if wanted("ui_latency") {
            let latency = UIBenchmark.inputLatency(options: EngineOptions())
            emit(BenchReport(name: "ui_latency", figures: [("while", "training sine MAML"), ("ms", latency.median), ("p95_ms", latency.p95),
                                                           ("worst_ms", latency.worst), ("training_iterations", latency.trainingIterations)]))
        }
    }
}
