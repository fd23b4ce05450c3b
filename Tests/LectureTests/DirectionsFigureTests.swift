import Lecture
import TerminalUI
import Testing

/// The directions figure draws from the step's settings alone, and a step size that blows the
/// inner step up says so instead of printing "nan" angles.
@Suite("Lecture directions figure")
struct DirectionsFigureTests {
    func frame(_ settings: String) throws -> String {
        let lecture = try LectureParser.parse("== Directions\nscreen: directions\n\(settings)\n> The three rules.\n")
        var buffer = Buffer(width: 100, height: 30)
        LectureView.render(LectureState(lecture: lecture), into: &buffer)
        return buffer.plainText()
    }

    @Test func theSineStepsTaskWithEachRulesAngleAndLoss() throws {
        let text = try frame("seed: 7\nalpha: 0.01")
        #expect(text.contains("A 3.53  φ 0.88  K 5  α 0.010"), "the task of the sine steps:\n\(text)")
        for row in ["MAML                0.0°", "first-order MAML", "Reptile (k = 5)"] { #expect(text.contains(row), "\(row):\n\(text)") }
        #expect(text.contains("(lower)") && !text.contains("nan"), "\(text)")
    }

    @Test func aDivergingStepSaysSo() throws {
        let text = try frame("alpha: 1e30")
        #expect(text.contains("diverged") && !text.contains("nan"), "\(text)")
    }
}
