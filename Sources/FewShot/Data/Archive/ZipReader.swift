import Foundation
import ZIPFoundation

/// Reads file entries out of a zip archive into memory, turning ZIPFoundation's errors into
/// ``OmniglotError`` values that name the archive and entry.
enum ZipReader {
    /// One file entry: its path inside the archive and its uncompressed bytes.
    struct File: Sendable {
        var path: String
        var data: Data
    }

    /// The most bytes one entry may inflate to: Omniglot's drawings and run lists are a few
    /// kilobytes, so anything near this is damage or a zip bomb.
    static let maximumEntryBytes = 64 << 20

    /// Empty chunks one entry may deliver: one for an empty file, one at the end of a stream.
    static let maximumEmptyChunks = 2

    private struct EntryTooLarge: Error {}
    private struct EntryPastEnd: Error {}

    /// The paths of all file entries (directories left out), in archive order.
    static func listFiles(at url: URL) throws -> [String] {
        let archive = try open(url)
        return archive.compactMap { $0.type == .file ? $0.path : nil }
    }

    /// The file entries whose path satisfies `include`, with their bytes, in archive order.
    /// The zip's CRC of each entry is checked, so a corrupt entry is reported rather than decoded.
    ///
    /// Archives are read from files only: ZIPFoundation's in-memory archives (`Archive(data:)`)
    /// trap on a central directory that points past the end of the data, which its file-backed
    /// reading reports as an error (see docs/fuzzing.md).
    static func readFiles(at url: URL, where include: (String) -> Bool) throws -> [File] {
        let archive = try open(url)
        let name = url.path
        var files: [File] = []
        for entry in archive where entry.type == .file && include(entry.path) {
            // The stored size is only a hint (a damaged header may claim 2^64 bytes), and a
            // small entry can inflate to gigabytes: both are bounded before memory is spent.
            // ZIPFoundation reads a stored entry's stated size chunk by chunk even past the end of
            // the file, where every chunk is empty: a zip64 size of 2^62 would read nothing for
            // ever. Empty chunks beyond the ones a sound entry gives end the entry.
            var data = Data(capacity: Int(min(entry.uncompressedSize, UInt64(Self.maximumEntryBytes))))
            var emptyChunks = 0
            do {
                _ = try archive.extract(entry) { chunk in
                    if chunk.isEmpty {
                        emptyChunks += 1
                        guard emptyChunks <= Self.maximumEmptyChunks else { throw EntryPastEnd() }
                    }
                    guard data.count + chunk.count <= Self.maximumEntryBytes else { throw EntryTooLarge() }
                    data.append(chunk)
                }
            } catch is EntryTooLarge {
                throw OmniglotError.corruptArchive(path: name, reason: "entry \(entry.path) is larger than \(Self.maximumEntryBytes >> 20) MB")
            } catch is EntryPastEnd {
                throw OmniglotError.corruptArchive(path: name, reason: "entry \(entry.path) runs past the end of the archive")
            } catch {
                throw OmniglotError.corruptArchive(path: name, reason: "entry \(entry.path): \(describe(error))")
            }
            files.append(File(path: entry.path, data: data))
        }
        return files
    }

    private static func open(_ url: URL) throws -> Archive {
        guard FileManager.default.fileExists(atPath: url.path) else { throw OmniglotError.missingFile(path: url.path) }
        if let reason = zip64Use(in: url) { throw OmniglotError.corruptArchive(path: url.path, reason: reason) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw OmniglotError.corruptArchive(path: url.path, reason: describe(error))
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error as? Archive.ArchiveError {
        case .missingEndOfCentralDirectoryRecord?: return "no end-of-central-directory record (truncated or not a zip file)"
        case .unreadableArchive?: return "unreadable or damaged"
        case .invalidCRC32?: return "CRC-32 mismatch (corrupt data)"
        case .invalidCompressionMethod?: return "unsupported compression method"
        case let other?: return "\(other)"
        case nil: return "\(error)"
        }
    }

    /// Why the archive at `url` is refused as zip64, or nil. ZIPFoundation traps, rather than
    /// throwing, on zip64 offsets and sizes of 2^63 and more (its entry iterator adds them, and
    /// its seeks convert them to `off_t`). Omniglot's archives are not zip64, so an archive that
    /// uses it is refused before ZIPFoundation reads it: its end record is found as ZIPFoundation
    /// finds it (the last signature in the file), then a zip64 locator before it, or a zip64
    /// field in any central directory entry ZIPFoundation would read, is refused.
    static func zip64Use(in url: URL) -> String? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
            func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
            func signature(_ i: Int, _ kind: UInt8) -> Bool {
                i >= 0 && i + 4 <= n && bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == kind && bytes[i + 3] == kind + 1
            }
            guard n >= 22, let end = stride(from: n - 22, through: 0, by: -1).first(where: { signature($0, 5) }) else { return nil }
            if signature(end - 20, 6) { return "a zip64 archive (Omniglot's are not)" }
            guard end + 22 <= n else { return nil }
            var entry = u32(end + 16)
            for _ in 0..<u16(end + 10) {
                guard entry + 46 <= n, signature(entry, 1) else { return nil }
                let (name, extra, comment) = (u16(entry + 28), u16(entry + 30), u16(entry + 32))
                var field = entry + 46 + name
                let fieldsEnd = field + extra
                guard fieldsEnd <= n else { return nil }
                while field + 4 <= fieldsEnd {
                    if u16(field) == 0x0001 { return "an entry with zip64 sizes (Omniglot's archives have none)" }
                    field += 4 + u16(field + 2)
                }
                guard field == fieldsEnd else { return "an entry whose extra fields are malformed" }
                entry = fieldsEnd + comment
            }
            return nil
        }
    }
}
