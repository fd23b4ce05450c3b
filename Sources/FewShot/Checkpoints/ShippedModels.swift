import Foundation

/// The trained models that ship in `assets/models/`, and where to find that folder.
public enum ShippedModels {
    public static let protoNetOneShot = "protonet-omniglot-1shot.safetensors"
    public static let protoNetFiveShot = "protonet-omniglot-5shot.safetensors"
    public static let protoNetLake = "protonet-omniglot-lake.safetensors"
    public static let matchingOneShot = "matching-omniglot-1shot.safetensors"
    public static let siamese = "siamese-omniglot.safetensors"
    public static let relationFiveWayOneShot = "relation-omniglot-5way1shot.safetensors"
    /// Sung et al. train one Relation Network per setting: a class map summed over five shots is
    /// not what a one-shot relation module has learned to read.
    public static let relationFiveWayFiveShot = "relation-omniglot-5way5shot.safetensors"
    public static let mamlOmniglot = "maml-omniglot-5w1s.safetensors"
    public static let fomamlOmniglot = "fomaml-omniglot-5w1s.safetensors"
    public static let reptileOmniglot = "reptile-omniglot-5w5s.safetensors"
    public static let mamlSine = "maml-sine.safetensors"
    public static let pretrainedSine = "pretrained-sine.safetensors"
    /// Santoro et al.'s MANN and its LSTM baseline, on 5-class sequences of 10 drawings each.
    public static let mannOmniglot = "mann-omniglot-5class.safetensors"
    public static let lstmOmniglot = "lstm-omniglot-5class.safetensors"

    /// `assets/models` from `EPISCOPE_ASSETS`, else found upwards from the current directory or
    /// the executable's (`.build/<config>/episcope` → `../../assets/models`), see ``ProjectFolders``.
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executable: URL? = Bundle.main.executableURL
    ) -> URL? {
        if let explicit = environment["EPISCOPE_ASSETS"], !explicit.isEmpty, FileManager.default.fileExists(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        let starts = ProjectFolders.starts(currentDirectory: URL(fileURLWithPath: currentDirectory), executable: executable)
        return ProjectFolders.findUpwards("assets/models", from: starts)
    }

    /// The path of a shipped model, when the folder and file exist.
    public static func path(_ name: String) -> String? {
        guard let folder = directory() else { return nil }
        let path = folder.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
