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
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        defer { tmux.kill() }
        let first = tmux.waitFor(timeout: 30) { $0.contains("1/15") }
        #expect(first.contains("Why few-shot"), "first step:\n\(first)")
        try tmux.send("Right")
        let second = tmux.waitFor { $0.contains("2/15") }
        #expect(second.contains("meta-learning"), "next:\n\(second)")
        try tmux.send("Left")
        tmux.waitFor { $0.contains("1/15") }
        try tmux.send("5", "Enter")
        let fifth = tmux.waitFor { $0.contains("5/15") }
        #expect(fifth.contains("meta-objective"), "jump:\n\(fifth)")
        try tmux.send("h")
        let hidden = tmux.waitFor { !$0.contains("5/15") && $0.contains("query-set loss") }
        #expect(!hidden.contains("q quit"), "chrome hidden:\n\(hidden)")
        try tmux.send("q")
        let after = tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED status 0"), "quit:\n\(after)")
    }
}
