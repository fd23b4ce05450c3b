import Foundation

/// The trained models that ship in `assets/models/`, and where to find that folder.
public enum ShippedModels {
    public static let protoNetOneShot = "protonet-omniglot-1shot.safetensors"
    public static let protoNetFiveShot = "protonet-omniglot-5shot.safetensors"
    public static let protoNetLake = "protonet-omniglot-lake.safetensors"
    public static let mamlOmniglot = "maml-omniglot-5w1s.safetensors"
    public static let fomamlOmniglot = "fomaml-omniglot-5w1s.safetensors"
    public static let reptileOmniglot = "reptile-omniglot-5w5s.safetensors"
    public static let mamlSine = "maml-sine.safetensors"
    public static let pretrainedSine = "pretrained-sine.safetensors"

    /// `assets/models` from `EPISCOPE_ASSETS`, the current directory, or the package the
    /// executable was built in (`.build/<config>/episcope` → `../../assets/models`).
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: URL? = Bundle.main.executableURL
    ) -> URL? {
        var candidates: [URL] = []
        if let explicit = environment["EPISCOPE_ASSETS"], !explicit.isEmpty { candidates.append(URL(fileURLWithPath: explicit)) }
        candidates.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("assets/models"))
        if let exe = executable?.resolvingSymlinksInPath() {
            var folder = exe.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("assets/models"))
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The path of a shipped model, when the folder and file exist.
    public static func path(_ name: String) -> String? {
        guard let folder = directory() else { return nil }
        let path = folder.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
