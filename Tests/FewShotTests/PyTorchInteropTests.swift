import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

/// A state dict as PyTorch lays it out, written by the reference safetensors library with no
/// Episcope metadata (scripts/make-pytorch-fixture.py), loads as a model and computes what
/// PyTorch's semantics give for it.
@Suite struct PyTorchInteropTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let stateDict = fixtures.appendingPathComponent("pytorch-state-dict.safetensors").path
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-interop-\(getpid())").path

    func reference() throws -> SafeTensors.Contents {
        try SafeTensors.read(path: Self.fixtures.appendingPathComponent("pytorch-reference-outputs.safetensors").path)
    }

    func expectClose(_ a: Tensor, _ b: Tensor, _ what: String) {
        #expect(a.shape == b.shape, "\(what): \(a.shape) against \(b.shape)")
        let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
        #expect(worst < 1e-4, "\(what): worst relative difference \(worst)")
    }

    @Test func aPyTorchClassifierStateDictLoadsAndGivesItsLogits() throws {
        let checkpoint = try ModelCheckpoint.read(path: Self.stateDict)
        #expect(checkpoint.configuration.algorithm == .maml && checkpoint.configuration.validationWays == 5)
        // The module tracked running statistics (num_batches_tracked 1234, I64); MAML's classifier
        // normalises with each batch's statistics, so they are not kept (and not written back).
        #expect(checkpoint.runningMeans.isEmpty && checkpoint.runningStatistics() == nil)
        guard case .classifier(let model) = checkpoint.architecture else { Issue.record("not read as a classifier"); return }
        let io = try reference()
        let logits = withoutRecording { model(try! #require(io["images"]), parameters: checkpoint.parameters) }
        expectClose(logits, try #require(io["classifier_logits"]), "classifier logits")
    }

    @Test func thePyTorchEncoderAloneLoadsAsProtoNetWithItsRunningStatistics() throws {
        // Drop the head: what is left is Prototypical Networks' ConvNet4 state dict.
        let full = try SafeTensors.read(path: Self.stateDict)
        let path = directory + "/encoder.safetensors"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SafeTensors.write(.init(tensors: full.tensors.filter { !$0.name.hasPrefix("classifier") }, metadata: [:]), to: path)
        let checkpoint = try ModelCheckpoint.read(path: path)
        guard case .embedding(let encoder) = checkpoint.architecture, let running = checkpoint.runningStatistics() else {
            Issue.record("not read as a ProtoNet encoder with running statistics"); return
        }
        #expect(checkpoint.batchesTracked == 1234)  // stored as I64, as PyTorch does
        let io = try reference()
        let embeddings = withoutRecording {
            encoder(try! #require(io["images"]), parameters: checkpoint.parameters, normalization: .running(running))
        }
        expectClose(embeddings, try #require(io["encoder_embeddings"]), "encoder embeddings")
    }

    @Test func aStateDictOfUnknownModulesIsAClearError() throws {
        let path = directory + "/unknown.safetensors"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SafeTensors.write(.init(tensors: [("fc.weight", Tensor(zeros: [2, 2]))], metadata: [:]), to: path)
        #expect {
            try ModelCheckpoint.read(path: path)
        } throws: { error in
            "\(error)".contains("unknown.safetensors") && "\(error)".contains("state dict")
        }
    }
}
