import Foundation
import Lecture
import Testing

/// Replays every lecture file the fuzzer made the parser crash or hang with (kept in
/// `Tests/FuzzRegressions/lecture/` by `make fuzz`, see docs/fuzzing.md): each must now parse or
/// be rejected with a ``LectureError``.
@Suite("Lecture fuzz regressions")
struct LectureFuzzRegressionTests {
    @Test("lecture parser")
    func lecture() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("FuzzRegressions/lecture")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            print("fuzz regression: lecture/\(name)")
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            // As `LectureParser.load(path:)` reads a file: bytes that are not UTF-8 are rejected first.
            guard let text = String(data: data, encoding: .utf8) else { continue }
            _ = try? LectureParser.parse(text, source: name)
        }
    }
}
