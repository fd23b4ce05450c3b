import Foundation

/// Appends timestamped lines to a file (`--log FILE`). While curses owns the screen nothing
/// may be printed, so this is the only place diagnostics go.
public final class FileLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private let start = Date()

    /// Opens (creating or appending to) `path`.
    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
    }

    /// Writes one line, prefixed with seconds since the log was opened.
    public func write(_ line: String) {
        let seconds = Date().timeIntervalSince(start)
        let text = String(format: "[%9.3f] ", seconds) + line + "\n"
        lock.lock()
        handle.write(Data(text.utf8))
        lock.unlock()
    }

    /// The logger as a closure for `EngineOptions.log`.
    public var sink: @Sendable (String) -> Void { { [self] in write($0) } }
}
