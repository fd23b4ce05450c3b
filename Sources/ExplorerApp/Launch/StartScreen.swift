import FewShot
import Foundation

/// Which screen `episcope` opens on: the Episode screen when Omniglot and a trained ProtoNet
/// are there, else the Sine screen, which needs neither. Decided from file existence only,
/// so it costs nothing before the first frame.
public enum StartScreen {
    /// The opening screen for these options.
    public static func choose(options: EngineOptions) -> ScreenID {
        guard options.useOmniglot, (try? DataLocation.resolve(explicit: options.dataDirectory)) != nil else { return .sine }
        guard options.useShippedModels, let folder = options.modelsDirectory ?? ShippedModels.directory() else { return .sine }
        let names = [ShippedModels.protoNetOneShot, ShippedModels.protoNetFiveShot, ShippedModels.protoNetLake]
        let present = names.contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        return present ? .episode : .sine
    }
}
