import Foundation
import TestSupport
import Testing

/// The release binary in tmux: it starts, draws glyphs and labels, answers keys, survives a
/// resize and leaves the shell usable when it quits.
@Suite("Explorer end to end", .serialized)
struct ExplorerEndToEndTests {
    static let hasTmux = TmuxSession.tmuxPath != nil

    /// The binary under `sh`, echoing EXITED afterwards so the test can see the shell got control
    /// back. `data` is handed over as `EPISCOPE_DATA`, so the binary reads what the tests found.
    func start(_ arguments: String, data: URL? = nil, width: Int = 100, height: Int = 30, term: String = "xterm-256color") throws -> TmuxSession {
        let binary = try TestBinary.require()
        let root = TestData.packageRoot.path
        let environment = data.map { "EPISCOPE_DATA=\"\($0.path)\" " } ?? ""
        let command =
            "sh -c 'cd \"\(root)\" && \(environment)TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 \"\(binary)\" \(arguments); echo EXITED status $?; sleep 30'"
        return try TmuxSession(command: command, width: width, height: height)
    }

    @Test("episode screen: glyphs, labels, help, Tab, resize, quit", .enabled(if: hasTmux, "needs tmux (make deps installs it)"))
    func episode() throws {
        let tmux = try start("--screen episode --seed 7", data: try TestData.omniglot().directory)
        defer { tmux.kill() }
        let first = tmux.waitFor(timeout: 60) { $0.contains("Support set") && $0.contains("right") }
        #expect(first.contains("1 Episode"), "tabs drawn:\n\(first)")
        #expect(first.contains("Queries"), "query panel drawn:\n\(first)")
        // Drawings come out of the ASCII density ramp: dense characters where the ink is.
        #expect(first.contains("@") || first.contains("%") || first.contains("#"), "glyphs drawn:\n\(first)")
        #expect(first.contains("✓") || first.contains("✗"), "verdicts drawn:\n\(first)")

        try tmux.send("?")
        let help = tmux.waitFor { $0.contains("Help") && $0.contains("sample a new episode") }
        #expect(help.contains("quit"), "help drawn:\n\(help)")
        try tmux.send("Escape")
        tmux.waitFor { !$0.contains("sample a new episode") }

        try tmux.send("Tab")
        let prototypes = tmux.waitFor { $0.contains("Squared distance") }
        #expect(prototypes.contains("Softmax"), "Tab went to the Prototypes screen:\n\(prototypes)")

        try tmux.resize(width: 120, height: 36)
        let wide = tmux.waitFor { $0.split(separator: "\n").contains { $0.count > 100 && $0.contains("episcope") } }
        #expect(wide.contains("Squared distance"), "redrawn at 120x36:\n\(wide)")
        try tmux.resize(width: 70, height: 20)
        let small = tmux.waitFor { $0.contains("Terminal too small") }
        #expect(small.contains("80x24 needed"), "too-small notice:\n\(small)")
        try tmux.resize(width: 100, height: 30)
        tmux.waitFor { $0.contains("Squared distance") }

        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "the shell got control back:\n\(after)")
    }

    @Test(
        "compare screen: the four learners, d finds where they differ, arrows select; c toggles the prototypes' distance",
        .enabled(if: hasTmux, "needs tmux (make deps installs it)"))
    func compare() throws {
        let tmux = try start("--screen compare --seed 7", data: try TestData.omniglot().directory, width: 160, height: 48)
        defer { tmux.kill() }
        let first = tmux.waitFor(timeout: 60) { $0.contains("Who is right") && $0.contains("ProtoNet") }
        for name in ["6 Compare", "Siamese network", "Matching Networks", "Relation Networks", "Query q1", "d differ"] {
            #expect(first.contains(name), "\(name) drawn:\n\(first)")
        }
        try tmux.send("j")
        let second = tmux.waitFor { $0.contains("Query q2") }
        #expect(second.contains("Query q2"), "j selected the next query:\n\(second)")
        try tmux.send("d")
        let differ = tmux.waitFor(timeout: 60) { $0.contains("they differ on q") }
        #expect(differ.contains("they differ on q"), "d found an episode where they differ:\n\(differ)")
        #expect(differ.contains("≠"), "the summary marks the query they differ on:\n\(differ)")
        try tmux.send("?")
        let help = tmux.waitFor { $0.contains("sample episodes until the learners disagree") }
        #expect(help.contains("go to screen 1 to 7"), "help lists the new screen:\n\(help)")
        try tmux.send("Escape")
        try tmux.send("2")
        let squared = tmux.waitFor { $0.contains("Squared distance") && $0.contains("c metric") }
        #expect(squared.contains("squared") && squared.contains("cosine"), "both accuracies under the distances:\n\(squared)")
        try tmux.send("c")
        let cosine = tmux.waitFor { $0.contains("Cosine distance") }
        #expect(cosine.contains("c cosine"), "c switched to cosine distance:\n\(cosine)")
        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "the shell got control back:\n\(after)")
    }

    @Test(
        "memory screen: steps forward and back, end, play, a new sequence, the LSTM baseline, help; 7 from another screen",
        .enabled(if: hasTmux, "needs tmux (make deps installs it)"))
    func memory() throws {
        let tmux = try start("--screen episode --seed 7", data: try TestData.omniglot().directory, width: 160, height: 48)
        defer { tmux.kill() }
        tmux.waitFor(timeout: 60) { $0.contains("Support set") }
        try tmux.send("7")
        let first = tmux.waitFor(timeout: 60) { $0.contains("Step 1 of 50") }
        for name in ["7 Memory", "MANN's memory", "Sequence", "By instance", "b LSTM", "sequence 0"] {
            #expect(first.contains(name), "\(name) drawn:\n\(first)")
        }
        try tmux.send("Space")
        try tmux.send("Right")
        tmux.waitFor { $0.contains("Step 3 of 50") }
        try tmux.send(",")
        tmux.waitFor { $0.contains("Step 2 of 50") }
        try tmux.send("e")
        tmux.waitFor { $0.contains("Step 50 of 50") }
        try tmux.send("b")
        let baseline = tmux.waitFor { $0.contains("This sequence: LSTM baseline") }
        #expect(baseline.contains("This sequence: LSTM baseline"), "b showed the baseline:\n\(baseline)")
        try tmux.send("a")
        // At the end, a plays again from the first step, one step at a time.
        let playing = tmux.waitFor(timeout: 30) { s in (2...49).contains { s.contains("Step \($0) of 50") } }
        #expect(!playing.contains("Step 50 of 50"), "playing from the start:\n\(playing)")
        try tmux.send("a")
        try tmux.send("n")
        let next = tmux.waitFor(timeout: 60) { $0.contains("sequence 1") && $0.contains("Step 1 of 50") }
        #expect(next.contains("Step 1 of 50"), "n drew a new sequence:\n\(next)")
        try tmux.send("?")
        let help = tmux.waitFor { $0.contains("play the sequence to its end") }
        #expect(help.contains("go to screen 1 to 7"), "help lists the Memory keys:\n\(help)")
        try tmux.send("Escape")
        try tmux.resize(width: 80, height: 24)
        let small = tmux.waitFor { $0.contains("7 Memory") && $0.contains("By instance") }
        #expect(small.contains("1 Episode"), "every tab at 80x24:\n\(small)")
        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "the shell got control back:\n\(after)")
    }

    @Test(
        "TERM=dumb: one clear line and a failing exit, for the explorer and the lecture, not a blank screen",
        .enabled(if: hasTmux, "needs tmux (make deps installs it)"), arguments: ["--screen sine", "lecture"])
    func dumbTerminal(arguments: String) throws {
        let tmux = try start(arguments, term: "dumb")
        defer { tmux.kill() }
        let after = tmux.waitFor(timeout: 30) { $0.contains("EXITED") }
        #expect(after.contains("TERM=dumb cannot move the cursor"), "message:\n\(after)")
        #expect(after.contains("EXITED status ") && !after.contains("EXITED status 0"), "a failing exit:\n\(after)")
        let lines = after.split(separator: "\n").filter { $0.contains("episcope: error") }
        #expect(lines.count == 1, "one line:\n\(after)")
    }

    @Test(
        "training screen: p picks the live preset, s trains sine MAML and its error on unseen tasks comes in as it trains",
        .enabled(if: hasTmux, "needs tmux (make deps installs it)"))
    func liveTraining() throws {
        let tmux = try start("--screen training --seed 7", width: 100, height: 30)
        defer { tmux.kill() }
        tmux.waitFor(timeout: 60) { $0.contains("Meta-loss") && $0.contains("p preset") }
        try tmux.send("p")
        let chosen = tmux.waitFor { $0.contains("live preset") && $0.contains("first test after 500 it") }
        #expect(chosen.contains("Error on unseen tasks"), "the held-out chart waits for its first test:\n\(chosen)")
        try tmux.send("s")
        let tested = tmux.waitFor(timeout: 120) { $0.contains("MSE ") && $0.contains(" at ") && $0.contains("goal 0.7") }
        #expect(tested.contains("Unseen tasks") && tested.contains("● test"), "a held-out figure arrived during the run:\n\(tested)")
        try tmux.send("x")
        tmux.waitFor { $0.contains("stopped") }
        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "the shell got control back:\n\(after)")
    }

    @Test(
        "sine screen opens without data and quits on Ctrl-C",
        .enabled(if: hasTmux, "needs tmux (make deps installs it)"))
    func sine() throws {
        let tmux = try start("--screen sine --seed 7", width: 80, height: 24)
        defer { tmux.kill() }
        let screen = tmux.waitFor(timeout: 60) { $0.contains("Sine task") && $0.contains("MSE") }
        #expect(screen.contains("support points"), "legend drawn:\n\(screen)")
        try tmux.send(" ")
        let stepped = tmux.waitFor { $0.contains("step 1 of 10") }
        #expect(stepped.contains("step 1 of 10"), "Space took one inner step:\n\(stepped)")
        try tmux.send("C-c")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "the shell got control back:\n\(after)")
    }
}
