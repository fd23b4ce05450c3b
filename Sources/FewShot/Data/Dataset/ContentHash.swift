import Foundation

/// A fast fingerprint of files' contents (FNV-1a, 64 bits, over every byte, mixed with the size),
/// used to key the decoded-data cache: any change to an archive gives a new cache file.
enum ContentHash {
    static func of(_ urls: [URL]) throws -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for url in urls {
            let data: Data
            do {
                data = try Data(contentsOf: url, options: .alwaysMapped)
            } catch {
                if !FileManager.default.fileExists(atPath: url.path) { throw OmniglotError.missingFile(path: url.path) }
                throw OmniglotError.corruptArchive(path: url.path, reason: "cannot read: \(error.localizedDescription)")
            }
            hash = mix(hash, UInt64(data.count))
            data.withUnsafeBytes { raw in
                for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
        }
        return hash
    }

    private static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        var h = hash
        for shift in stride(from: 0, to: 64, by: 8) { h = (h ^ ((value >> UInt64(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
