import Foundation

extension OmniglotDataset {
    /// Loads the dataset, from the cache when it holds a copy for these exact archives, else by
    /// decoding them and then writing the cache (atomically, through ``AtomicFile``).
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
                try AtomicFile.write(CacheFormat.encode(dataset, key: key), to: file)
            } catch {
                let reason = (error as? AtomicFile.WriteError)?.reason ?? "\(error)"
                WarnOnce.shared("cannot write the data cache \(file.path): \(reason); continuing without a cache", warning)
            }
        }
        return dataset
    }
}
