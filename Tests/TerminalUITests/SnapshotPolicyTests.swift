import Foundation
import TestSupport
import Testing

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

    /// A test file's path in a fresh folder, so snapshots land in `<folder>/Snapshots`.
    func scratchTestFile() throws -> (file: String, snapshots: URL) {
        let folder = try TestData.temporaryFolder()
        return (folder.appendingPathComponent("SomeTests.swift").path, folder.appendingPathComponent("Snapshots"))
    }

    @Test func aMissingSnapshotFailsInCIAndIsNotWritten() throws {
        let (file, snapshots) = try scratchTestFile()
        defer { try? FileManager.default.removeItem(at: snapshots.deletingLastPathComponent()) }
        withKnownIssue {
            assertSnapshot(text: "new\n", named: "fresh", filePath: file, environment: ["CI": "true"])
        }
        #expect(!FileManager.default.fileExists(atPath: snapshots.appendingPathComponent("fresh.txt").path))
    }

    @Test func aMissingSnapshotIsRecordedOutsideCIAndThenMatches() throws {
        let (file, snapshots) = try scratchTestFile()
        defer { try? FileManager.default.removeItem(at: snapshots.deletingLastPathComponent()) }
        assertSnapshot(text: "new\n", named: "fresh", filePath: file, environment: [:])
        #expect(try String(contentsOf: snapshots.appendingPathComponent("fresh.txt"), encoding: .utf8) == "new\n")
        assertSnapshot(text: "new\n", named: "fresh", filePath: file, environment: ["CI": "true"])
    }

    @Test func aDifferentTextFailsAndRecordingRewritesIt() throws {
        let (file, snapshots) = try scratchTestFile()
        defer { try? FileManager.default.removeItem(at: snapshots.deletingLastPathComponent()) }
        assertSnapshot(text: "old\n", named: "s", filePath: file, environment: ["EPISCOPE_RECORD_SNAPSHOTS": "1"])
        withKnownIssue {
            assertSnapshot(text: "changed\n", named: "s", filePath: file, environment: [:])
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("- old") && $0.rawValue.contains("+ changed") }
        }
        assertSnapshot(text: "changed\n", named: "s", filePath: file, environment: ["EPISCOPE_RECORD_SNAPSHOTS": "1", "CI": "true"])
        #expect(try String(contentsOf: snapshots.appendingPathComponent("s.txt"), encoding: .utf8) == "changed\n")
    }
}
