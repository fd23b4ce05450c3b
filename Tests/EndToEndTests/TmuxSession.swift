import Foundation

/// A tmux server on a private socket running one command in a detached window: the real
/// binary in a real terminal, driven by keys and read back with `capture-pane`.
final class TmuxSession {
    let socket: String
    private(set) var isRunning = false

    /// Starts `command` in a `width` x `height` window.
    init(command: String, width: Int, height: Int) throws {
        socket = "episcope-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        isRunning = true
    }

    deinit { kill() }

    /// Sends keys the way `tmux send-keys` names them ("Tab", "q", "Escape").
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The window's text now.
    func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? "" }

    /// Polls until the screen satisfies `condition` and stays the same for two captures in a
    /// row (a frame fully drawn), or `timeout` passes; returns the last capture.
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

    /// Ends the server and everything in it.
    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? tmux(["kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.tmuxPath ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Where tmux is, if installed.
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
