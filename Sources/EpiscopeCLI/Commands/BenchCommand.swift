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
    @Option(help: "Run only this benchmark, by the name its line starts with (repeatable; sgemm always runs).")
    var only: [BenchName] = []

    func run() throws {
        func emit(_ report: BenchReport) throws {
            print(json ? try report.json() : report.text())
            FileHandle.standardOutput.synchronizeFile()
        }
        func wanted(_ name: BenchName) -> Bool { only.isEmpty || only.contains(name) }
        let sgemm = EngineBenchmarks.sgemm()
        try emit(sgemm)  // every other figure is read against it
        let gflops = sgemm.figures.first { $0.0 == "gflops" }?.1 as? Double ?? 1
        if wanted(.convnet4Train) { try emit(EngineBenchmarks.convNet4Training(sgemmGflops: gflops)) }
        // One interleaved measurement serves both lines: the replayed step and the tape.
        if wanted(.mamlSine) || wanted(.mamlSineTape) {
            for report in MetaLearningBenchmarks.sine() where wanted(report.name) { try emit(report) }
        }
        if wanted(.mamlOmniglot) { try emit(MetaLearningBenchmarks.omniglot()) }
        for (name, algorithm) in MetricBenchmarks.learners where wanted(name) { try emit(MetricBenchmarks.episode(name, algorithm)) }
        if wanted(.mannTrain) { try emit(SequenceBenchmarks.mannTraining()) }
        if wanted(.protonetEval) {
            switch EvaluationBenchmarks.protoNet() {
            case .success(let report): try emit(report)
            case .failure(let skipped): printError("protonet_eval skipped: \(skipped.reason)")
            }
        }
        // One run serves both lines: it trains until the last goal asked for.
        let protoNetGoals = [(BenchName.protonetTimeTo95, Float(0.95)), (.protonetTimeTo98, 0.98)].filter { wanted($0.0) }
        if !protoNetGoals.isEmpty {
            switch TimeToTargetBenchmarks.protoNet(protoNetGoals.map { .init(name: $0.0, target: $0.1) }) {
            case .success(let reports): for report in reports { try emit(report) }
            case .failure(let skipped): printError("protonet_time_to skipped: \(skipped.reason)")
            }
        }
        if wanted(.sineTimeTo07) {
            switch TimeToTargetBenchmarks.sine([.init(name: .sineTimeTo07, target: 0.7)]) {
            case .success(let reports): for report in reports { try emit(report) }
            case .failure(let skipped): printError("sine_time_to skipped: \(skipped.reason)")
            }
        }
        if wanted(.omniglotLoad) {
            if let location = try? DataLocation.resolve(), let t = try? OmniglotBenchmark.measureLoad(dataDirectory: location.directory) {
                try emit(
                    BenchReport(
                        name: .omniglotLoad,
                        figures: [
                            ("first_decode_s", t.firstDecodeSeconds), ("cached_load_s", t.cachedLoadSeconds), ("drawings", t.drawings)
                        ]))
            } else {
                printError("omniglot_load skipped: no Omniglot folder (run `episcope data`)")
            }
        }
        if wanted(.uiFrame) {
            for frame in UIBenchmark.frameTimes(options: EngineOptions()) {
                try emit(
                    BenchReport(
                        name: .uiFrame,
                        figures: [
                            ("screen", frame.screen.commandName), ("size", "160x48"),
                            ("ms", frame.medianMilliseconds), ("worst_ms", frame.worstMilliseconds)
                        ]))
            }
        }
        if wanted(.uiLatency) {
            let latency = UIBenchmark.inputLatency(options: EngineOptions())
            try emit(
                BenchReport(
                    name: .uiLatency,
                    figures: [
                        ("while", "training sine MAML"), ("ms", latency.median), ("p95_ms", latency.p95),
                        ("worst_ms", latency.worst), ("training_iterations", latency.trainingIterations)
                    ]))
        }
    }
}
