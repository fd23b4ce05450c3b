import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Lake's 20 runs")
struct OmniglotLakeRunsTests {
    private static let loaded = Result { try LakeRuns.load(from: TestData.omniglot(), matching: TestData.dataset()) }
    /// The runs, loaded once; without data every test here fails with the reason.
    static var runs: LakeRuns { get throws { try loaded.get() } }

    @Test("20 runs of 20-way 1-shot with 20 queries, total ink as Pillow counts it")
    func shape() throws {
        let runs = try Self.runs
        #expect(runs.runs.count == 20)
        #expect(runs.runs.map(\.number) == Array(1...20))
        for run in runs.runs {
            #expect(run.episode.ways == 20 && run.episode.shots == 1 && run.episode.queries.count == 20)
            #expect(run.alphabet != nil, "run \(run.number) spans several alphabets")
        }
        // Pillow 13: sum over the 800 PNGs of the number of 0 pixels (see OmniglotDecodeTests).
        #expect((0..<800).reduce(0) { $0 + runs.drawings.bitmap($1).inkCount } == 714_994)
    }

    @Test("class_labels.txt agrees with the drawings: each test item is drawn from the character of its labelled class")
    func labelsMatchDrawings() throws {
        let runs = try Self.runs
        let finder = DrawingFinder(dataset: try TestData.dataset(), set: .evaluation)
        for run in runs.runs {
            for (query, label) in zip(run.episode.queries, run.episode.queryLabels) {
                let identity = try #require(finder.identity(of: runs.drawings, index: Int(query.index)))
                #expect(identity == run.episode.classes[label].identity, "run \(run.number)")
            }
            // Lake's runs use each training class exactly once as a test answer.
            #expect(Set(run.episode.queryLabels).count == 20)
        }
    }

    @Test("run 1's first test item is labelled class08, as its class_labels.txt says")
    func firstLabel() throws {
        let runs = try Self.runs
        #expect(runs.runs[0].episode.queryLabels.prefix(4) == [7, 8, 1, 18])
    }

    @Test("official scoring: error rate per run, averaged")
    func scoring() throws {
        let runs = try Self.runs
        let perfect = runs.runs.map(\.episode.queryLabels)
        #expect(runs.score(predictions: perfect).meanErrorRate == 0)
        var oneWrong = perfect
        oneWrong[3][0] = (oneWrong[3][0] + 1) % 20
        let score = runs.score(predictions: oneWrong)
        #expect(score.perRun[3] == 0.05)
        #expect(abs(score.meanErrorRate - 0.0025) < 1e-12)
    }

    @Test("without the dataset, classes are named after their run")
    func unmatched() throws {
        let plain = try LakeRuns.load(from: try TestData.omniglot())
        #expect(plain.runs[6].episode.classes[2].identity == ClassIdentity(alphabet: "run07", character: 3))
        #expect(plain.runs[6].alphabet == nil)
    }
}
