import Autodiff
import Foundation
import NeuralNets

/// A trained model as a safetensors file: weights and batch-norm buffers (for the models that
/// track running statistics) under PyTorch's `state_dict` names, with the configuration, command, wall time and evaluation results in
/// the metadata. Loads into the PyTorch module of the same architecture, and the other way.
public struct ModelCheckpoint: Sendable {
    public var configuration: TrainingConfiguration
    public var parameters: ParameterList
    /// Running means and variances per batch-norm layer, when the model tracks them (not MAML's classifier).
    public var runningMeans: [[Float]]
    public var runningVariances: [[Float]]
    public var batchesTracked: Int
    /// Outer iterations trained.
    public var iteration: Int
    /// Seconds spent training.
    public var wallSeconds: Double
    /// The command line that trained it.
    public var command: String
    /// Evaluation results, e.g. `"5way1shot": "{\"accuracy\":0.987,...}"`.
    public var evaluation: [String: String]

    public init(
        configuration: TrainingConfiguration, parameters: ParameterList, running: RunningStatistics?,
        iteration: Int, wallSeconds: Double, command: String, evaluation: [String: String] = [:]
    ) {
        self.configuration = configuration
        self.parameters = parameters.detached()
        self.runningMeans = running?.means ?? []
        self.runningVariances = running?.variances ?? []
        self.batchesTracked = running?.batchesTracked ?? 0
        self.iteration = iteration
        self.wallSeconds = wallSeconds
        self.command = command
        self.evaluation = evaluation
    }

    /// The running statistics as the model's normalisation state.
    public func runningStatistics() -> RunningStatistics? {
        guard !runningMeans.isEmpty else { return nil }
        let r = RunningStatistics(layers: runningMeans.count, channels: runningMeans[0].count)
        r.means = runningMeans
        r.variances = runningVariances
        r.batchesTracked = batchesTracked
        return r
    }

    public var architecture: ModelArchitecture { ModelArchitecture(configuration) }

    /// The most ways a checkpoint's classifier may have: Omniglot's 1,623 characters in 4 rotations.
    public static let maximumWays = 1623 * 4

    // MARK: - Files

    /// Writes the weights, the running statistics of an architecture that tracks them (PyTorch's
    /// buffers, the counter as I64) and the metadata, atomically.
    public func write(to path: String) throws {
        var tensors = zip(parameters.names, parameters.tensors).map { (name: $0, tensor: $1) }
        var dtypes: [String: SafeTensors.DType] = [:]
        // A classifier has no buffers to write, whatever it was given (``ModelArchitecture/normalizationLayers``).
        for layer in 0..<min(runningMeans.count, architecture.normalizationLayers) {
            let names = ModelArchitecture.bufferNames(layer: layer)
            tensors.append((names.mean, Tensor(runningMeans[layer])))
            tensors.append((names.variance, Tensor(runningVariances[layer])))
            tensors.append((names.count, Tensor(shape: [], scalars: [Float(batchesTracked)])))
            dtypes[names.count] = .i64
        }
        let config = (try? String(data: JSONEncoder().encode(configuration), encoding: .utf8)) ?? "{}"
        var metadata = [
            "format": "episcope-model-1", "configuration": config, "command": command,
            "iteration": String(iteration), "wall_seconds": String(format: "%.1f", wallSeconds),
            "algorithm": configuration.algorithm.rawValue, "dataset": configuration.dataset.rawValue,
            "split": configuration.split, "seed": String(configuration.seed)
        ]
        for (k, v) in evaluation { metadata["eval.\(k)"] = v }
        try SafeTensors.write(.init(tensors: tensors, metadata: metadata, dtypes: dtypes), to: path)
    }

    /// Reads a checkpoint and checks it against the architecture its configuration names:
    /// every weight present with the right shape.
    public static func read(path: String) throws -> ModelCheckpoint {
        try checkpoint(SafeTensors.read(path: path), path: path)
    }

    /// Decodes a checkpoint file's bytes (`path` names it in messages), with the checks of
    /// ``read(path:)``.
    public static func decode(_ data: Data, path: String) throws -> ModelCheckpoint {
        try checkpoint(SafeTensors.decode(data, path: path), path: path)
    }

    private static func checkpoint(_ contents: SafeTensors.Contents, path: String) throws -> ModelCheckpoint {
        func fail(_ reason: String) -> SafeTensors.Failure { .malformed(path: path, reason: reason) }
        let configuration: TrainingConfiguration
        if let json = contents.metadata["configuration"] {
            guard let decoded = try? JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8)) else {
                throw fail("its Episcope configuration cannot be read (written by a newer version?)")
            }
            configuration = decoded
        } else {
            // A plain state dict, e.g. saved from PyTorch: its tensor names tell the model.
            guard let inferred = stateDictConfiguration(contents) else {
                throw fail("neither Episcope metadata nor a state dict Episcope knows (encoder.0.0.weight, classifier.weight or net.0.weight)")
            }
            configuration = inferred
        }
        // The classifier head is built before the tensors are compared with it, so a ways count
        // from the file (or a state dict's `classifier.weight` of shape [huge, 0]) must be
        // bounded first: no episode has more ways than Omniglot's 1,623 characters in 4 rotations.
        guard (1...ModelCheckpoint.maximumWays).contains(configuration.validationWays) else {
            throw fail("its classifier has \(configuration.validationWays) ways, outside 1...\(ModelCheckpoint.maximumWays)")
        }
        if configuration.algorithm.isModelBased {
            // The same for a sequence model's sizes, which set the shapes of its template weights.
            let s = configuration.sequenceModel ?? .init()
            let sizes = [configuration.ways, s.controllerUnits, s.memorySlots, s.memoryWidth, s.readHeads]
            guard (1...ModelCheckpoint.maximumWays).contains(configuration.ways),
                sizes.allSatisfy({ (1...SequenceModelSettings.largestSize).contains($0) })
            else {
                throw fail("its sequence model's sizes \(sizes) are outside 1...\(SequenceModelSettings.largestSize)")
            }
        }
        if configuration.dataset == .sine {
            // The width sets the template's shapes, and the middle layer holds its square.
            let width = configuration.sineNetwork.hidden
            guard (1...SineMLP.largestHiddenUnits).contains(width) else {
                throw fail("its sine network has \(width) hidden units, outside 1...\(SineMLP.largestHiddenUnits)")
            }
        }
        let architecture = ModelArchitecture(configuration)
        var rng = SeededGenerator(seed: 0)
        let expected = architecture.initialParameters(using: &rng)
        var tensors: [Tensor] = []
        for (name, template) in zip(expected.names, expected.tensors) {
            guard let t = contents[name] else { throw fail("missing tensor \(name)") }
            guard t.shape == template.shape else { throw fail("tensor \(name) has shape \(t.shape), expected \(template.shape)") }
            tensors.append(t)
        }
        var means: [[Float]] = [], variances: [[Float]] = []
        var tracked = 0
        for layer in 0..<architecture.normalizationLayers {
            let names = ModelArchitecture.bufferNames(layer: layer)
            guard let m = contents[names.mean], let v = contents[names.variance] else { continue }
            // Batch norm indexes the buffers by channel, so they must have its weight's shape.
            let channels = zip(expected.names, expected.tensors).first { $0.0 == names.scale }?.1.shape
            guard m.shape == channels, v.shape == channels else {
                throw fail("running statistics of layer \(layer) have shapes \(m.shape) and \(v.shape), expected \(channels ?? [])")
            }
            means.append(m.scalars)
            variances.append(v.scalars)
            // A float counter from the file; Int(_:) would trap on NaN, infinity or 1e30.
            let count = contents[names.count]?.scalars.first ?? 0
            guard let whole = Int(exactly: count), whole >= 0 else { throw fail("\(names.count) is \(count), not a count") }
            tracked = whole
        }
        guard means.isEmpty || means.count == architecture.normalizationLayers else { throw fail("batch-norm buffers of some layers missing") }
        var evaluation: [String: String] = [:]
        for (k, v) in contents.metadata where k.hasPrefix("eval.") { evaluation[String(k.dropFirst(5))] = v }
        var checkpoint = ModelCheckpoint(
            configuration: configuration, parameters: ParameterList(names: expected.names, tensors: tensors), running: nil,
            iteration: Int(contents.metadata["iteration"] ?? "") ?? 0,
            wallSeconds: Double(contents.metadata["wall_seconds"] ?? "") ?? 0,
            command: contents.metadata["command"] ?? "", evaluation: evaluation)
        checkpoint.runningMeans = means
        checkpoint.runningVariances = variances
        checkpoint.batchesTracked = tracked
        return checkpoint
    }
}
