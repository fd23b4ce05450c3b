import Autodiff
import Foundation
import NeuralNets

/// What `--resume` needs beyond the model: the optimizer's moments and step, the random
/// generator's state and the iteration, in `<model>.state.safetensors` beside the model file
/// (kept apart so the model file loads into PyTorch as a plain state dict).
public struct ResumeState: Sendable {
    public var optimizer: Adam
    public var generator: SeededGenerator
    public var iteration: Int

    public init(optimizer: Adam, generator: SeededGenerator, iteration: Int) {
        (self.optimizer, self.generator, self.iteration) = (optimizer, generator, iteration)
    }

    /// The state file that belongs to a model file.
    public static func path(forModel modelPath: String) -> String {
        modelPath.hasSuffix(".safetensors") ? String(modelPath.dropLast(".safetensors".count)) + ".state.safetensors" : modelPath + ".state"
    }

    public func write(to path: String) throws {
        let optimizerJSON = (try? String(data: JSONEncoder().encode(optimizer), encoding: .utf8)) ?? "{}"
        let generatorJSON = (try? String(data: JSONEncoder().encode(generator), encoding: .utf8)) ?? "{}"
        // Moments as JSON keep every bit (Float round-trips through its shortest decimal form).
        try SafeTensors.write(.init(tensors: [], metadata: [
            "format": "episcope-resume-1", "optimizer": optimizerJSON, "generator": generatorJSON, "iteration": String(iteration),
        ]), to: path)
    }

    public static func read(path: String) throws -> ResumeState {
        let contents = try SafeTensors.read(path: path)
        guard let o = contents.metadata["optimizer"], let optimizer = try? JSONDecoder().decode(Adam.self, from: Data(o.utf8)),
              let g = contents.metadata["generator"], let generator = try? JSONDecoder().decode(SeededGenerator.self, from: Data(g.utf8)),
              let iteration = Int(contents.metadata["iteration"] ?? "") else {
            throw SafeTensors.Failure.malformed(path: path, reason: "optimizer, generator or iteration missing from the resume state")
        }
        return ResumeState(optimizer: optimizer, generator: generator, iteration: iteration)
    }
}
