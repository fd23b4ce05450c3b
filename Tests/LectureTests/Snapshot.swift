import Foundation
import Testing
import TerminalUI

/// Compares a buffer's plain text with `Snapshots/<name>.txt` next to this file.
/// With `EPISCOPE_RECORD_SNAPSHOTS=1` the file is (re)written instead, and the test passes.
func assertSnapshot(_ buffer: Buffer, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.plainText() + "\n"
    if ProcessInfo.processInfo.environment["EPISCOPE_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(file.path); run with EPISCOPE_RECORD_SNAPSHOTS=1 to record it. Actual:\n\(actual)",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("snapshot \(name) differs\n--- expected\n\(expected)--- actual\n\(actual)---", sourceLocation: sourceLocation)
    }
}
