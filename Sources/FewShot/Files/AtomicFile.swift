import Foundation

/// Writes a whole file so that readers see the old file or the complete new one, never a part:
/// the bytes go to a temporary file in the same folder (a rename across file systems would not
/// be atomic), are flushed to disk with `fsync`, then `rename(2)` replaces the target. A crash
/// or a full disk mid-write leaves the previous file in place.
public enum AtomicFile {
    /// A file that could not be written: the path and why, in words.
    public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file that was to be written.
        public var path: String
        /// What went wrong (the system's message).
        public var reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `url`, creating the folder when needed.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "cannot create the folder \(folder.path): \(reason(error))")
        }
        // Hidden, and unique per process and call, so concurrent writers never share a temporary.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try writeSynced(data, to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error as? WriteError ?? WriteError(path: url.path, reason: reason(error))
        }
    }

    /// Creates `url` (it must not exist), writes `data` and waits until it is on disk.
    private static func writeSynced(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
    }

    /// The system's message rather than Foundation's generic wrapper around it.
    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }
}
