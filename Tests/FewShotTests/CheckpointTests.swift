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

    @Test func sineWidthRoundTripsAndOldFilesMeanThePapers() throws {
        var wide = TrainingConfiguration.standard(.maml, .sine)
        wide.sineHiddenUnits = 64
        var rng = SeededGenerator(seed: 3)
        let params = ModelArchitecture(wide).initialParameters(using: &rng)
        let path = directory + "/wide-sine.safetensors"
        try ModelCheckpoint(configuration: wide, parameters: params, running: nil, iteration: 7, wallSeconds: 1, command: "test")
            .write(to: path)
        let loaded = try ModelCheckpoint.read(path: path)
        #expect(loaded.configuration.sineNetwork.hidden == 64)
        #expect(loaded.parameters["net.2.weight"].shape == [64, 64] && loaded.parameters["net.4.weight"].shape == [1, 64])
        #expect(loaded.parameters.tensors.map(\.scalars) == params.tensors.map(\.scalars))
        // The adapted model answers as the network it was saved from.
        let x = Tensor(shape: [3, 1], scalars: [-2, 0, 4])
        #expect(SineMLP(hidden: 64)(x, parameters: params).scalars == loaded.configuration.sineNetwork(x, parameters: loaded.parameters).scalars)

        // A configuration written before the field existed has no key for it: the paper's 40.
        let json = String(data: try JSONEncoder().encode(TrainingConfiguration.standard(.maml, .sine)), encoding: .utf8)!
        #expect(!json.contains("sineHiddenUnits"))
        #expect(try JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8)).sineNetwork.hidden == 40)

        // A plain state dict (PyTorch's) is as wide as its first layer.
        let plain = directory + "/wide-state-dict.safetensors"
        try SafeTensors.write(.init(tensors: zip(params.names, params.tensors).map { ($0, $1) }, metadata: [:]), to: plain)
        #expect(try ModelCheckpoint.read(path: plain).configuration.sineNetwork.hidden == 64)

        // A width past the bound is refused before anything of that size is built.
        var huge = wide
        huge.sineHiddenUnits = 1_000_000
        var contents = SafeTensors.Contents(tensors: zip(params.names, params.tensors).map { ($0, $1) }, metadata: [:])
        contents.metadata["configuration"] = String(data: try JSONEncoder().encode(huge), encoding: .utf8)!
        let refused = directory + "/huge-sine.safetensors"
        try SafeTensors.write(contents, to: refused)
        #expect {
            try ModelCheckpoint.read(path: refused)
        } throws: { "\($0)".contains("1000000 hidden units, outside 1...1024") }
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
