import FewShot
import Foundation

/// Prints training events: a redrawn progress line on a terminal, plain log lines otherwise.
final class TrainingProgressPrinter {
    let total: Int
    let interactive: Bool
    private var lastPrint = 0.0
    private var smoothedRate = 0.0
    private var lastValidation = ""

    init(total: Int, interactive: Bool) {
        self.total = total
        self.interactive = interactive
    }

    private func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func handle(_ event: TrainingEvent) {
        switch event {
        case .started(let c, let resumedAt):
            printError(
                "training \(c.algorithm.rawValue) on \(c.dataset.rawValue)"
                    + (c.dataset == .omniglot ? " (\(c.split), \(c.ways)-way \(c.shots)-shot)" : "")
                    + (resumedAt > 0 ? ", resuming at iteration \(resumedAt)" : "") + ", \(c.iterations) iterations")
        case .iteration(let r):
            smoothedRate = smoothedRate == 0 ? r.iterationsPerSecond : 0.95 * smoothedRate + 0.05 * r.iterationsPerSecond
            let t = now()
            guard t - lastPrint >= (interactive ? 0.1 : 5) || r.iteration == total else { return }
            lastPrint = t
            let eta = Double(total - r.iteration) / max(smoothedRate, 1e-9)
            var fields = [String(format: "loss %.4f", r.metaLoss)]
            if let a = r.accuracy { fields.append(String(format: "acc %.1f%%", a * 100)) }
            fields.append(String(format: "%.2f it/s", smoothedRate))
            fields.append("ETA " + Self.duration(eta))
            if !lastValidation.isEmpty { fields.append(lastValidation) }
            if interactive {
                let width = 24
                let filled = Int(Double(width) * Double(r.iteration) / Double(max(total, 1)))
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(r.iteration)/\(total)  \(fields.joined(separator: "  "))".utf8))
            } else {
                printError("iteration \(r.iteration)/\(total)  " + fields.joined(separator: "  "))
            }
        case .validation(let v):
            if let a = v.accuracy {
                lastValidation = String(format: "val %.2f%% ± %.2f", a * 100, (v.ci95 ?? 0) * 100)
                if let byInstance = v.accuracyByInstance {
                    // The paper's columns: the 1st to 5th and the 10th appearance of a class.
                    let columns = Evaluator.reportedInstances.filter { $0 <= byInstance.count }
                    lastValidation += " (by instance " + columns.map { String(format: "%.0f", byInstance[$0 - 1] * 100) }.joined(separator: "/") + ")"
                }
            } else if let m = v.meanSquaredError {
                lastValidation = String(format: "val MSE %.3f", m)
                if let curve = v.fineTuningCurveError { lastValidation += String(format: " (K=5, steps 1-10: %.3f)", curve) }
            }
            if v.isBest { lastValidation += " best" }
            if !interactive { printError("validation at \(v.iteration): \(lastValidation)") }
        case .heldOut(let h):
            // Always its own line, on a terminal too: these lines are the run's story.
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            printError(Self.heldOutLine(h))
        case .checkpointWritten(let path, let iteration):
            if !interactive { printError("checkpoint \(path) at iteration \(iteration)") }
        case .diverged(_, let message):
            printError("\n" + message)
        case .stopped(let iteration):
            // The progress line was drawn with \r: end it before saying where the run stopped.
            if interactive { printError("") }
            printError("stopped at iteration \(iteration); resume with --resume")
        case .paused, .resumed:
            break
        case .finished(let iteration, let seconds):
            if interactive { printError("") }
            printError("finished \(iteration) iterations in \(Self.duration(seconds))" + (lastValidation.isEmpty ? "" : "; \(lastValidation)"))
        }
    }

    /// One held-out check: what was measured, at how many seconds of training, and what it cost.
    static func heldOutLine(_ h: HeldOutReport) -> String {
        let result: String
        if let a = h.accuracy {
            result = String(format: "test 5-way 1-shot %.2f%% ± %.2f", a * 100, (h.ci95 ?? 0) * 100)
        } else if let m = h.meanSquaredError {
            result = String(format: "test MSE after 1 step (K=5) %.3f", m)
        } else {
            result = "test not measured"
        }
        return String(format: "held-out at iteration %d, %.1f s of training: ", h.iteration, h.trainingSeconds) + result
            + String(format: " (%d %@, check %.1f s)", h.episodes, h.meanSquaredError == nil ? "episodes" : "tasks", h.seconds)
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--" }
        let s = Int(seconds)
        return s >= 3600 ? String(format: "%dh%02dm", s / 3600, s % 3600 / 60) : String(format: "%dm%02ds", s / 60, s % 60)
    }
}
