import CNCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the terminal back the way the shell expects it, from any exit path: explicit close,
/// deinit, `exit()` (atexit), termination signals and crashes. A program that dies inside
/// curses mode otherwise leaves the user's shell without echo and in the alternate screen.
///
/// The state lives in globals because signal handlers and atexit callbacks are C function
/// pointers that cannot capture anything. Only the main thread changes it, before and after
/// handlers are installed, hence `nonisolated(unsafe)`.
enum TerminalRestorer {
    nonisolated(unsafe) static var isActive = false
    nonisolated(unsafe) static var mouseMotionEnabled = false
    nonisolated(unsafe) private static var atexitRegistered = false
    nonisolated(unsafe) private static var previousHandlers: [(Int32, sighandler_t?)] = []

    /// Termination signals: restore, then die by the same signal so the exit status is honest.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Crash signals: restore, then let the default action dump core.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]

    /// Leaves curses mode if it is active; safe to call any number of times.
    static func restore() {
        guard isActive else { return }
        isActive = false
        if mouseMotionEnabled {
            ep_write_stdout("\u{1B}[?1003l")
            mouseMotionEnabled = false
        }
        curs_set(1)
        endwin()
    }

    /// Registers the atexit hook (once per process) and the signal handlers.
    static func install() {
        if !atexitRegistered {
            atexitRegistered = true
            atexit { TerminalRestorer.restore() }
        }
        previousHandlers = []
        for signalNumber in terminationSignals + crashSignals {
            let previous = signal(signalNumber) { received in
                TerminalRestorer.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
            previousHandlers.append((signalNumber, previous))
        }
    }

    /// Puts back whatever handlers were there before `install`.
    static func uninstall() {
        for (signalNumber, handler) in previousHandlers {
            signal(signalNumber, handler)
        }
        previousHandlers = []
    }
}
