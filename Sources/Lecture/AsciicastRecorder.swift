import Foundation
import TerminalUI

/// Writes what the screen shows as an asciicast v2 recording (asciinema's format): a JSON
/// header line, then one `[seconds, "o", text]` line per changed frame, the text being what a
/// terminal receives to get from the previous frame to this one: only the cells that changed
/// (`FrameEncoder`). A resize writes `[seconds, "r", "WIDTHxHEIGHT"]` and then the whole new
/// frame, as asciinema records a resize. Whole frames each time made a two-minute recording at
/// 160x48 6 MB; the changes keep a 90-minute lecture to a few MB.
public final class AsciicastRecorder {
    private let handle: FileHandle
    private let start: Date
    private var previous: Buffer?
    /// The size the player's terminal has now: the header's, then the last "r" event's.
    private var recordedSize: (width: Int, height: Int)
    private let clock: () -> Double

    /// Starts a recording of a `width` x `height` screen at `path` (replacing any file there).
    public init(path: String, width: Int, height: Int, clock: (() -> Double)? = nil) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        let start = Date()
        self.start = start
        self.recordedSize = (width, height)
        self.clock = clock ?? { Date().timeIntervalSince(start) }
        let header: [String: Any] = [
            "version": 2, "width": width, "height": height, "timestamp": Int(start.timeIntervalSince1970),
            "env": ["TERM": "xterm-256color", "SHELL": "/bin/sh"], "title": "episcope lecture"
        ]
        let data = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        handle.write(data + Data("\n".utf8))
    }

    /// Records `frame` if it differs from the last one: a resize event when its size is new,
    /// then the escapes that turn the last frame into it.
    public func record(_ frame: Buffer) {
        guard frame != previous else { return }
        let time = (clock() * 1000).rounded() / 1000
        if frame.width != recordedSize.width || frame.height != recordedSize.height {
            recordedSize = (frame.width, frame.height)
            write([time, "r", "\(frame.width)x\(frame.height)"])
        }
        let text: String
        if let previous, previous.width == frame.width, previous.height == frame.height {
            text = FrameEncoder.changes(from: previous, to: frame)
        } else {
            // A first frame, or one after a resize: clear, then paint what is not blank.
            text = "\u{1B}[?25l\u{1B}[0m\u{1B}[2J" + FrameEncoder.changes(from: Buffer(width: frame.width, height: frame.height), to: frame)
        }
        previous = frame
        write([time, "o", text])
    }

    private func write(_ event: [Any]) {
        if let data = try? JSONSerialization.data(withJSONObject: event, options: [.withoutEscapingSlashes]) {
            handle.write(data + Data("\n".utf8))
        }
    }

    /// Flushes and closes the file.
    public func close() { try? handle.close() }
}

/// The ANSI text that turns one frame into the next on a terminal showing the first: for each
/// row, runs of changed cells, each after a cursor move. Runs closer than a cursor move costs
/// are joined, and a run starting on the right half of a wide character starts on its left half.
enum FrameEncoder {
    /// Unchanged cells cheaper to rewrite than to jump over with a cursor move.
    static let joinGap = 6

    static func changes(from old: Buffer, to new: Buffer) -> String {
        precondition(old.width == new.width && old.height == new.height, "FrameEncoder: frames of different sizes")
        var output = ""
        var style: Style?
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard new[x, y] != old[x, y] else {
                    x += 1
                    continue
                }
                var start = x
                if new[start, y].isContinuation && start > 0 { start -= 1 }
                var end = x + 1
                var gap = 0
                var probe = end
                while probe < new.width && gap <= joinGap {
                    if new[probe, y] != old[probe, y] {
                        end = probe + 1
                        gap = 0
                    } else {
                        gap += 1
                    }
                    probe += 1
                }
                output += "\u{1B}[\(y + 1);\(start + 1)H"
                for column in start..<end {
                    let cell = new[column, y]
                    if cell.isContinuation { continue }
                    if cell.style != style {
                        output += Buffer.sgr(for: cell.style)
                        style = cell.style
                    }
                    output.unicodeScalars.append(cell.scalar)
                    if let mark = cell.mark { output.unicodeScalars.append(mark) }
                }
                x = end
            }
        }
        if style != nil { output += "\u{1B}[0m" }
        return output
    }
}
