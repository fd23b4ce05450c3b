import Foundation

/// Finds a folder that ships beside the program (`assets/models`, `assets/lectures`,
/// `../shared/omniglot`) by looking from the current folder and from the executable's folder
/// upwards: the executable sits a few folders down inside the project (`.build/release/`), and
/// a user may run it from anywhere in the project.
public enum ProjectFolders {
    /// How many folders above each start are tried.
    public static let levels = 6

    /// Where searches start: the current folder, then the executable's (symbolic links resolved,
    /// so a linked `episcope` finds the project it was built in).
    public static func starts(
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) -> [URL] {
        [currentDirectory] + (executable.map { [$0.resolvingSymlinksInPath().deletingLastPathComponent()] } ?? [])
    }

    /// `relativePath` under each start and each of its ancestors up to ``levels`` above, nearest
    /// first, the first start's before the next one's, without repeats.
    public static func candidates(_ relativePath: String, from starts: [URL]) -> [URL] {
        var seen = Set<String>()
        var out: [URL] = []
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0...levels {
                let candidate = folder.appendingPathComponent(relativePath).standardizedFileURL
                if seen.insert(candidate.path).inserted { out.append(candidate) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return out
    }

    /// The first of ``candidates(_:from:)`` that `accept` takes (by default: that exists).
    public static func findUpwards(
        _ relativePath: String, from starts: [URL] = starts(),
        where accept: (URL) -> Bool = { FileManager.default.fileExists(atPath: $0.path) }
    ) -> URL? {
        candidates(relativePath, from: starts).first(where: accept)
    }
}
