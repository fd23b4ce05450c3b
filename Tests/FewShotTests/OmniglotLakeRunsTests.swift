import Foundation
import Testing
@testable import FewShot

@Suite("Lake's 20 runs")
struct OmniglotLakeRunsTests {
    static let runs: LakeRuns = {
        do { return try LakeRuns.load(from: DataTestSupport.omniglot, matching: DataTestSupport.dataset) } catch { fatalError("\(error)") }
    }()

    @Test("20 runs of 20-way 1-shot with 20 queries, total ink as Pillow counts it")
    func shape() {
        #expect(Self.runs.runs.count == 20)
        #expect(Self.runs.runs.map(\.number) == Array(1...20))
        for run in Self.runs.runs {
            #expect(run.episode.ways == 20 && run.episode.shots == 1 && run.episode.queries.count == 20)
            #expect(run.alphabet != nil, "run \(run.number) spans several alphabets")
        }
        // Pillow 13: sum over the 800 PNGs of the number of 0 pixels (see OmniglotDecodeTests).
        #expect((0..<800).reduce(0) { $0 + Self.runs.drawings.bitmap($1).inkCount } == 714_994)
    }

    @Test("class_labels.txt agrees with the drawings: each test item is drawn from the character of its labelled class")
    func labelsMatchDrawings() throws {
        let finder = DrawingFinder(dataset: DataTestSupport.dataset, set: .evaluation)
        for run in Self.runs.runs {
            for (query, label) in zip(run.episode.queries, run.episode.queryLabels) {
                let identity = try #require(finder.identity(of: Self.runs.drawings, index: Int(query.index)))
                #expect(identity == run.episode.classes[label].identity, "run \(run.number)")
            }
            // Lake's runs use each training class exactly once as a test answer.
            #expect(Set(run.episode.queryLabels).count == 20)
        }
    }

    @Test("run 1's first test item is labelled class08, as its class_labels.txt says")
    func firstLabel() {
        #expect(Self.runs.runs[0].episode.queryLabels.prefix(4) == [7, 8, 1, 18])
    }

    @Test("official scoring: error rate per run, averaged")
    func scoring() {
        let perfect = Self.runs.runs.map(\.episode.queryLabels)
        #expect(Self.runs.score(predictions: perfect).meanErrorRate == 0)
        var oneWrong = perfect
        oneWrong[3][0] = (oneWrong[3][0] + 1) % 20
        let score = Self.runs.score(predictions: oneWrong)
        #expect(score.perRun[3] == 0.05)
        #expect(abs(score.meanErrorRate - 0.0025) < 1e-12)
    }

    @Test("without the dataset, classes are named after their run")
    func unmatched() throws {
        let plain = try LakeRuns.load(from: DataTestSupport.omniglot)
        #expect(plain.runs[6].episode.classes[2].identity == ClassIdentity(alphabet: "run07", character: 3))
        #expect(plain.runs[6].alphabet == nil)
    }
}
