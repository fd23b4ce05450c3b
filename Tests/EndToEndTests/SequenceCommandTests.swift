import Foundation
import TestSupport
import Testing

/// `episcope train mann|lstm` and `eval` of such a model, as a user runs them: progress with
/// accuracy by instance, a checkpoint that resumes, and `eval --json` with the paper's columns.
@Suite struct SequenceCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-sequence-cli-\(getpid())").path

    @Test func trainResumeAndEvaluateASmallMANN() throws {
        let model = folder + "/mann.safetensors"
        let sizes = ["--controller-units", "16", "--memory-slots", "16", "--memory-width", "8", "--read-heads", "2", "--meta-batch", "2"]
        let first = try TestBinary.run(
            ["train", "mann", "--iterations", "4", "--validate-every", "2", "--validation-episodes", "16", "--checkpoint-every", "2", "--out", model]
                + sizes)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("finished 4 iterations") && first.stderr.contains("by instance"), "\(first.stderr)")
        let resumed = try TestBinary.run(["train", "--resume", "mann", "--iterations", "6", "--out", model])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming at iteration 4") && resumed.stderr.contains("finished 6 iterations"), "\(resumed.stderr)")

        let eval = try TestBinary.run(["eval", "--checkpoint", model, "--episodes", "40", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let result = try #require(JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        #expect(result["episodes"] as? Int == 40)
        let accuracy = try #require(result["accuracy_by_instance"] as? [String: Double], "\(eval.stdout)")
        let intervals = try #require(result["ci95_by_instance"] as? [String: Double], "\(eval.stdout)")
        #expect(Set(accuracy.keys) == ["1", "2", "3", "4", "5", "10"] && Set(intervals.keys) == Set(accuracy.keys))
        #expect(accuracy.values.allSatisfy { (0...1).contains($0) } && intervals.values.allSatisfy { $0 >= 0 && $0 < 0.5 })

        let text = try TestBinary.run(["eval", "--checkpoint", model, "--episodes", "20"])
        #expect(text.status == 0 && text.stdout.contains("accuracy by instance") && text.stdout.contains("10th"), "\(text.stdout)")

        // `ship` stores what `eval` reports on the same sequences (seed 0), and `models` prints it.
        let shipped = folder + "/shipped/mann-omniglot-5class.safetensors"
        let ship = try TestBinary.run(["ship", model, "--to", shipped, "--episodes", "40"])
        #expect(ship.status == 0, "\(ship.stderr)")
        let figures = ["1", "2", "3", "4", "5", "10"].map { String(format: "%.1f", (accuracy[$0] ?? -1) * 100) }.joined(separator: " / ")
        #expect(ship.stdout.contains("by_instance: \(figures) at instances 1/2/3/4/5/10 (40 sequences)"), "\(ship.stdout)")
        let models = try TestBinary.run(["models", "--models", folder + "/shipped"])
        #expect(models.status == 0 && models.stdout.contains("| by_instance | \(figures) at instances"), "\(models.stdout)")
    }

    @Test func benchReportsMANNTrainingSpeed() throws {
        let r = try TestBinary.run(["bench", "--only", "mann_train", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.contains("mann_train") })
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((object["episodes_per_s"] as? Double ?? 0) > 0, "\(line)")
    }
}
