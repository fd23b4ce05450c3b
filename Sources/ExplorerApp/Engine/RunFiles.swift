import FewShot
import Foundation

/// Where the Training screen saves runs, and how: `runs/` in the data folder unless the user
/// names a folder (`episcope --runs DIR`), never the current folder. Each save writes the model
/// and its resume state beside it (`episcope train --resume` continues it), both atomically.
public enum RunFiles {
    /// `runs` in the folder `episcope data` fills (`$XDG_DATA_HOME/episcope`, else
    /// `~/.local/share/episcope`).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        DataLocation.installDirectory(environment: environment).appendingPathComponent("runs")
    }

    /// The folder `options` name, else the default.
    public static func directory(_ options: EngineOptions) -> URL {
        options.runsDirectory.map { URL(fileURLWithPath: $0) } ?? defaultDirectory()
    }

    /// Writes `trainer`'s model and resume state into `directory` (created when missing) as
    /// `algorithm-dataset-ITERATIONit.safetensors`, numbered `-2`, `-3`... rather than replacing
    /// an earlier run's file; returns the model's path.
    public static func save(_ trainer: Trainer, in directory: URL) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let c = trainer.configuration
        let stem = "\(c.algorithm.rawValue)-\(c.dataset.rawValue)-\(trainer.iteration)it"
        var path = directory.appendingPathComponent(stem + ".safetensors").path
        var number = 2
        while FileManager.default.fileExists(atPath: path) {
            path = directory.appendingPathComponent("\(stem)-\(number).safetensors").path
            number += 1
        }
        try trainer.save(to: path)
        return path
    }
}

/// The last run the Training screen can save: its trainer once it no longer steps, and the file
/// it was last saved to, so `u` after `w` at the same iteration reuses that file.
final class SavableRun {
    let trainer: Trainer
    private var savedAt: (iteration: Int, path: String)?

    init(trainer: Trainer) { self.trainer = trainer }

    /// Saves into `directory` unless already saved at this iteration; the update to post.
    func save(in directory: URL, use: Bool) -> TrainingUpdate {
        if let savedAt, savedAt.iteration == trainer.iteration {
            return .saved(path: savedAt.path, iteration: savedAt.iteration, use: use)
        }
        do {
            let path = try RunFiles.save(trainer, in: directory)
            savedAt = (trainer.iteration, path)
            return .saved(path: path, iteration: trainer.iteration, use: use)
        } catch {
            return .saveFailed("\(directory.path): \(error)")
        }
    }
}
