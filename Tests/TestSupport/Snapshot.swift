import Foundation
import TerminalUI
import Testing

/// Compares a buffer's plain text with `Snapshots/<name>.txt` beside the calling test file.
///
/// The one snapshot policy of the test targets (the README's "Tests" section says the same):
/// - A snapshot that differs fails the test with a line diff (`-` expected, `+` actual, a few
///   lines of context), so the change can be read in the test log.
/// - `EPISCOPE_RECORD_SNAPSHOTS=1 make test` (or `swift test`) rewrites every snapshot it
///   reaches instead of comparing; the test passes and says what it wrote. Review the files
///   with `git diff` before committing them.
/// - A missing snapshot is written and reported outside CI, so a new test records its first
///   snapshot. In CI (`CI` set to `true` or `1`) a missing snapshot fails instead: a snapshot
///   nobody committed must never be recorded silently and pass.
public func assertSnapshot(
    _ buffer: Buffer,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    assertSnapshot(text: buffer.plainText() + "\n", named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares `actual` with `Snapshots/<name>.txt` beside the calling test file, under the policy
/// of ``assertSnapshot(_:named:filePath:sourceLocation:)``.
/// `environment` is the process's own, given explicitly only by the tests of this policy.
public func assertSnapshot(
    text actual: String,
    named name: String,
    filePath: String = #filePath,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    func record(_ reason: String) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            print("snapshot \(name): \(reason), wrote \(file.path)")
        } catch {
            Issue.record("could not record snapshot \(name) at \(file.path): \(error)", sourceLocation: sourceLocation)
        }
    }
    if environment["EPISCOPE_RECORD_SNAPSHOTS"] == "1" {
        record("EPISCOPE_RECORD_SNAPSHOTS=1")
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        if SnapshotPolicy.isCI(environment) {
            Issue.record(
                "missing snapshot \(file.path) (not recorded in CI); record it with EPISCOPE_RECORD_SNAPSHOTS=1 and commit it. Actual:\n\(actual)",
                sourceLocation: sourceLocation)
        } else {
            record("missing")
        }
        return
    }
    if expected != actual {
        let diff = SnapshotPolicy.lineDiff(expected: expected, actual: actual)
        Issue.record(
            "snapshot \(name) differs from \(file.path) (- expected, + actual); if the change is intended, record it with EPISCOPE_RECORD_SNAPSHOTS=1\n\(diff)",
            sourceLocation: sourceLocation)
    }
}

/// The parts of the snapshot policy that are plain functions, so they can be tested.
public enum SnapshotPolicy {
    /// Whether the environment says this is a CI run (`CI=true` or `CI=1`, as CI services set it).
    public static func isCI(_ environment: [String: String]) -> Bool {
        ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
    }

    /// A line diff of two texts: changed lines marked `-` (expected) and `+` (actual), with
    /// `context` unchanged lines around each change and `@@ line N` where a hunk starts.
    /// A longest-common-subsequence diff: snapshots are a few dozen lines, so its quadratic
    /// table costs nothing and gives the smallest diff, which a greedy diff would not.
    public static func lineDiff(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // common[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var common = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        enum Line { case same(String, Int), removed(String, Int), added(String) }
        var lines: [Line] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count && j < new.count && old[i] == new[j] {
                lines.append(.same(old[i], i + 1)); i += 1; j += 1
            } else if i < old.count && (j == new.count || common[i + 1][j] >= common[i][j + 1]) {
                lines.append(.removed(old[i], i + 1)); i += 1
            } else {
                lines.append(.added(new[j])); j += 1
            }
        }
        let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(lines.count - 1, index + context)) }
        var out: [String] = []
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 {
                let start: Int
                switch lines[index] {
                case .same(_, let n), .removed(_, let n): start = n
                case .added: start = lines[..<index].reduce(1) { n, line in if case .added = line { return n } else { return n + 1 } }
                }
                out.append("@@ line \(start)")
            }
            switch lines[index] {
            case .same(let text, _): out.append("  " + text)
            case .removed(let text, _): out.append("- " + text)
            case .added(let text): out.append("+ " + text)
            }
            previous = index
        }
        return out.joined(separator: "\n")
    }
}
