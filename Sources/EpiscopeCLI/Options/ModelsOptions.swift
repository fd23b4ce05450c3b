import ArgumentParser
import Foundation

/// `--models DIR`, shared by the commands that show trained models.
struct ModelsOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of trained models (default: assets/models).")
    var models: String?

    /// The folder given, if any.
    var directory: URL? { models.map { URL(fileURLWithPath: $0) } }

    // A folder that is not there would silently show untrained stand-ins or an empty table.
    func validate() throws {
        if let models { try Self.requireFolder(models, option: "--models") }
    }

    /// Throws unless `path` is an existing folder.
    static func requireFolder(_ path: String, option: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(option) \(path): no such folder")
        }
        guard isFolder.boolValue else { throw ValidationError("\(option) \(path) is a file, not a folder") }
    }
}
