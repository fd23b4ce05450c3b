import Foundation
import TestSupport
import Testing

/// `episcope train`, `eval` and `bench` as a user runs them: the release binary, its stdout,
/// stderr and exit status. Without the binary every test fails, saying how to build it.
@Suite struct TrainEvalCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-cli-\(getpid())").path

    func run(_ arguments: [String]) throws -> TestBinary.Output { try TestBinary.run(arguments) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func trainThenResumeThenEvaluateSine() throws {
        let model = folder + "/sine.safetensors"
        let first = try run([
            "train", "maml", "--dataset", "sine", "--iterations", "40", "--checkpoint-every", "20", "--validate-every", "0", "--out", model
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("finished 40 iterations"))
        let resumed = try run(["train", "--resume", "maml", "--iterations", "80", "--out", model])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming at iteration 40") && resumed.stderr.contains("finished 80 iterations"), "\(resumed.stderr)")
        let eval = try run(["eval", "--checkpoint", model, "--shots", "5", "--episodes", "50", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let result = try json(eval.stdout)
        for key in ["mse_before", "mse_step1", "mse_step5", "mse_step10"] { #expect(result[key] is Double, "\(key) in \(eval.stdout)") }
        #expect(result["steps"] as? [Int] == [0, 1, 5, 10] && (result["median"] as? [Double])?.count == 4, "\(eval.stdout)")
        #expect((result["worst"] as? [Double])?.count == 4 && (result["diverged"] as? [Int])?.count == 4, "\(eval.stdout)")
        let text = try run(["eval", "--checkpoint", model, "--episodes", "50"])
        #expect(text.stdout.contains("median") && text.stdout.contains("worst task") && text.stdout.contains("diverged"), "\(text.stdout)")
    }

    /// A width other than the paper's is in the file: resume, `eval`, `episode --json` and
    /// `models` build the network from the file alone.
    @Test func wideSineModelTrainsResumesAndEvaluatesFromItsFile() throws {
        let model = folder + "/wide-sine.safetensors"
        let first = try run([
            "train", "pretrained", "--dataset", "sine", "--hidden-units", "24", "--iterations", "30", "--checkpoint-every", "10",
            "--validate-every", "0", "--out", model
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let resumed = try run(["train", "--resume", "pretrained", "--iterations", "60", "--out", model])
        #expect(resumed.status == 0 && resumed.stderr.contains("finished 60 iterations"), "\(resumed.stderr)")
        let eval = try run(["eval", "--checkpoint", model, "--episodes", "40", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let result = try json(eval.stdout)
        #expect(((result["mse_before"] as? Double) ?? .nan).isFinite && ((result["mse_step10"] as? Double) ?? .nan).isFinite, "\(eval.stdout)")
        let episode = try run(["episode", "--dataset", "sine", "--shots", "5", "--queries", "4", "--json", "--checkpoint", model])
        #expect(episode.status == 0, "\(episode.stderr)")
        let steps = try #require((try json(episode.stdout)["model"] as? [String: Any])?["predictions_by_step"] as? [[Double]], "\(episode.stdout)")
        #expect(steps.first?.count == 4, "\(episode.stdout)")
        let models = try run(["models", "--models", folder])
        #expect(models.stdout.contains("24 hidden units"), "\(models.stdout)")
    }

    @Test func liveSinePresetReportsItsErrorOnUnseenTasksAsItTrains() throws {
        let model = folder + "/live-sine.safetensors"
        let r = try run(["train", "maml", "--dataset", "sine", "--preset", "live", "--iterations", "1000", "--out", model])
        #expect(r.status == 0, "\(r.stderr)")
        let checks = r.stderr.split(separator: "\n").filter { $0.hasPrefix("held-out at iteration ") }
        #expect(checks.count == 2, "\(r.stderr)")
        #expect(checks.allSatisfy { $0.contains("s of training: test MSE after 1 step (K=5)") && $0.contains("(600 tasks, check ") }, "\(r.stderr)")
        // The last check is the model's own figure: eval's error after one step on the same tasks.
        let eval = try run(["eval", "--checkpoint", model, "--json"])
        let step1 = try #require(try json(eval.stdout)["mse_step1"] as? Double)
        let printed = try #require(checks.last?.split(separator: "(K=5) ").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(abs(printed - step1) < 0.0015, "\(checks.last ?? "") against eval's \(step1)")
    }

    @Test func benchTimesTheLiveSinePresetToItsGoal() throws {
        let r = try run(["bench", "--json", "--only", "sine_time_to_0.7"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let report = try json(try #require(lines.last))
        #expect(report["name"] as? String == "sine_time_to_0.7" && lines.count == 2, "\(r.stdout)")
        // A fixed seed reaches the goal at a fixed iteration, at a multiple of the check cadence.
        let iteration = try #require(report["iteration"] as? Int)
        #expect(iteration > 0 && iteration % 500 == 0, "\(r.stdout)")
        #expect((report["mse"] as? Double ?? 9) <= 0.7 && (report["s"] as? Double ?? 0) > 0, "\(r.stdout)")
    }

    @Test func ctrlCStopsWithACheckpointAMessageAndCode130() throws {
        let model = folder + "/interrupted.safetensors"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TestBinary.require())
        process.arguments = [
            "train", "reptile", "--dataset", "sine", "--iterations", "1000000", "--checkpoint-every", "1", "--validate-every", "0", "--out", model
        ]
        process.currentDirectoryURL = TestData.packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // A checkpoint line means the loop runs, and so Ctrl-C is being listened for.
        var stderr = ""
        while !stderr.contains("checkpoint ") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr += String(decoding: chunk, as: UTF8.self)
        }
        process.interrupt()
        stderr += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        let lines = stderr.split(separator: "\n").map(String.init)
        let stopped = try #require(lines.first { $0.hasPrefix("stopped at iteration ") }, "\(stderr)")
        #expect(stopped.hasSuffix("; resume with --resume"))
        #expect(!lines.contains { $0.hasPrefix("finished") })
        let iteration = try #require(Int(stopped.dropFirst("stopped at iteration ".count).prefix { $0.isNumber }))
        let resumed = try run(["train", "--resume", "reptile", "--iterations", "\(iteration + 3)", "--out", model])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming at iteration \(iteration)"), "\(resumed.stderr)")
    }

    /// `episode --json --checkpoint M`, which the PyTorch companion's tests read: Episcope's own
    /// answers for the episode's queries, as `eval` computes them.
    @Test func episodeWithACheckpointPrintsTheModelsAnswers() throws {
        let protonet = TestData.packageRoot.appendingPathComponent("assets/models/protonet-omniglot-1shot.safetensors").path
        let r = try run(["episode", "--json", "--checkpoint", protonet, "--part", "test", "--ways", "5", "--queries", "3", "--seed", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        let episode = try json(r.stdout)
        let model = try #require(episode["model"] as? [String: Any], "\(r.stdout)")
        let scores = try #require(model["scores"] as? [[Double]])
        let predictions = try #require(model["predictions"] as? [Int])
        let labels = try #require(episode["queries"] as? [[String: Any]]).compactMap { $0["label"] as? Int }
        #expect(model["score"] as? String == "squared distance" && scores.count == 15 && scores.allSatisfy { $0.count == 5 })
        // ProtoNet predicts the nearest prototype; the shipped one is right on 98.5% of queries.
        #expect(predictions == scores.map { row in row.indices.min { row[$0] < row[$1] }! })
        #expect(zip(predictions, labels).filter { $0 == $1 }.count >= 13, "\(predictions) for \(labels)")

        let sine = TestData.packageRoot.appendingPathComponent("assets/models/maml-sine.safetensors").path
        let s = try run(["episode", "--dataset", "sine", "--shots", "5", "--queries", "10", "--seed", "2", "--json", "--checkpoint", sine])
        #expect(s.status == 0, "\(s.stderr)")
        let task = try json(s.stdout)
        let answer = try #require(task["model"] as? [String: Any], "\(s.stdout)")
        let steps = try #require(answer["predictions_by_step"] as? [[Double]])
        let targets = try #require(task["query"] as? [[String: Double]]).compactMap { $0["y"] }
        #expect(steps.count == 11 && steps.allSatisfy { $0.count == 10 } && answer["step_size"] as? Double == 0.01)
        func mse(_ p: [Double]) -> Double { zip(p, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(targets.count) }
        // Ten steps from the meta-learned start fit the task far better than none (shipped: 3.0 → 0.23 on average).
        #expect(mse(steps[10]) < 0.5 * mse(steps[0]), "\(mse(steps[0])) → \(mse(steps[10]))")

        let mann = TestData.packageRoot.appendingPathComponent("assets/models/mann-omniglot-5class.safetensors").path
        let q = try run(["episode", "--sequence", "--json", "--checkpoint", mann, "--part", "test", "--seed", "4"])
        #expect(q.status == 0, "\(q.stderr)")
        let sequence = try json(q.stdout)
        let sequenceSteps = try #require(sequence["steps"] as? [[String: Any]], "\(q.stdout)")
        let labelling = try #require(sequence["model"] as? [String: Any], "\(q.stdout)")
        let logits = try #require(labelling["scores"] as? [[Double]])
        let labelled = try #require(labelling["predictions"] as? [Int])
        #expect(sequenceSteps.count == 50 && logits.count == 50 && logits.allSatisfy { $0.count == 5 } && labelling["score"] as? String == "logit")
        #expect(labelled == logits.map { row in row.indices.max { row[$0] < row[$1] }! })
        // Once a class has been seen, the shipped MANN labels it right most of the time (79-93% by instance).
        let later = sequenceSteps.indices.filter { sequenceSteps[$0]["instance"] as? Int ?? 0 >= 2 }
        #expect(later.count == 45 && later.filter { labelled[$0] == sequenceSteps[$0]["label"] as? Int }.count >= 30, "\(labelled)")

        let wrongKind = try run(["episode", "--json", "--checkpoint", sine])
        #expect(wrongKind.status == 1 && wrongKind.stderr.contains("does not classify N-way K-shot episodes"), "\(wrongKind.stderr)")
        let notSequence = try run(["episode", "--json", "--checkpoint", mann])
        #expect(notSequence.status == 1 && notSequence.stderr.contains("add --sequence"), "\(notSequence.stderr)")
        let wrongClasses = try run(["episode", "--sequence", "--json", "--ways", "3", "--checkpoint", mann])
        #expect(wrongClasses.status == 1 && wrongClasses.stderr.contains("labels 5 classes; the sequence has 3"), "\(wrongClasses.stderr)")
        let maml = TestData.packageRoot.appendingPathComponent("assets/models/maml-omniglot-5w1s.safetensors").path
        let wrongWays = try run(["episode", "--json", "--ways", "3", "--checkpoint", maml])
        #expect(wrongWays.status == 1 && wrongWays.stderr.contains("classifies 5 ways; the episode has 3"), "\(wrongWays.stderr)")
    }

    @Test func badCheckpointsGiveOneClearLine() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let broken = folder + "/broken.safetensors"
        try Data("not a checkpoint at all".utf8).write(to: URL(fileURLWithPath: broken))
        for path in [broken, folder + "/missing.safetensors"] {
            let r = try run(["eval", "--checkpoint", path])
            #expect(r.status != 0)
            #expect(r.stderr.hasPrefix("episcope: error: ") && r.stderr.contains(path), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
    }

    @Test func benchPrintsTheNamedFigures() throws {
        let r = try run(["bench", "--json", "--only", "maml_sine"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let sgemm = try json(lines[0])
        #expect(sgemm["name"] as? String == "sgemm" && sgemm["gflops"] is Double && sgemm["core"] is String)
        let sine = try json(try #require(lines.first { $0.contains("maml_sine") }))
        // The figure's size is the benchmark's business; the command only has to report it.
        #expect((sine["second_order_per_s"] as? Double ?? 0) > 0 && sine["peak_rss_mb"] is Double)
    }

    @Test func benchTimesTheEvaluationOfTheShippedProtoNet() throws {
        _ = try TestData.omniglot()
        let r = try run(["bench", "--json", "--only", "protonet_eval"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try json(try #require(r.stdout.split(separator: "\n").map(String.init).first { $0.contains("protonet_eval") }))
        #expect((report["s_1000"] as? Double ?? 0) > 0 && (report["s_10000"] as? Double ?? 0) > 0)
        // The shipped model's figure (98.5% on 1000 episodes), so the timing is of a real evaluation.
        #expect((report["accuracy_10000"] as? Double ?? 0) > 0.98, "\(report)")
    }

    @Test func benchTimesEachMetricLearnersEpisode() throws {
        let names = ["protonet_episode", "matching_episode", "siamese_episode", "relation_episode"]
        let r = try run(["bench", "--json"] + names.flatMap { ["--only", $0] })
        #expect(r.status == 0, "\(r.stderr)")
        let reports = try r.stdout.split(separator: "\n").map { try json(String($0)) }
        #expect(reports.compactMap { $0["name"] as? String } == ["sgemm"] + names)
        for report in reports.dropFirst() {
            #expect((report["images_per_s"] as? Double ?? 0) > 0 && report["episode"] is String, "\(report)")
        }
    }
}
