import Foundation
import ZlibC

/// Reads file entries out of a zip archive into memory, with errors as ``OmniglotError`` values
/// that name the archive and the entry.
///
/// Episcope reads zip itself (``ZipCentralDirectory`` and raw inflate through zlib) rather than
/// through a zip library: the one it used, ZIPFoundation, trapped on 64-bit sizes, read a stored
/// entry's claimed size for ever past the end of the file, and on Linux inflated a deflate stream
/// that never ends for ever, because it reads until zlib sees the end of the stream rather than
/// the entry's compressed size (docs/fuzzing.md). Here an entry is exactly the bytes the central
/// directory gives it, and must inflate to exactly its stated size and CRC.
enum ZipReader {
    /// One file entry: its path inside the archive and its uncompressed bytes.
    struct File: Sendable {
        var path: String
        var data: Data
    }

    /// The most bytes one entry may inflate to: Omniglot's drawings and run lists are a few
    /// kilobytes, so anything near this is damage or a zip bomb.
    static let maximumEntryBytes = 64 << 20

    /// The paths of all file entries (directories left out), in archive order.
    static func listFiles(at url: URL) throws -> [String] {
        try withArchive(at: url) { _, directory in directory.entries.compactMap { $0.isFile ? $0.path : nil } }
    }

    /// The file entries whose path satisfies `include`, with their bytes, in archive order.
    /// Each entry's CRC-32 is checked, so a corrupt entry is reported rather than decoded.
    static func readFiles(at url: URL, where include: (String) -> Bool) throws -> [File] {
        try withArchive(at: url) { bytes, directory in
            try directory.entries.filter { $0.isFile && include($0.path) }.map { entry in
                let data = try contents(of: entry, range: directory.dataRange(of: entry, in: bytes), in: bytes)
                return File(path: entry.path, data: data)
            }
        }
    }

    /// Maps the archive at `url` and reads its central directory for `body`; damage becomes
    /// ``OmniglotError/corruptArchive(path:reason:)``.
    private static func withArchive<T>(at url: URL, _ body: (UnsafeBufferPointer<UInt8>, ZipCentralDirectory) throws -> T) throws -> T {
        guard FileManager.default.fileExists(atPath: url.path) else { throw OmniglotError.missingFile(path: url.path) }
        let mapped: Data
        do {
            mapped = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw OmniglotError.corruptArchive(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            return try mapped.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return try body(bytes, ZipCentralDirectory(bytes))
            }
        } catch let damage as ZipCentralDirectory.Damage {
            throw OmniglotError.corruptArchive(path: url.path, reason: damage.reason)
        }
    }

    /// The uncompressed bytes of `entry`, whose compressed bytes are `range` of `bytes`.
    private static func contents(of entry: ZipCentralDirectory.Entry, range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) throws -> Data {
        func damage(_ reason: String) -> ZipCentralDirectory.Damage { .init(reason: "entry \(entry.path): \(reason)") }
        guard entry.uncompressedSize <= Self.maximumEntryBytes else {
            throw ZipCentralDirectory.Damage(reason: "entry \(entry.path) is larger than \(Self.maximumEntryBytes >> 20) MB")
        }
        let input = UnsafeBufferPointer(rebasing: bytes[range])
        // One byte more than stated, so a stream that would inflate to more is seen doing so.
        var output = [UInt8](repeating: 0, count: entry.uncompressedSize + 1)
        let produced: Int
        switch entry.method {
        case 0:
            produced = input.count
            guard produced == entry.uncompressedSize else { throw damage("a stored entry whose two sizes differ") }
            output.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: input) }
        case 8:
            produced = try output.withUnsafeMutableBufferPointer { try inflateRaw(input, into: $0, damage: damage) }
        default:
            throw damage("unsupported compression method \(entry.method)")
        }
        guard produced == entry.uncompressedSize else {
            throw damage(
                produced > entry.uncompressedSize
                    ? "inflates to more than the \(entry.uncompressedSize) bytes its header says"
                    : "inflates to \(produced) bytes, not the \(entry.uncompressedSize) its header says")
        }
        let crc = output.withUnsafeBufferPointer { PNGChunk.crc32(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
        guard crc == entry.crc32 else { throw damage("CRC-32 mismatch (corrupt data)") }
        return Data(output[0..<produced])
    }

    /// Inflates the raw deflate stream `input` (no zlib header, as zip stores it) into `output`;
    /// returns how many bytes it gave. The stream must end within `input` and within `output`.
    private static func inflateRaw(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
        damage: (String) -> ZipCentralDirectory.Damage
    ) throws -> Int {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { throw damage("damaged deflate data") }
        var stream = z_stream()
        // Negative window bits select a raw stream; 15 is deflate's largest window.
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw damage("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inBase)
        stream.avail_in = uInt(input.count)
        stream.next_out = outBase
        stream.avail_out = uInt(output.count)
        switch ZlibC.inflate(&stream, Z_FINISH) {
        case Z_STREAM_END: return output.count - Int(stream.avail_out)
        case Z_BUF_ERROR where stream.avail_out == 0: return output.count
        case Z_BUF_ERROR: throw damage("its deflate stream does not end within the entry")
        default: throw damage("damaged deflate data")
        }
    }
}
