import FewShot
import Foundation

/// The trained models the explorer can show, read from the models folder. A missing or
/// unreadable file is not an error: the screen that needs it says what is missing.
struct ModelLibrary {
    var sine: ModelCheckpoint?
    var sineBaseline: ModelCheckpoint?
    var protoNet: ModelCheckpoint?
    var maml: ModelCheckpoint?
    /// One line per file that was there but could not be used.
    var problems: [String] = []
    var directory: URL?

    /// Reads the models in `options`' folder.
    static func load(_ options: EngineOptions) -> ModelLibrary {
        var library = ModelLibrary()
        guard options.useShippedModels, let directory = options.modelsDirectory ?? ModelFiles.directory() else { return library }
        library.directory = directory
        func read(_ names: [String], accept: (ModelCheckpoint) -> Bool) -> ModelCheckpoint? {
            for name in names {
                let path = directory.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path) else { continue }
                do {
                    let checkpoint = try ModelCheckpoint.read(path: path)
                    if accept(checkpoint) { return checkpoint }
                    library.problems.append("\(name): not the model this screen needs")
                } catch {
                    library.problems.append("\(name): \(error)")
                }
            }
            return nil
        }
        library.sine = read([ModelFiles.mamlSine]) { $0.configuration.dataset == .sine }
        library.sineBaseline = read([ModelFiles.pretrainedSine]) { $0.configuration.dataset == .sine }
        library.protoNet = read([ModelFiles.protoNetOneShot, ModelFiles.protoNetFiveShot, ModelFiles.protoNetLake]) {
            if case .embedding = $0.architecture { return true } else { return false }
        }
        library.maml = read([ModelFiles.mamlOmniglot, ModelFiles.fomamlOmniglot, ModelFiles.reptileOmniglot]) {
            if case .classifier = $0.architecture { return true } else { return false }
        }
        return library
    }

    /// "MAML, 70000 it" style caption of a shipped checkpoint.
    static func caption(_ checkpoint: ModelCheckpoint) -> String {
        let c = checkpoint.configuration
        let name: String
        switch c.algorithm {
        case .maml: name = "MAML"
        case .fomaml: name = "FOMAML"
        case .reptile: name = "Reptile"
        case .protonet: name = "ProtoNet"
        case .pretrained: name = "pretrained"
        }
        return "\(name), shipped, \(checkpoint.iteration) it"
    }
}

/// The file names of the trained models in `assets/models/`, and where that folder is.
/// (FewShot's `ShippedModels` will own these names once it lands in main; until then the
/// explorer keeps its own copy so it builds on its own.)
enum ModelFiles {
    static let protoNetOneShot = "protonet-omniglot-1shot.safetensors"
    static let protoNetFiveShot = "protonet-omniglot-5shot.safetensors"
    static let protoNetLake = "protonet-omniglot-lake.safetensors"
    static let mamlOmniglot = "maml-omniglot-5w1s.safetensors"
    static let fomamlOmniglot = "fomaml-omniglot-5w1s.safetensors"
    static let reptileOmniglot = "reptile-omniglot-5w5s.safetensors"
    static let mamlSine = "maml-sine.safetensors"
    static let pretrainedSine = "pretrained-sine.safetensors"

    /// `assets/models` from `EPISCOPE_ASSETS`, the current folder, or above the executable
    /// (`.build/<config>/episcope` sits three folders below the package).
    static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let explicit = environment["EPISCOPE_ASSETS"], !explicit.isEmpty { candidates.append(URL(fileURLWithPath: explicit)) }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("assets/models"))
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("assets/models"))
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
