import Foundation
import NeuralNets
import Testing

@testable import FewShot

/// Every file in assets/models stores exactly the tensors, with exactly the dtypes, that PyTorch's
/// `state_dict` of its module holds (Fixtures/shipped-model-tensors.json): no placeholder
/// statistics in the MAML family, I64 counters in the metric learners.
@Suite struct ShippedModelTensorTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/shipped-model-tensors.json")

    struct Fixture: Decodable {
        var kinds: [String: [String: String]]
        var files: [String: String]
    }

    /// The tensor names and dtypes in a safetensors header, parsed here rather than by ``SafeTensors``.
    static func headerTypes(_ path: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let length = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try #require(try JSONSerialization.jsonObject(with: data[8..<(8 + length)]) as? [String: Any])
        var types: [String: String] = [:]
        for (name, entry) in header where name != "__metadata__" { types[name] = (entry as? [String: Any])?["dtype"] as? String }
        return types
    }

    @Test func everyShippedFileHoldsTheTensorsAndDtypesOfItsKind() throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixture))
        let shipped = ShippedModelTests.shipped()
        #expect(!shipped.isEmpty)
        #expect(Set(shipped) == Set(fixture.files.keys), "a shipped file is missing from the fixture, or the fixture names one not shipped")
        for name in shipped {
            let kind = try #require(fixture.files[name], "\(name) is not in the fixture")
            let expected = try #require(fixture.kinds[kind], "kind \(kind)")
            let stored = try Self.headerTypes(ShippedModelTests.models.appendingPathComponent(name).path)
            let wrong = Set(stored.keys).union(expected.keys).filter { stored[$0] != expected[$0] }.sorted()
            #expect(
                wrong.isEmpty, "\(name) (\(kind)): \(wrong.map { "\($0) stored \(stored[$0] ?? "nothing"), expected \(expected[$0] ?? "nothing")" })")
        }
    }

    /// Whether `python3` with numpy runs here (nothing is installed for it).
    static let pythonWithNumpy: Bool = (try? python(["-c", "import numpy"]).status) == 0

    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// numpy alone, as a PyTorch user's loader sees the file: the buffers, the counters' dtype and
    /// value, and the first convolution's weights.
    static let numpyReader = """
        import json, struct, sys
        import numpy as np
        for path in sys.argv[1:]:
            raw = open(path, "rb").read()
            n = struct.unpack("<Q", raw[:8])[0]
            header = json.loads(raw[8:8 + n]); header.pop("__metadata__", None)
            kinds = {"F32": np.float32, "I64": np.int64}
            t = {k: np.frombuffer(raw[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]], kinds[v["dtype"]]).reshape(v["shape"])
                 for k, v in header.items()}
            counters = [t[k] for k in t if k.endswith("num_batches_tracked")]
            print(json.dumps({"buffers": sum("running_" in k for k in t), "counter_dtypes": sorted({str(c.dtype) for c in counters}),
                              "counters": sorted({int(c) for c in counters}), "conv0_sum": float(t["encoder.0.0.weight"].astype(np.float64).sum())}))
        """

    struct NumpyView: Decodable {
        var buffers: Int
        var counterTypes: [String]
        var counters: [Int]
        var convolutionSum: Double

        enum CodingKeys: String, CodingKey {
            case buffers, counters
            case counterTypes = "counter_dtypes"
            case convolutionSum = "conv0_sum"
        }
    }

    @Test(.enabled(if: pythonWithNumpy, "python3 with numpy is not available: the independent numpy check is skipped"))
    func numpyReadsTheShippedOmniglotModelsAsEpiscopeDoes() throws {
        // The convolutional models: MANN and the LSTM have no encoder and no batch norm.
        let names = ShippedModelTests.shipped().filter {
            $0.contains("omniglot") && $0 != ShippedModels.mannOmniglot && $0 != ShippedModels.lstmOmniglot
        }
        let paths = names.map { ShippedModelTests.models.appendingPathComponent($0).path }
        let run = try Self.python(["-c", Self.numpyReader] + paths)
        try #require(run.status == 0, "the numpy reader failed")
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n")
        try #require(lines.count == names.count)
        for (name, line) in zip(names, lines) {
            let view = try JSONDecoder().decode(NumpyView.self, from: Data(line.utf8))
            let checkpoint = try ModelCheckpoint.read(path: ShippedModelTests.models.appendingPathComponent(name).path)
            let conv0 = try #require(checkpoint.parameters.names.firstIndex(of: "encoder.0.0.weight"))
            let sum = checkpoint.parameters.tensors[conv0].scalars.reduce(0.0) { $0 + Double($1) }
            #expect(abs(view.convolutionSum - sum) <= 1e-9 * max(1, abs(sum)), "\(name): numpy \(view.convolutionSum), Episcope \(sum)")
            if case .classifier = checkpoint.architecture {
                #expect(view.buffers == 0 && view.counters.isEmpty, "\(name) carries batch-norm buffers")
            } else {
                #expect(view.buffers == 2 * checkpoint.architecture.normalizationLayers, "\(name)")
                #expect(view.counterTypes == ["int64"] && view.counters == [checkpoint.batchesTracked], "\(name): \(view)")
            }
        }
    }
}
