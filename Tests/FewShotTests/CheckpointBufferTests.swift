import Autodiff
import Foundation
import NeuralNets
import TestSupport
import Testing

@testable import FewShot

/// Batch-norm buffers as PyTorch stores them: none for MAML's classifier
/// (`BatchNorm2d(track_running_stats=False)`), running statistics with an I64
/// `num_batches_tracked` for the metric learners; and files written before either change still read.
@Suite struct CheckpointBufferTests {
    /// A checkpoint of `algorithm` on Omniglot, given running statistics as every architecture
    /// with batch norm was before (placeholders for the classifier).
    func checkpoint(_ algorithm: Algorithm, tracked: Int = 1234) -> ModelCheckpoint {
        let configuration = TrainingConfiguration.standard(algorithm, .omniglot)
        var rng = SeededGenerator(seed: 4)
        let parameters = ModelArchitecture(configuration).initialParameters(using: &rng)
        let running = RunningStatistics(layers: ConvNet4.blockCount, channels: 64)
        running.means[1][3] = 0.5
        running.variances[2][7] = 2
        running.batchesTracked = tracked
        return ModelCheckpoint(
            configuration: configuration, parameters: parameters, running: running, iteration: 9, wallSeconds: 1, command: "test")
    }

    func headerTypes(_ path: String) throws -> [String: String] { try ShippedModelTensorTests.headerTypes(path) }

    /// Whether two files hold the same tensors with the same dtypes and the same metadata (the
    /// configuration compared as decoded: JSONEncoder does not promise an order of keys).
    func expectSameFile(_ a: String, _ b: String, _ what: String) throws {
        #expect(try headerTypes(a) == headerTypes(b), "\(what): dtypes")
        let (x, y) = (try SafeTensors.read(path: a), try SafeTensors.read(path: b))
        let values = { (c: SafeTensors.Contents) in Dictionary(uniqueKeysWithValues: c.tensors.map { ($0.name, $0.tensor.scalars) }) }
        #expect(values(x) == values(y), "\(what): tensors")
        #expect(x.metadata.filter { $0.key != "configuration" } == y.metadata.filter { $0.key != "configuration" }, "\(what): metadata")
        let configuration = { (c: SafeTensors.Contents) in
            try JSONDecoder().decode(TrainingConfiguration.self, from: Data((c.metadata["configuration"] ?? "").utf8))
        }
        #expect(try configuration(x) == configuration(y), "\(what): configuration")
    }

    /// `contents` as a file Episcope wrote before: every tensor F32 (counters too), or the
    /// counters as I32 when `counterType` says so.
    func legacyFile(_ contents: SafeTensors.Contents, counterType: String = "F32") -> Data {
        var header: [String: Any] = ["__metadata__": contents.metadata]
        var body = Data()
        for (name, tensor) in contents.tensors {
            let begin = body.count
            if name.hasSuffix("num_batches_tracked") && counterType == "I32" {
                withUnsafeBytes(of: Int32(tensor.scalars[0]).littleEndian) { body.append(contentsOf: $0) }
            } else {
                for value in tensor.scalars { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
            }
            let type = name.hasSuffix("num_batches_tracked") ? counterType : "F32"
            header[name] = ["dtype": type, "shape": tensor.shape, "data_offsets": [begin, body.count]]
        }
        let json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        return data + json + body
    }

    /// The placeholders a MAML-family file carried: mean 0, variance 1, counter 0, per layer.
    func placeholders() -> [(name: String, tensor: Tensor)] {
        (0..<ConvNet4.blockCount).flatMap { layer -> [(name: String, tensor: Tensor)] in
            let names = ModelArchitecture.bufferNames(layer: layer)
            return [
                (names.mean, Tensor(zeros: [64])), (names.variance, Tensor([Float](repeating: 1, count: 64))),
                (names.count, Tensor(shape: [], scalars: [0]))
            ]
        }
    }

    @Test(arguments: [Algorithm.maml, .fomaml, .reptile])
    func classifierCheckpointsCarryNoRunningBuffers(algorithm: Algorithm) throws {
        let folder = try TestData.temporaryFolder("classifier-\(algorithm.rawValue)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.safetensors").path
        let original = checkpoint(algorithm)
        try original.write(to: path)
        let types = try headerTypes(path)
        #expect(Set(types.keys) == Set(original.parameters.names))
        #expect(types.values.allSatisfy { $0 == "F32" })
        let read = try ModelCheckpoint.read(path: path)
        #expect(read.runningMeans.isEmpty && read.runningStatistics() == nil)
        #expect(read.parameters.names == original.parameters.names)
        #expect(read.parameters.tensors.map(\.scalars) == original.parameters.tensors.map(\.scalars))
        #expect(read.configuration == original.configuration && read.iteration == 9)
    }

    @Test func metricCheckpointsStoreTheirCounterAsI64AndRoundTrip() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for algorithm in [Algorithm.protonet, .matching, .siamese] {
            let path = folder.appendingPathComponent("\(algorithm.rawValue).safetensors").path
            let original = checkpoint(algorithm)
            try original.write(to: path)
            let types = try headerTypes(path)
            for layer in 0..<ConvNet4.blockCount {
                let names = ModelArchitecture.bufferNames(layer: layer)
                #expect(types[names.count] == "I64", "\(algorithm) \(names.count)")
                #expect(types[names.mean] == "F32" && types[names.variance] == "F32", "\(algorithm) layer \(layer)")
            }
            let read = try ModelCheckpoint.read(path: path)
            #expect(read.batchesTracked == 1234)
            #expect(read.runningMeans == original.runningMeans && read.runningVariances == original.runningVariances)
            #expect(read.parameters.tensors.map(\.scalars) == original.parameters.tensors.map(\.scalars))
        }
    }

    @Test func relationNetworkCountersAreI64InEverySixLayers() throws {
        var configuration = TrainingConfiguration.standard(.relation, .omniglot)
        configuration.seed = 2
        var rng = SeededGenerator(seed: 2)
        let running = RunningStatistics(layers: RelationNetwork.normalizationLayers, channels: 64)
        running.batchesTracked = 77
        let original = ModelCheckpoint(
            configuration: configuration, parameters: ModelArchitecture(configuration).initialParameters(using: &rng), running: running,
            iteration: 1, wallSeconds: 0, command: "")
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("relation.safetensors").path
        try original.write(to: path)
        let counters = try headerTypes(path).filter { $0.key.hasSuffix("num_batches_tracked") }
        #expect(counters.count == RelationNetwork.normalizationLayers && counters.values.allSatisfy { $0 == "I64" })
        #expect(try ModelCheckpoint.read(path: path).batchesTracked == 77)
    }

    @Test func oldMetricFilesWithFloatOrInt32CountersStillRead() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.safetensors").path
        let original = checkpoint(.protonet, tracked: 4321)
        try original.write(to: path)
        let contents = try SafeTensors.read(path: path)
        for counterType in ["F32", "I32"] {
            let old = folder.appendingPathComponent("old-\(counterType).safetensors").path
            try legacyFile(contents, counterType: counterType).write(to: URL(fileURLWithPath: old))
            #expect(try headerTypes(old)["encoder.0.1.num_batches_tracked"] == counterType)
            let read = try ModelCheckpoint.read(path: old)
            #expect(read.batchesTracked == 4321, "\(counterType)")
            #expect(read.runningMeans == original.runningMeans && read.runningVariances == original.runningVariances)
            // Written again, the counter is I64 and nothing else changes.
            let again = folder.appendingPathComponent("again-\(counterType).safetensors").path
            try read.write(to: again)
            try expectSameFile(again, path, counterType)
        }
    }

    @Test func oldClassifierFilesWithPlaceholderStatisticsReadAndLoseThemWhenWritten() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = checkpoint(.maml)
        let path = folder.appendingPathComponent("new.safetensors").path
        try original.write(to: path)
        var contents = try SafeTensors.read(path: path)
        contents.tensors += placeholders()
        let old = folder.appendingPathComponent("old.safetensors").path
        try legacyFile(contents).write(to: URL(fileURLWithPath: old))
        #expect(try headerTypes(old).keys.contains("encoder.3.1.running_var"))
        let read = try ModelCheckpoint.read(path: old)
        #expect(read.runningMeans.isEmpty)
        #expect(read.parameters.tensors.map(\.scalars) == original.parameters.tensors.map(\.scalars))
        let again = folder.appendingPathComponent("again.safetensors").path
        try read.write(to: again)
        try expectSameFile(again, path, "classifier")
    }

    @Test func aMAMLRunResumedFromAFileWithPlaceholdersTracksNoStatisticsAndSavesNone() throws {
        TestProcess.configure()
        var c = TrainingConfiguration.standard(.maml, .omniglot)
        (c.iterations, c.validationInterval, c.checkpointInterval) = (3, 0, 1000)
        let data = try TrainingData.load(for: c, location: TestData.omniglot())
        let trainer = try Trainer(configuration: c, data: data)
        #expect(trainer.running == nil)
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("maml.safetensors").path
        try trainer.save(to: path)
        // Make the model file what the program wrote before: placeholders, F32 counters.
        var contents = try SafeTensors.read(path: path)
        contents.tensors += placeholders()
        try legacyFile(contents).write(to: URL(fileURLWithPath: path))
        let resumed = try Trainer(resumingFrom: path, data: data)
        #expect(resumed.running == nil)
        try resumed.save(to: path)
        #expect(try !headerTypes(path).keys.contains { $0.contains("running") || $0.contains("num_batches") })
    }
}
