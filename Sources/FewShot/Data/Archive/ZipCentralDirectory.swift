import Foundation

/// The entries a zip archive lists in its central directory (PKWARE's APPNOTE 6.3.x, sections
/// 4.3.12 to 4.3.16), read from the archive's bytes with every offset and size checked against
/// them, so a damaged archive is an error and never a trap, a hang or a read out of bounds.
///
/// Only what Omniglot's archives use is accepted: one disk, no encryption, stored or deflated
/// entries, 32-bit sizes. Zip64 is refused, since Omniglot's archives are far below 4 GB and a
/// 64-bit size or offset in them could only be damage.
struct ZipCentralDirectory {
    /// One central directory record: what is needed to find, inflate and check an entry.
    struct Entry {
        var path: String
        var isFile: Bool
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why an archive cannot be read, in words for the one-line error that names the archive.
    struct Damage: Error {
        var reason: String
    }

    /// The entries in archive order.
    var entries: [Entry]

    /// Where the central directory starts: no entry's data may reach past it.
    var start: Int

    private static let endRecordSize = 22
    private static let maximumCommentLength = 0xFFFF

    /// Reads the end record and the central directory of the archive `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let reader = LittleEndianBytes(bytes)
        let n = bytes.count
        // The end record is the last one in the file that its comment length accounts for;
        // a signature inside the comment itself (after it) is skipped by that check.
        let earliest = max(0, n - Self.endRecordSize - Self.maximumCommentLength)
        guard n >= Self.endRecordSize,
            let end = stride(from: n - Self.endRecordSize, through: earliest, by: -1).first(where: {
                reader.hasSignature(at: $0, 0x0605_4B50) && $0 + Self.endRecordSize + reader.u16($0 + 20) == n
            })
        else { throw Damage(reason: "no end-of-central-directory record (truncated or not a zip file)") }

        if end >= 20, reader.hasSignature(at: end - 20, 0x0706_4B50) { throw Damage(reason: "a zip64 archive (Omniglot's are not)") }
        guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0 else { throw Damage(reason: "an archive split over several disks") }
        let count = reader.u16(end + 10), size = reader.u32(end + 12), offset = reader.u32(end + 16)
        guard reader.u16(end + 8) == count else { throw Damage(reason: "an archive split over several disks") }
        guard offset <= end, size <= end - offset else { throw Damage(reason: "its central directory lies outside the file") }

        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var record = offset
        for index in 0..<count {
            guard record + 46 <= offset + size, reader.hasSignature(at: record, 0x0201_4B50) else {
                throw Damage(reason: "central directory entry \(index + 1) of \(count) is missing or damaged")
            }
            let nameLength = reader.u16(record + 28), extraLength = reader.u16(record + 30), commentLength = reader.u16(record + 32)
            let next = record + 46 + nameLength + extraLength + commentLength
            guard next <= offset + size else { throw Damage(reason: "central directory entry \(index + 1) of \(count) runs past the directory") }
            let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[(record + 46)..<(record + 46 + nameLength)]), as: UTF8.self)
            if try Self.hasZip64Field(reader, from: record + 46 + nameLength, count: extraLength) {
                throw Damage(reason: "an entry with zip64 sizes (Omniglot's archives have none)")
            }
            let flags = reader.u16(record + 8)
            guard flags & 1 == 0 else { throw Damage(reason: "entry \(path) is encrypted") }
            // Unix archivers keep the file type in the high half of the external attributes;
            // directories and links are not files whatever their names say.
            let unixType = bytes[record + 5] == 3 ? (reader.u32(record + 38) >> 16) & 0o170000 : 0
            let isFile = !path.hasSuffix("/") && (unixType == 0 || unixType == 0o100000)
            entries.append(
                Entry(
                    path: path, isFile: isFile, method: reader.u16(record + 10), crc32: UInt32(reader.u32(record + 16)),
                    compressedSize: reader.u32(record + 20), uncompressedSize: reader.u32(record + 24),
                    localHeaderOffset: reader.u32(record + 42)))
            record = next
        }
        self.entries = entries
        self.start = offset
    }

    /// Whether the extra fields at `from` hold a zip64 field (header 0x0001); malformed fields
    /// are damage.
    private static func hasZip64Field(_ reader: LittleEndianBytes, from start: Int, count: Int) throws -> Bool {
        var field = start
        while field + 4 <= start + count {
            if reader.u16(field) == 0x0001 { return true }
            field += 4 + reader.u16(field + 2)
        }
        guard field == start + count else { throw Damage(reason: "an entry whose extra fields are malformed") }
        return false
    }

    /// Where `entry`'s data lies in the archive: after its local header, which repeats its name
    /// and may carry other extra fields than the central directory's.
    func dataRange(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) throws -> Range<Int> {
        let reader = LittleEndianBytes(bytes)
        let header = entry.localHeaderOffset
        guard header + 30 <= start, reader.hasSignature(at: header, 0x0403_4B50) else {
            throw Damage(reason: "entry \(entry.path) has no local header where the directory says")
        }
        let dataStart = header + 30 + reader.u16(header + 26) + reader.u16(header + 28)
        guard dataStart <= start, entry.compressedSize <= start - dataStart else {
            throw Damage(reason: "entry \(entry.path) runs past the end of the archive")
        }
        return dataStart..<(dataStart + entry.compressedSize)
    }
}

/// Little-endian fields of a byte buffer, read as `Int`; callers check bounds first, and every
/// read is bounds-checked again by the buffer in debug builds.
struct LittleEndianBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func u16(_ i: Int) -> Int { i + 2 <= bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : 0 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }

    /// Whether the four bytes at `i` are the zip signature `value` ("PK" and two more).
    func hasSignature(at i: Int, _ value: Int) -> Bool { i >= 0 && i + 4 <= bytes.count && u32(i) == value }
}
