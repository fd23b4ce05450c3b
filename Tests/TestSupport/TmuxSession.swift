import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux server on a private socket running one command in a detached window: the real
/// binary in a real terminal, driven by keys and read back with `capture-pane`.
public final class TmuxSession {
    public let socket: String
    public private(set) var isRunning = false

    /// Starts `command` in a `width` x `height` window.
    public init(command: String, width: Int, height: Int) throws {
        socket = "episcope-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        // The server daemonises and would inherit an output pipe, so nothing would ever read its end.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command], captureOutput: false)
        isRunning = true
    }

    deinit { kill() }

    /// Sends keys the way `tmux send-keys` names them ("Tab", "q", "Escape").
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// Resizes the window, as a user dragging the terminal's corner would.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The window's text now.
    public func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? "" }

    /// Polls until the screen satisfies `condition` and stays the same for two captures in a
    /// row (a frame fully drawn), or `timeout` passes; returns the last capture.
    @discardableResult
    public func waitFor(timeout: Double = 20, _ condition: (String) -> Bool) -> String {
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
    public func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? tmux(["kill-server"])
        // A server that already ended leaves its socket file behind.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    private func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        try Self.run([TmuxSession.tmuxPath ?? "/usr/bin/tmux", "-L", socket] + arguments, captureOutput: captureOutput)
    }

    /// Runs a program and returns its standard output. posix_spawn and waitpid rather than
    /// Foundation's Process, whose exit monitoring can miss a child that exits at once (the
    /// tmux client after `new-session -d`) and then waits forever.
    public static func run(_ argv: [String], captureOutput: Bool) throws -> String {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            // The daemonised server would keep a pipe open forever; give it nothing to inherit.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let status = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT) }
        var output = Data()
        if captureOutput {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(pipe[0], &chunk, chunk.count)
                if count <= 0 { break }
                output.append(contentsOf: chunk[0..<count])
            }
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Where tmux is, if installed.
    public static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
