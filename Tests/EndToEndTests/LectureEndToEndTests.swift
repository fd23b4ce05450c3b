import Foundation
import Testing

/// The release binary's lecture in tmux: next, back, jump, hide chrome and quit.
@Suite("Lecture end to end", .serialized)
struct LectureEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The release binary: `EPISCOPE_BINARY`, else `.build/release`, else a scratch path's release folder.
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["EPISCOPE_BINARY"], !explicit.isEmpty { return explicit }
        let candidates = [".build/release/episcope", ".build-lecture/release/episcope"].map { packageRoot.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()
    static let ready = FileManager.default.isExecutableFile(atPath: binary) && TmuxSession.tmuxPath != nil

    @Test("a tour: next, back, jump, hide, quit", .enabled(if: ready, "needs .build/release/episcope and tmux"))
    func tour() throws {
        let root = Self.packageRoot.path
        let command = "sh -c 'cd \"\(root)\" && TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \"\(Self.binary)\" lecture --no-mouse; echo EXITED status $?; sleep 30'"
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        defer { tmux.kill() }
        let first = tmux.waitFor(timeout: 30) { $0.contains("1/15") }
        #expect(first.contains("Why few-shot"), "first step:\n\(first)")
        try tmux.send("Right")
        let second = tmux.waitFor { $0.contains("2/15") }
        #expect(second.contains("meta-learning"), "next:\n\(second)")
        try tmux.send("Left")
        tmux.waitFor { $0.contains("1/15") }
        try tmux.send("5")
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
