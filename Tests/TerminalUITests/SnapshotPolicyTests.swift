import Testing
import TestSupport

/// The snapshot helper's own rules: what a failing snapshot prints and when a run counts as CI.
@Suite struct SnapshotPolicyTests {
    @Test func aDiffMarksChangedLinesWithContextAndLineNumbers() {
        let expected = ["a", "b", "c", "d", "e", "f", "g", "h"].joined(separator: "\n")
        let actual = ["a", "b", "c", "D", "e", "f", "g", "h", "i"].joined(separator: "\n")
        let diff = SnapshotPolicy.lineDiff(expected: expected, actual: actual, context: 1)
        #expect(diff == ["@@ line 3", "  c", "- d", "+ D", "  e", "@@ line 8", "  h", "+ i"].joined(separator: "\n"))
    }

    @Test func identicalTextsHaveAnEmptyDiff() {
        #expect(SnapshotPolicy.lineDiff(expected: "x\ny\n", actual: "x\ny\n") == "")
    }

    @Test func ciIsTrueOrOne() {
        #expect(SnapshotPolicy.isCI(["CI": "true"]) && SnapshotPolicy.isCI(["CI": "1"]) && SnapshotPolicy.isCI(["CI": "TRUE"]))
        #expect(!SnapshotPolicy.isCI([:]) && !SnapshotPolicy.isCI(["CI": "false"]) && !SnapshotPolicy.isCI(["CI": ""]))
    }
}
