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
    /// The best validation so far, so a resumed run keeps choosing against it.
    public var best: Best?

    /// A validation that beat every earlier one: when, and its score (higher is better).
    public struct Best: Sendable, Equatable {
        public var iteration: Int
        public var score: Double
        public init(iteration: Int, score: Double) { (self.iteration, self.score) = (iteration, score) }
    }

    public init(optimizer: Adam, generator: SeededGenerator, iteration: Int, best: Best? = nil) {
        (self.optimizer, self.generator, self.iteration, self.best) = (optimizer, generator, iteration, best)
    }

    /// The state file that belongs to a model file.
    public static func path(forModel modelPath: String) -> String {
        modelPath.hasSuffix(".safetensors") ? String(modelPath.dropLast(".safetensors".count)) + ".state.safetensors" : modelPath + ".state"
    }

    public func write(to path: String) throws {
        // Moments as F32 tensors keep every bit at a third of the size of text.
        var tensors: [(name: String, tensor: Tensor)] = []
        for (i, (m, v)) in zip(optimizer.firstMoments, optimizer.secondMoments).enumerated() {
            tensors.append(("optimizer.exp_avg.\(i)", Tensor(m)))
            tensors.append(("optimizer.exp_avg_sq.\(i)", Tensor(v)))
        }
        let generatorJSON = (try? String(data: JSONEncoder().encode(generator), encoding: .utf8)) ?? "{}"
        var metadata = [
            "format": "episcope-resume-2", "optimizer.step": String(optimizer.stepCount),
            "optimizer.lr": String(optimizer.learningRate), "optimizer.tensors": String(optimizer.firstMoments.count),
            "generator": generatorJSON, "iteration": String(iteration)
        ]
        if let best {
            metadata["best.iteration"] = String(best.iteration)
            metadata["best.score"] = String(best.score)
        }
        try SafeTensors.write(.init(tensors: tensors, metadata: metadata), to: path)
    }

    public static func read(path: String) throws -> ResumeState {
        let contents = try SafeTensors.read(path: path)
        func fail(_ what: String) -> SafeTensors.Failure { .malformed(path: path, reason: "\(what) missing from the resume state") }
        guard let g = contents.metadata["generator"], let generator = try? JSONDecoder().decode(SeededGenerator.self, from: Data(g.utf8)) else {
            throw fail("the random generator")
        }
        guard let iteration = Int(contents.metadata["iteration"] ?? "") else { throw fail("the iteration") }
        let optimizer: Adam
        if let json = contents.metadata["optimizer"] {
            // format 1 kept the optimiser as JSON
            guard let decoded = try? JSONDecoder().decode(Adam.self, from: Data(json.utf8)) else { throw fail("the optimiser") }
            optimizer = decoded
        } else {
            guard let step = Int(contents.metadata["optimizer.step"] ?? ""), let lr = Float(contents.metadata["optimizer.lr"] ?? ""),
                let count = Int(contents.metadata["optimizer.tensors"] ?? "")
            else { throw fail("the optimiser") }
            var first: [[Float]] = [], second: [[Float]] = []
            for i in 0..<count {
                guard let m = contents["optimizer.exp_avg.\(i)"], let v = contents["optimizer.exp_avg_sq.\(i)"], m.count == v.count else {
                    throw fail("optimiser moment \(i)")
                }
                first.append(m.scalars)
                second.append(v.scalars)
            }
            optimizer = Adam(learningRate: lr, stepCount: step, firstMoments: first, secondMoments: second)
        }
        var best: Best?
        if let at = Int(contents.metadata["best.iteration"] ?? ""), let score = Double(contents.metadata["best.score"] ?? "") {
            best = Best(iteration: at, score: score)
        }
        return ResumeState(optimizer: optimizer, generator: generator, iteration: iteration, best: best)
    }
}
