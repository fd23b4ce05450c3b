import Foundation

/// `episcope data`: fills a data folder with Omniglot, downloading each file (checked by md5)
/// or, when that fails, copying it from a mirror folder (checked by content).
public enum DataInstaller {
    /// Installs every ``DataFile`` into `destination`. Files already there and valid are kept.
    /// With `download: false` only the mirror is used. `log` receives one line per decision.
    public static func install(
        into destination: URL, mirror: URL?, download: Bool = true, log: (String) -> Void = { _ in }
    ) throws -> DataInventory {
        var items: [DataInventory.Item] = []
        for file in DataFile.all {
            let target = destination.appendingPathComponent(file.name)
            if FileManager.default.fileExists(atPath: target.path), let item = try? DataInventory.check(file, at: target, source: "present") {
                items.append(item)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            var downloadProblem = "download skipped"
            if download {
                do {
                    let data = try Downloader.fetch(file.url)
                    if let md5 = file.md5, MD5.hex(data) != md5 {
                        throw OmniglotError.downloadFailed(url: file.url, reason: "md5 \(MD5.hex(data)) differs from the published \(md5)")
                    }
                    try place(data: data, at: target)
                    items.append(try DataInventory.check(file, at: target, source: "download"))
                    continue
                } catch {
                    // The reason alone: the error below names the address once more.
                    if case OmniglotError.downloadFailed(_, let reason) = error { downloadProblem = reason } else { downloadProblem = "\(error)" }
                    log("\(file.name): \(downloadProblem); trying the mirror")
                }
            }
            guard let mirror else {
                throw OmniglotError.downloadFailed(url: file.url, reason: "\(downloadProblem), and no mirror folder was given (--mirror DIR)")
            }
            let source = mirror.appendingPathComponent(file.name)
            guard FileManager.default.fileExists(atPath: source.path) else { throw OmniglotError.missingFile(path: source.path) }
            _ = try DataInventory.check(file, at: source, source: "mirror")
            try place(data: Data(contentsOf: source), at: target)
            items.append(try DataInventory.check(file, at: target, source: "mirror"))
        }
        return DataInventory(directory: destination.path, items: items)
    }

    /// Writes atomically (``AtomicFile``), so an interrupted install never leaves a half-written
    /// archive that a later load would trip over.
    private static func place(data: Data, at target: URL) throws {
        do {
            try AtomicFile.write(data, to: target)
        } catch let error as AtomicFile.WriteError {
            throw OmniglotError.corruptArchive(path: target.path, reason: error.reason)
        }
    }
}
