import Foundation

/// Timings of loading Omniglot, for `episcope bench`.
public enum OmniglotBenchmark {
    /// What ``measureLoad(dataDirectory:)`` measured.
    public struct LoadTimings: Sendable, Codable, Equatable {
        /// Seconds for a load with an empty cache: hash, decode every PNG, write the cache.
        public var firstDecodeSeconds: Double
        /// Seconds for the next load, served from that cache.
        public var cachedLoadSeconds: Double
        /// Drawings loaded (32,460 for the full data).
        public var drawings: Int
    }

    /// Loads the data in `dataDirectory` twice through a fresh temporary cache folder (removed
    /// afterwards), so the user's own cache is neither used nor touched.
    public static func measureLoad(dataDirectory: URL) throws -> LoadTimings {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = DataLocation(directory: dataDirectory)
        let cache = DatasetCache(directory: folder)
        var failure: String?
        let clock = ContinuousClock()
        var first: OmniglotDataset?
        let firstTime = try clock.measure { first = try OmniglotDataset.load(from: location, cache: cache) { failure = $0 } }
        if let failure { throw OmniglotError.corruptArchive(path: folder.path, reason: failure) }
        var second: OmniglotDataset?
        let secondTime = try clock.measure { second = try OmniglotDataset.load(from: location, cache: cache) }
        precondition(first?.drawings.count == second?.drawings.count, "OmniglotBenchmark: cached load disagrees with the decode")
        return LoadTimings(firstDecodeSeconds: seconds(firstTime), cachedLoadSeconds: seconds(secondTime), drawings: second?.drawings.count ?? 0)
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
