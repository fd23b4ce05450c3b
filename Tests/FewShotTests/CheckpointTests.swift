import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

@Suite struct CheckpointTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-ckpt-\(getpid())").path

    func sample() -> ModelCheckpoint {
        var config = TrainingConfiguration.standard(.protonet, .omniglot)
        config.seed = 9
        var rng = SeededGenerator(seed: 1)
        let p = ModelArchitecture(config).initialParameters(using: &rng)
        let running = RunningStatistics(layers: 4, channels: 64)
        running.means[2][5] = 0.25
        return ModelCheckpoint(
            configuration: config, parameters: p, running: running, iteration: 42, wallSeconds: 3.5,
            command: "episcope train protonet", evaluation: ["5way1shot": "0.98"])
    }

    @Test func roundTripKeepsEveryBitAndPyTorchNames() throws {
        let path = directory + "/model.safetensors"
        let original = sample()
        try original.write(to: path)
        let loaded = try ModelCheckpoint.read(path: path)
        #expect(loaded.parameters.names == original.parameters.names)
        #expect(loaded.parameters.tensors.map(\.scalars) == original.parameters.tensors.map(\.scalars))
        #expect(loaded.runningMeans == original.runningMeans)
        #expect(loaded.configuration == original.configuration)
        #expect(loaded.iteration == 42 && loaded.evaluation["5way1shot"] == "0.98")
        let raw = try SafeTensors.read(path: path)
        #expect(raw["encoder.0.0.weight"]?.shape == [64, 1, 3, 3])
        #expect(raw["encoder.3.1.running_var"]?.shape == [64])
    }

    @Test func brokenFilesAreRejectedWithTheirName() throws {
        let path = directory + "/good.safetensors"
        try sample().write(to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var cases: [(String, Data)] = [
            ("truncated", good.prefix(good.count / 2)),
            ("tiny", good.prefix(5)),
            ("huge header", Data([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]) + good.dropFirst(8))
        ]
        var garbled = good
        garbled[10] = 0x7b  // '{' inside the JSON header
        garbled[11] = 0x7b
        cases.append(("garbled header", garbled))
        for (name, data) in cases {
            let p = directory + "/\(name).safetensors"
            try data.write(to: URL(fileURLWithPath: p))
            #expect(throws: SafeTensors.Failure.self, "\(name)") { try ModelCheckpoint.read(path: p) }
        }
        #expect(throws: SafeTensors.Failure.self) { try ModelCheckpoint.read(path: directory + "/missing.safetensors") }
        // out-of-range offsets
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,800]}}"#
        var bad = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bad.append(contentsOf: $0) }
        bad.append(Data(header.utf8))
        bad.append(Data(count: 8))
        #expect(throws: SafeTensors.Failure.self) { try SafeTensors.decode(bad, path: "x") }
        // a sine model's file read where a ProtoNet is expected is caught by its shapes
        var sine = TrainingConfiguration.standard(.maml, .sine)
        sine.seed = 1
        var rng = SeededGenerator(seed: 1)
        let params = ModelArchitecture(sine).initialParameters(using: &rng)
        var contents = SafeTensors.Contents(tensors: zip(params.names, params.tensors).map { ($0, $1) }, metadata: [:])
        let config = String(data: try JSONEncoder().encode(TrainingConfiguration.standard(.protonet, .omniglot)), encoding: .utf8)!
        contents.metadata["configuration"] = config
        let mismatched = directory + "/mismatched.safetensors"
        try SafeTensors.write(contents, to: mismatched)
        #expect(throws: SafeTensors.Failure.self) { try ModelCheckpoint.read(path: mismatched) }
    }

    @Test func resumeStateRoundTrips() throws {
        var adam = Adam(learningRate: 0.01)
        var p = ParameterList(names: ["a"], tensors: [Tensor([1, 2, 3])])
        adam.step(&p, gradients: [Tensor([0.1, -0.2, 0.3])])
        var gen = SeededGenerator(seed: 5)
        _ = gen.next()
        let path = directory + "/m.state.safetensors"
        try ResumeState(optimizer: adam, generator: gen, iteration: 7, best: .init(iteration: 5, score: -0.4219)).write(to: path)
        let back = try ResumeState.read(path: path)
        #expect(back.iteration == 7 && back.generator == gen)
        #expect(back.best == ResumeState.Best(iteration: 5, score: -0.4219))
        #expect(back.optimizer.firstMoments == adam.firstMoments && back.optimizer.stepCount == 1)
    }
}
