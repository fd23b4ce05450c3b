import Foundation
import TestSupport
import Testing

/// The release binary's lecture in tmux: next, back, jump, hide chrome and quit.
@Suite("Lecture end to end", .serialized)
struct LectureEndToEndTests {
    @Test("a tour: next, back, jump, hide, quit", .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux (make deps installs it)"))
    func tour() throws {
        let binary = try TestBinary.require()
        let root = TestData.packageRoot.path
        let command =
            "sh -c 'cd \"\(root)\" && TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \"\(binary)\" lecture --no-mouse; echo EXITED status $?; sleep 30'"
        // The step count comes from the file, so adding a step does not break the tour.
        let lecture = try String(contentsOf: TestData.packageRoot.appendingPathComponent("assets/lectures/meta-learning.lecture"), encoding: .utf8)
        let count = lecture.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("==") }.count
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        defer { tmux.kill() }
        let first = tmux.waitFor(timeout: 30) { $0.contains("1/\(count)") }
        #expect(first.contains("Why few-shot"), "first step:\n\(first)")
        try tmux.send("Right")
        let second = tmux.waitFor { $0.contains("2/\(count)") }
        #expect(second.contains("meta-learning"), "next:\n\(second)")
        try tmux.send("Left")
        tmux.waitFor { $0.contains("1/\(count)") }
        try tmux.send("5", "Enter")
        let fifth = tmux.waitFor { $0.contains("5/\(count)") }
        #expect(fifth.contains("Omniglot up close"), "jump:\n\(fifth)")
        try tmux.send("h")
        let hidden = tmux.waitFor { !$0.contains("5/\(count)") && $0.contains("ONE alphabet") }
        #expect(!hidden.contains("q quit"), "chrome hidden:\n\(hidden)")
        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "quit:\n\(after)")
    }
}
