import Foundation
import TerminalUI

/// Writes what the screen shows as an asciicast v2 recording (asciinema's format): a JSON
/// header line, then one `[seconds, "o", text]` line per changed frame, the text being the
/// ANSI escapes that paint it. Frames are written whole (home, then row by row) so any frame
/// replays correctly on its own, whatever the player dropped before it.
public final class AsciicastRecorder {
    private let handle: FileHandle
    private let start: Date
    private var previous: Buffer?
    private let clock: () -> Double

    /// Starts a recording of a `width` x `height` screen at `path` (replacing any file there).
    public init(path: String, width: Int, height: Int, clock: (() -> Double)? = nil) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        let start = Date()
        self.start = start
        self.clock = clock ?? { Date().timeIntervalSince(start) }
        let header: [String: Any] = [
            "version": 2, "width": width, "height": height, "timestamp": Int(start.timeIntervalSince1970),
            "env": ["TERM": "xterm-256color", "SHELL": "/bin/sh"], "title": "episcope lecture"
        ]
        let data = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        handle.write(data + Data("\n".utf8))
    }

    /// Records `frame` if it differs from the last one.
    public func record(_ frame: Buffer) {
        guard frame != previous else { return }
        var text = previous.map { $0.width == frame.width && $0.height == frame.height } == true ? "" : "\u{1B}[2J"
        text += "\u{1B}[?25l"
        let rows = frame.ansiText().split(separator: "\n", omittingEmptySubsequences: false)
        for (y, row) in rows.enumerated() { text += "\u{1B}[\(y + 1);1H" + row }
        previous = frame
        let event: [Any] = [(clock() * 1000).rounded() / 1000, "o", text]
        if let data = try? JSONSerialization.data(withJSONObject: event, options: [.withoutEscapingSlashes]) {
            handle.write(data + Data("\n".utf8))
        }
    }

    /// Flushes and closes the file.
    public func close() { try? handle.close() }
}
