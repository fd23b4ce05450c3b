import Foundation

extension OmniglotDataset {
    /// Loads the dataset, from the cache when it holds a copy for these exact archives, else by
    /// decoding them and then writing the cache (atomically: temp file + rename).
    ///
    /// A cache that cannot be written is not an error: `warning` is called once per process
    /// with the reason, and the decoded data is returned anyway.
    public static func load(
        from location: DataLocation,
        cache: DatasetCache = .standard(),
        warning: (String) -> Void = { FileHandle.standardError.write(Data("episcope: warning: \($0)\n".utf8)) }
    ) throws -> OmniglotDataset {
        let key = try ContentHash.of(Set.allCases.map { location.directory.appendingPathComponent($0.archiveName) })
        if let file = cache.file(for: key),
            let data = try? Data(contentsOf: file, options: .alwaysMapped),
            let cached = CacheFormat.decode(data, key: key)
        {
            return cached
        }
        let dataset = try decode(from: location)
        if let file = cache.file(for: key) {
            do {
                try write(dataset, key: key, to: file)
            } catch {
                WarnOnce.shared("cannot write the data cache \(file.path): \(Self.reason(error)); continuing without a cache", warning)
            }
        }
        return dataset
    }

    private static func write(_ dataset: OmniglotDataset, key: UInt64, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try CacheFormat.encode(dataset, key: key).write(to: temporary)
            // rename(2) replaces atomically: readers see the old file or the whole new one.
            guard rename(temporary.path, file.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }
}
