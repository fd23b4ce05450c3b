import Foundation

/// Where decoded Omniglot data is kept between runs, so that only the first load decodes PNGs.
public struct DatasetCache: Sendable, Hashable {
    /// The cache folder, or nil for no caching.
    public let directory: URL?

    /// A cache in `directory` (created on first write), or no cache when nil.
    public init(directory: URL?) { self.directory = directory }

    /// No caching: every load decodes.
    public static let disabled = DatasetCache(directory: nil)

    /// `$XDG_CACHE_HOME/episcope`, else `~/.cache/episcope`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DatasetCache {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return DatasetCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("episcope"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return DatasetCache(directory: home.appendingPathComponent(".cache/episcope"))
    }

    /// The dataset a cache file's bytes hold, or nil when they are not a complete cache file for
    /// archives with content hash `key`: a cache file is outside bytes too (another version, a
    /// full disk, a stray edit), so a bad one must read as a miss, never crash.
    public static func decode(_ data: Data, key: UInt64) -> OmniglotDataset? { CacheFormat.decode(data, key: key) }

    /// The cache file for archives with content hash `key`.
    func file(for key: UInt64) -> URL? {
        directory?.appendingPathComponent("omniglot-v\(CacheFormat.version)-\(String(key, radix: 16)).bin")
    }
}

/// Prints each warning text once per process: a cache folder that cannot be written would
/// otherwise warn on every load.
final class WarnOnce: @unchecked Sendable {
    static let shared = WarnOnce()
    private let lock = NSLock()
    private var seen = Set<String>()

    func callAsFunction(_ message: String, _ sink: (String) -> Void) {
        lock.lock()
        let isNew = seen.insert(message).inserted
        lock.unlock()
        if isNew { sink(message) }
    }
}
