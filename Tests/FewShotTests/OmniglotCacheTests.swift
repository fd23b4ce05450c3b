import Foundation
import TestSupport
import Testing

@testable import FewShot

/// How fast the two loads are is `episcope bench`'s `omniglot_load` line; here only what they do.
@Suite("Omniglot cache")
struct OmniglotCacheTests {
    @Test("the first load decodes and writes the cache; the second reads it back identically without rewriting it")
    func roundTrip() throws {
        let location = try TestData.omniglot()
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DatasetCache(directory: folder)
        var warnings: [String] = []
        let decoded = try OmniglotDataset.load(from: location, cache: cache) { warnings.append($0) }
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(decoded.drawings.count == 32_460)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1, "one cache file: \(files)")
        let file = folder.appendingPathComponent(try #require(files.first)).path
        let written = try FileManager.default.attributesOfItem(atPath: file)

        let cached = try OmniglotDataset.load(from: location, cache: cache)
        // A load that decoded would have written the file again through a temporary file and a
        // rename: a new inode. The same inode and time mean the second load read the cache.
        let after = try FileManager.default.attributesOfItem(atPath: file)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date)
        #expect(cached.drawings.count == decoded.drawings.count)
        #expect(cached.drawings.packed == decoded.drawings.packed, "the 105x105 bitmaps")
        #expect(cached.drawings.levels28 == decoded.drawings.levels28, "the 28x28 images")
        #expect(cached.alphabets.map(\.name) == decoded.alphabets.map(\.name))
        #expect(cached.alphabets.map(\.characters) == decoded.alphabets.map(\.characters))
    }
}
