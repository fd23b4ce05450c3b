import Foundation

/// A tmux server on a private socket for the lecture tour. Unlike `TmuxSession` it never calls
/// `Process.waitUntilExit` (which can hang on Linux when the child exits early under a busy
/// parallel test run): it polls with a deadline, and the server never inherits a pipe.
final class LectureTmux {
    let socket = "episcope-lecture-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    private var alive = false

    init(command: String, width: Int, height: Int) throws {
        _ = try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command], capture: false)
        alive = true
    }

    deinit { kill() }

    func send(_ keys: String...) throws { _ = try run(["send-keys", "-t", "0"] + keys, capture: false) }

    func capture() -> String { (try? run(["capture-pane", "-p", "-t", "0"], capture: true)) ?? "" }

    /// Polls until `condition` holds on two equal captures in a row, or `timeout` passes.
    @discardableResult
    func waitFor(timeout: Double = 20, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = ""
        while Date() < deadline {
            let screen = capture()
            if condition(screen) && screen == previous { return screen }
            previous = screen
            Thread.sleep(forTimeInterval: 0.15)
        }
        return capture()
    }

    func kill() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"], capture: false)
        // tmux leaves its socket file behind; nobody else uses this private name.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    private func run(_ arguments: [String], capture: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.tmuxPath ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        process.standardOutput = capture ? handle : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        try? handle.close()
        return capture ? ((try? String(contentsOf: file, encoding: .utf8)) ?? "") : ""
    }
}
