import Foundation

/// The folder holding Omniglot's archives and split files, and where each file lives in it.
public struct DataLocation: Sendable, Hashable {
    /// The folder.
    public let directory: URL

    /// A location at `directory` (not checked).
    public init(directory: URL) { self.directory = URL(fileURLWithPath: directory.standardizedFileURL.path) }

    /// The two archives every load needs.
    public static let requiredArchives = ["images_background.zip", "images_evaluation.zip"]

    /// `images_background.zip`: 30 alphabets, 964 characters.
    public var backgroundArchive: URL { directory.appendingPathComponent("images_background.zip") }
    /// `images_evaluation.zip`: 20 alphabets, 659 characters.
    public var evaluationArchive: URL { directory.appendingPathComponent("images_evaluation.zip") }
    /// `images_background_small1.zip` or `..._small2.zip` (`which` is 1 or 2).
    public func smallArchive(_ which: Int) -> URL { directory.appendingPathComponent("images_background_small\(which).zip") }
    /// `all_runs.zip`: Lake's 20 one-shot runs.
    public var runsArchive: URL { directory.appendingPathComponent("all_runs.zip") }
    /// `splits/vinyals/<part>.txt`.
    public func vinyalsSplitFile(_ part: String) -> URL {
        directory.appendingPathComponent("splits/vinyals/\(part).txt")
    }

    /// Whether the folder holds both required archives.
    public var holdsArchives: Bool {
        Self.requiredArchives.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
    }

    /// The folder `episcope data` fills: `$XDG_DATA_HOME/episcope`, else `~/.local/share/episcope`.
    public static func installDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("episcope")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/episcope")
    }

    /// Finds the data folder: `explicit` (from `--data`), else `$EPISCOPE_DATA`, else the install
    /// folder, else `../shared/omniglot` beside the project, looked for from the current folder
    /// and from the executable's folder upwards. An explicit folder without the archives is an
    /// error rather than a reason to look elsewhere, so a typo never silently loads other data.
    public static func resolve(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) throws -> DataLocation {
        for chosen in [explicit, environment["EPISCOPE_DATA"]] {
            guard let path = chosen, !path.isEmpty else { continue }
            let location = DataLocation(directory: URL(fileURLWithPath: path, relativeTo: currentDirectory))
            guard location.holdsArchives else { throw OmniglotError.dataNotFound(searched: [location.directory.path]) }
            return location
        }
        // The executable sits a few folders down (`.build/release/`) inside the project.
        let starts = ProjectFolders.starts(currentDirectory: currentDirectory, executable: executable)
        let candidates = [installDirectory(environment: environment)] + ProjectFolders.candidates("../shared/omniglot", from: starts)
        var seen = Set<String>()
        let unique = candidates.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
        if let found = unique.map(DataLocation.init(directory:)).first(where: \.holdsArchives) { return found }
        throw OmniglotError.dataNotFound(searched: unique.map(\.path))
    }
}
