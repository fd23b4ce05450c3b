import Foundation

/// The binary cache file: a fixed header, the alphabet metadata as JSON, then the packed bitmaps
/// and the 28x28 levels exactly as ``DrawingStore`` holds them, so loading is two copies.
///
/// Header (little-endian): magic `EPSCOMNI`, UInt32 version, UInt32 0, UInt64 key,
/// UInt64 metadata length, UInt64 drawing count.
enum CacheFormat {
    static let version: UInt32 = 1
    private static let magic = Array("EPSCOMNI".utf8)
    private static let headerSize = 40

    private struct Metadata: Codable {
        var alphabets: [OmniglotDataset.Alphabet]
        var characterIDs: [Int]
    }

    static func encode(_ dataset: OmniglotDataset, key: UInt64) throws -> Data {
        let meta = try JSONEncoder().encode(Metadata(alphabets: dataset.alphabets, characterIDs: dataset.characterIDs))
        var out = Data()
        out.reserveCapacity(headerSize + meta.count + dataset.drawings.packed.count + dataset.drawings.levels28.count)
        out.append(contentsOf: magic)
        append(&out, UInt32(version))
        append(&out, UInt32(0))
        append(&out, key)
        append(&out, UInt64(meta.count))
        append(&out, UInt64(dataset.drawings.count))
        out.append(meta)
        out.append(contentsOf: dataset.drawings.packed)
        out.append(contentsOf: dataset.drawings.levels28)
        return out
    }

    /// The dataset in `data`, or nil when it is not a complete cache file for `key`.
    static func decode(_ data: Data, key: UInt64) -> OmniglotDataset? {
        data.withUnsafeBytes { raw -> OmniglotDataset? in
            guard raw.count >= headerSize, Array(raw[0..<8]) == magic,
                read(raw, 8, UInt32.self) == version, read(raw, 16, UInt64.self) == key
            else { return nil }
            let metaLength = Int(clamping: read(raw, 24, UInt64.self))
            let count = Int(clamping: read(raw, 32, UInt64.self))
            // Neither can exceed the file, which keeps the size sum below from overflowing.
            guard metaLength <= raw.count, count <= raw.count else { return nil }
            let packedLength = count.multipliedReportingOverflow(by: DrawingStore.packedBytes)
            let levelsLength = count.multipliedReportingOverflow(by: DrawingStore.imageBytes)
            guard !packedLength.overflow, !levelsLength.overflow,
                raw.count == headerSize + metaLength + packedLength.partialValue + levelsLength.partialValue
            else { return nil }
            let metaStart = headerSize, packedStart = metaStart + metaLength, levelsStart = packedStart + packedLength.partialValue
            guard let meta = try? JSONDecoder().decode(Metadata.self, from: Data(raw[metaStart..<packedStart])),
                meta.characterIDs.count * OmniglotDataset.drawingsPerCharacter == count,
                Self.tile(meta.alphabets.map(\.characters), meta.characterIDs.count)
            else { return nil }
            let store = DrawingStore(
                count: count, packed: Array(raw[packedStart..<levelsStart]),
                levels28: Array(raw[levelsStart..<(levelsStart + levelsLength.partialValue)]))
            return OmniglotDataset(alphabets: meta.alphabets, characterIDs: meta.characterIDs, drawings: store)
        }
    }

    /// Whether `ranges` cover `0..<count` in order, without gaps or overlaps, as the alphabets'
    /// characters do: every character then has exactly one alphabet to look up.
    private static func tile(_ ranges: [Range<Int>], _ count: Int) -> Bool {
        var next = 0
        for range in ranges {
            guard range.lowerBound == next else { return false }
            next = range.upperBound
        }
        return !ranges.isEmpty && next == count
    }

    private static func append<T: FixedWidthInteger>(_ data: inout Data, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func read<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: Int, _: T.Type) -> T {
        T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
