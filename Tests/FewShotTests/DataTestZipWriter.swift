import Foundation

@testable import FewShot

/// Writes minimal zip archives (stored entries, no compression) so tests can build broken
/// Omniglot archives of their own.
enum DataTestZipWriter {
    static func write(_ entries: [(path: String, data: Data)], to url: URL) throws {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (path, data) in entries {
            let name = Array(path.utf8), bytes = Array(data)
            // Zip's CRC-32 is PNG's.
            let crc = bytes.withUnsafeBufferPointer { PNGChunk.crc32($0) }
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(name.count)) + le16(0)
            out += name + bytes
            central += le32(0x0201_4B50) + le16(0x031E) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(name.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0o100644 << 16) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        try Data(out).write(to: url)
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }

    /// An Omniglot-layout archive `images_<set>.zip` in `folder`: one alphabet of `characters`
    /// characters, each with 20 copies of `drawing`; `tamper` may replace any entry's bytes.
    static func omniglotArchive(
        set: String, in folder: URL, alphabet: String = "Testish", characters: Int = 1, firstID: Int = 1,
        drawing: Bitmap, tamper: (String, Data) -> Data = { $1 }
    ) throws -> URL {
        let png = DataTestPNGWriter.omniglotPNG(drawing)
        var entries: [(String, Data)] = []
        for c in 1...characters {
            for d in 1...20 {
                let path = "images_\(set)/\(alphabet)/character\(twoDigits(c))/\(fourDigits(firstID + c - 1))_\(twoDigits(d)).png"
                entries.append((path, tamper(path, png)))
            }
        }
        let url = folder.appendingPathComponent("images_\(set).zip")
        try write(entries, to: url)
        return url
    }
}
