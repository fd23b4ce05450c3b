import ExplorerApp
import TerminalUI
import TestSupport
import Testing

/// The Compare screen drawn from the learners' real evidence on a seeded test episode, and the
/// Prototypes screen's cosine toggle.
@Suite("Compare screen", .serialized)
struct CompareScreenTests {
    static let sizes = [(160, 48), (100, 30), (80, 24)]

    @Test("compare screen: shipped ProtoNet and Matching Networks, the other two say they have no model", arguments: sizes)
    func snapshot(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = CompareFixture.render(CompareFixture.shipped, width: width, height: height)
        let text = frame.plainText()
        // Narrow panels title the learners by their short names.
        for name in MetricLearnerKind.allCases.map(\.shortName) + ["Who is right", "Query q1"] {
            #expect(text.contains(name), "\(name) at \(width)x\(height):\n\(text)")
        }
        #expect(text.contains("no model"), "the learners without a model say so:\n\(text)")
        assertSnapshot(frame, named: "compare-\(width)x\(height)")
    }

    @Test("with all four models every panel draws its prediction, right or wrong, and its probability")
    func allFour() throws {
        _ = try TestData.omniglot()
        let text = CompareFixture.render(CompareFixture.allFour, width: 160, height: 48).plainText()
        #expect(!text.contains("no model"), "\(text)")
        let titled = text.split(separator: "\n").filter { $0.contains("→") && ($0.contains("✓") || $0.contains("✗")) }
        // Panels sit two to a row, so four verdicts appear in the top borders of two rows.
        let verdicts = titled.map { $0.components(separatedBy: "→").count - 1 }.reduce(0, +)
        #expect(verdicts == 4, "four predictions with their marks:\n\(text)")
        #expect(text.contains("P(same)"), "\(text)")
        #expect(text.contains(" r 0.") || text.contains(" r 1."), "\(text)")
        let ascii = CompareFixture.render(CompareFixture.allFour, width: 160, height: 48, charset: .ascii)
        #expect(ascii.plainText().unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(ascii, named: "compare-all-four-ascii-160x48")
    }

    @Test("10-way 5-shot: a row per class, numbers lined up, each support drawing's pair score, cosine and attention")
    func manyShots() throws {
        _ = try TestData.omniglot()
        let frame = CompareFixture.withLoop(CompareFixture.allFour) { loop -> Buffer in
            for _ in 0..<5 { loop.iterate(with: .key(.char("+"))) }
            for _ in 0..<4 { loop.iterate(with: .key(.char("]"))) }
            loop.settle()
            loop.iterate(with: nil)
            return loop.terminal.lastFrame
        }
        let text = frame.plainText()
        #expect(text.contains("q10") && !text.contains("q11"), "\(text)")
        #expect(text.contains(" 1  pair .") || text.contains(" 1* pair ."), "\(text)")
        #expect(text.contains("10  cos .") || text.contains("10* cos ."), "\(text)")
        assertSnapshot(frame, named: "compare-all-four-10way5shot-160x48")
    }

    @Test("d finds an episode where the learners differ and selects the query they differ on")
    func findDisagreement() throws {
        _ = try TestData.omniglot()
        let (state, text) = CompareFixture.withLoop(CompareFixture.allFour) { loop -> (AppState, String) in
            loop.iterate(with: .key(.char("d")))
            loop.settle()
            loop.iterate(with: nil)
            return (loop.state, loop.terminal.lastFrame.plainText())
        }
        let view = try #require(state.compare.view)
        #expect(view.searchedEpisodes != nil && view.episodeNumber == view.searchedEpisodes)
        #expect(state.episode.episodeNumber == view.episodeNumber)
        #expect(view.disagree(on: state.episode.selectedQuery))
        #expect(text.contains("they differ on q\(state.episode.selectedQuery + 1)"), "\(text)")
    }

    @Test("c on the Prototypes screen shows cosine distances and both accuracies")
    func prototypesCosine() throws {
        _ = try TestData.omniglot()
        let frame = Fixture.withLoop(.prototypes) { loop -> Buffer in
            loop.iterate(with: .key(.char("c")))
            return loop.terminal.lastFrame
        }
        let text = frame.plainText()
        #expect(text.contains("Cosine distance"), "\(text)")
        #expect(text.contains("cosine") && text.contains("squared"), "\(text)")
        assertSnapshot(frame, named: "prototypes-cosine-100x30")
    }
}
