import ExplorerApp
import Lecture
import TestSupport
import Testing

/// Compare steps: the screen name and `disagree`, and what a step opens on.
@Suite("Lecture compare steps")
struct LectureCompareTests {
    @Test("a compare step takes the episode settings and disagree: on")
    func parses() throws {
        let lecture = try LectureParser.parse(
            """
            == Side by side
            screen: compare
            seed: 5
            ways: 6
            shots: 2
            alphabet: within
            disagree: on
            > Four learners, one episode.
            """)
        let step = lecture.steps[0]
        #expect(step.figure == .screen(.compare))
        #expect(step.settings.disagree == true && step.settings.ways == 6 && step.settings.withinAlphabet == true)
    }

    @Test("disagree wants on or off, with its line")
    func rejects() {
        do {
            _ = try LectureParser.parse("== A\nscreen: compare\ndisagree: perhaps\n", source: "bad.lecture")
            Issue.record("accepted disagree: perhaps")
        } catch {
            #expect(error.line == 3 && error.message.contains("on or off"), "\(error)")
        }
    }

    @Test("the built-in lecture has Siamese, Matching and Relation steps and a disagreement on the Compare screen, after the prototypes")
    func builtInSteps() throws {
        let lecture = try LectureParser.load(path: LectureTests.builtInPath)
        let titles = lecture.steps.map(\.title)
        let compare = lecture.steps.indices.filter { lecture.steps[$0].figure == .screen(.compare) }
        #expect(compare.map { titles[$0] } == ["Siamese networks", "Matching Networks", "Relation Networks", "Where they disagree"])
        let lastPrototypes = try #require(lecture.steps.lastIndex { $0.figure == .screen(.prototypes) })
        #expect(compare.first == lastPrototypes + 1 && compare == Array(compare.first!...compare.last!), "one block after the ProtoNet steps")
        #expect(lecture.steps[compare.last!].settings.disagree == true)
        for index in compare.dropLast() { #expect(lecture.steps[index].caption.joined().contains("(20")) }
    }
}
