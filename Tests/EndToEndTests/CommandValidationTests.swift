import Foundation
import TestSupport
import Testing

/// Mistakes on the command line, as a user makes them: the built binary must answer each with
/// one `episcope: error:` line that names the option, a usage exit status (64), nothing on
/// stdout, and no crash or work first. And `--json` output that survives any path.
@Suite struct CommandValidationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-validation-\(getpid())").path

    /// A rejected input that starts the work anyway (eval --ways 1000 did, for minutes) is killed
    /// after a minute and fails, instead of hanging the suite.
    func run(_ arguments: [String]) throws -> TestBinary.Output { try TestBinary.run(arguments, timeout: 60) }

    /// Runs `arguments` and checks the answer is the usage error whose line contains `message`.
    func expectRejected(_ arguments: [String], saying message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments)
        let command = arguments.joined(separator: " ")
        #expect(r.status == 64, "\(command): exit \(r.status), stderr \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("episcope: error: ") && r.stderr.contains(message), "\(command): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(command): more than one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "\(command): printed \(r.stdout)", sourceLocation: sourceLocation)
    }

    // MARK: - Issue 12's defects

    @Test func countsMustBePositive() throws {
        // These crashed with a precondition failure and a backtrace (exit 132).
        try expectRejected(["episode", "--dataset", "sine", "--shots", "0"], saying: "--shots must be positive (got 0)")
        try expectRejected(["episode", "--dataset", "sine", "--queries", "0", "--shots", "3"], saying: "--queries must be positive (got 0)")
        // This printed 0.00% and exited 0.
        try expectRejected(["eval", "--episodes", "0"], saying: "--episodes must be positive (got 0)")
        // This said "Missing value": a negative number is a value too.
        try expectRejected(["eval", "--episodes", "-5"], saying: "--episodes must be positive (got -5)")
        try expectRejected(
            ["ship", "assets/models/maml-sine.safetensors", "--to", folder + "/x.safetensors", "--episodes", "0"],
            saying: "--episodes must be positive (got 0)")
        try expectRejected(
            ["train", "maml", "--iterations", "-1", "--out", folder + "/x.safetensors"], saying: "--iterations must be positive (got -1)")
        try expectRejected(
            ["train", "maml", "--validate-every", "-1", "--out", folder + "/x.safetensors"], saying: "--validate-every must be 0 or more (got -1)")
        try expectRejected(["train", "maml", "--meta-lr", "-0.5", "--out", folder + "/x.safetensors"], saying: "--meta-lr must be a positive number")
        try expectRejected(["lecture", "--step", "0"], saying: "--step must be positive (got 0)")
        try expectRejected(["episode", "--dataset", "sine", "--seed", "-1"], saying: "The value '-1' is invalid for '--seed <seed>'")
        try expectRejected(["episode", "--run", "21"], saying: "--run must be 1...20 (got 21)")
        try expectRejected(["episode", "--sequence", "--run", "3"], saying: "--sequence draws Omniglot sequences from a split")
        try expectRejected(["episode", "--sequence", "--shots", "21"], saying: "21 shots + 0 queries per class exceed the 20 drawings")
        try expectRejected(
            ["episode", "--checkpoint", "m.safetensors"], saying: "--checkpoint adds the model's answers to the JSON output; add --json")
    }

    @Test func countsMustFitBeforeWorkStarts() throws {
        // This ran silently for minutes.
        try expectRejected(["eval", "--ways", "1000"], saying: "--ways must be 2...100 (got 1000)")
        try expectRejected(["eval", "--ways", "1"], saying: "--ways must be 2...100 (got 1)")
        try expectRejected(["lecture", "--step", "99"], saying: "--step 99 is past the end: the lecture has")
        try expectRejected(["episode", "--shots", "10", "--queries", "15"], saying: "10 shots + 15 queries per class exceed the 20 drawings")
        try expectRejected(
            ["train", "reptile", "--inner-batch", "60", "--out", folder + "/x.safetensors"],
            saying: "--inner-batch 60 does not fit a support set of 5 ways x 10 shots")
    }

    @Test func trainRejectsPairsWithoutARecipe() throws {
        let out = folder + "/protonet-sine.safetensors"
        // ProtoNet on sine trained and reported NaN; Reptile on sine trained MAML under its name.
        try expectRejected(["train", "protonet", "--dataset", "sine", "--out", out], saying: "protonet is not defined on sine")
        try expectRejected(["train", "relation", "--dataset", "sine", "--out", out], saying: "sine trains maml, fomaml, reptile, pretrained")
        try expectRejected(["train", "pretrained", "--out", out], saying: "pretrained is not defined on omniglot")
        try expectRejected(
            ["train", "relation", "--preset", "live", "--out", out],
            saying: "--preset live has no schedule for relation on omniglot; it has one for protonet on omniglot and maml on sine")
        try expectRejected(["train", "maml", "--preset", "fast", "--out", out], saying: "The value 'fast' is invalid for '--preset <preset>'")
        try expectRejected(["train", "maml", "--test-every", "-1", "--out", out], saying: "--test-every must be 0 or more (got -1)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func sequenceModelOptionsAreChecked() throws {
        let out = folder + "/mann.safetensors"
        try expectRejected(["train", "mann", "--read-heads", "0", "--out", out], saying: "--read-heads must be 1...1024 (got 0)")
        try expectRejected(["train", "lstm", "--controller-units", "5000", "--out", out], saying: "--controller-units must be 1...1024 (got 5000)")
        try expectRejected(["train", "mann", "--usage-decay", "1.5", "--out", out], saying: "--usage-decay must lie strictly between 0 and 1")
        try expectRejected(
            ["train", "mann", "--memory-slots", "2", "--read-heads", "4", "--out", out], saying: "--read-heads 4 exceed the 2 memory slots")
        try expectRejected(["train", "mann", "--shots", "25", "--out", out], saying: "--shots 25 drawings per class exceed the 20 drawings")
        try expectRejected(["train", "protonet", "--memory-slots", "64", "--out", out], saying: "--memory-slots sizes MANN and the LSTM baseline")
        try expectRejected(["train", "mann", "--dataset", "sine", "--out", out], saying: "mann is not defined on sine")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func sineWidthIsChecked() throws {
        let out = folder + "/wide-sine.safetensors"
        try expectRejected(
            ["train", "maml", "--dataset", "sine", "--hidden-units", "0", "--out", out], saying: "--hidden-units must be 1...1024 (got 0)")
        try expectRejected(
            ["train", "reptile", "--dataset", "sine", "--hidden-units", "2000", "--out", out],
            saying: "--hidden-units must be 1...1024 (got 2000): a checkpoint reader refuses wider sine networks")
        try expectRejected(
            ["train", "maml", "--dataset", "sine", "--hidden-units", "-8", "--out", out], saying: "--hidden-units must be 1...1024 (got -8)")
        try expectRejected(
            ["train", "protonet", "--hidden-units", "80", "--out", out],
            saying: "--hidden-units sizes the sine MLP; protonet on omniglot has no such network")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func foldersMustExist() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/not-a-folder.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        // This printed an empty table and exited 0.
        try expectRejected(["models", "--folder", "/nonexistent"], saying: "--folder /nonexistent: no such folder")
        try expectRejected(["models", "--models", "/nonexistent"], saying: "--models /nonexistent: no such folder")
        try expectRejected(["render", "--screen", "sine", "--models", file], saying: "is a file, not a folder")
        // This printed Foundation's raw "file exists" error.
        try expectRejected(["lecture", "--export", file], saying: "--export \(file) exists and is not a folder")
    }

    // MARK: - Typed arguments list what they accept

    @Test func wrongNamesListTheRightOnes() throws {
        // Six names and more, the argument parser lists them without quotes.
        try expectRejected(["render", "--screen", "nope"], saying: "one of episode, prototypes, inner, sine, training, compare, memory")
        try expectRejected(["explore", "--screen", "nope"], saying: "one of episode, prototypes, inner, sine, training, compare, memory")
        try expectRejected(["render", "--screen", "sine", "--size", "100by30"], saying: "wants WIDTHxHEIGHT between 1x1 and 1000x500")
        try expectRejected(["lecture", "--size", "0x30"], saying: "wants WIDTHxHEIGHT")
        try expectRejected(["lecture", "--theme", "dark"], saying: "'standard' and 'projector'")
        try expectRejected(["episode", "--split", "omniglot"], saying: "'vinyals', 'lake', 'small1' or 'small2'")
        try expectRejected(["episode", "--part", "dev"], saying: "'train', 'val', 'trainval' or 'test'")
        try expectRejected(
            ["train", "protonet", "--meta-loss", "every", "--out", folder + "/x.safetensors"], saying: "--meta-loss chooses MAML's meta-loss on sine")
        try expectRejected(
            ["train", "maml", "--dataset", "sine", "--meta-loss", "all", "--out", folder + "/x.safetensors"],
            saying: "'last', 'every' or 'first-last'")
        try expectRejected(["eval", "--split", "nope"], saying: "'vinyals', 'lake', 'small1' or 'small2'")
        try expectRejected(["train", "maml", "--test-setting", "5", "--out", folder + "/x.safetensors"], saying: "wants WAYSxSHOTS, e.g. 5x1")
        try expectRejected(["train", "maml", "--test-setting", "1x1", "--out", folder + "/x.safetensors"], saying: "at least 2 ways and 1 shot")
        // A prefix of a name used to run nothing at all, without a word.
        try expectRejected(
            ["bench", "--only", "convnet4"],
            saying:
                "sgemm, convnet4_train, maml_sine, maml_sine_tape, maml_omniglot, protonet_episode, matching_episode, siamese_episode, relation_episode, mann_train, protonet_eval, protonet_time_to_95, protonet_time_to_98, sine_time_to_0.7, omniglot_load, ui_frame, ui_latency"
        )
    }

    @Test func helpStillPrintsInFull() throws {
        let r = try run(["eval", "--help"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("USAGE: episcope eval") && r.stdout.contains("--data <data>"), "\(r.stdout)")
        for command in ["explore", "render", "lecture"] {
            let help = try run([command, "--help"]).stdout
            #expect(help.contains("--data <data>") && help.contains("--models <models>"), "\(command): \(help)")
        }
    }

    // MARK: - What is accepted works

    @Test func sineEpisodeTakesItsCounts() throws {
        let r = try run(["episode", "--dataset", "sine", "--shots", "3", "--queries", "2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let episode = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((episode["support"] as? [Any])?.count == 3 && (episode["query"] as? [Any])?.count == 2, "\(r.stdout)")
    }

    @Test func sizeIsWidthByHeightInCells() throws {
        let r = try run(["render", "--screen", "sine", "--size", "90X25"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // Trailing blanks are trimmed, so the widest line is the width.
        #expect(lines.count == 25 && lines.map(\.count).max() == 90, "\(lines.map(\.count))")
    }

    @Test func evalJSONSurvivesAQuoteInThePath() throws {
        let quoted = folder + "/the \"best\" model\\1.safetensors"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: quoted)
        try FileManager.default.copyItem(
            atPath: TestData.packageRoot.appendingPathComponent("assets/models/maml-sine.safetensors").path, toPath: quoted)
        let r = try run(["eval", "--checkpoint", quoted, "--shots", "5", "--episodes", "5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let result = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "not JSON: \(r.stdout)")
        #expect(result["checkpoint"] as? String == quoted)
        #expect(result["tasks"] as? Int == 5 && result["shots"] as? Int == 5)
        for key in ["mse_before", "mse_step1", "mse_step5", "mse_step10"] { #expect(result[key] is Double, "\(key) in \(r.stdout)") }
    }

    @Test func benchRunsExactlyTheNamedBenchmark() throws {
        let r = try run(["bench", "--json", "--only", "maml_sine"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["name"] as? String
        }
        // sgemm always runs: every other figure is read against it.
        #expect(names == ["sgemm", "maml_sine"], "\(r.stdout)")
        // The tape's line comes from the same interleaved measurement, and alone when asked for alone.
        let tape = try run(["bench", "--json", "--only", "maml_sine_tape"])
        #expect(tape.status == 0, "\(tape.stderr)")
        #expect(
            tape.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["name"] as? String
            } == ["sgemm", "maml_sine_tape"], "\(tape.stdout)")
        #expect(tape.stdout.contains("second_order_replay_over_tape"), "\(tape.stdout)")
    }
}
