import Autodiff
import Foundation
import NeuralNets
import TestSupport
import Testing

@testable import FewShot

/// Short seeded runs of MANN and the LSTM baseline on real Omniglot through the one trainer:
/// they learn above chance by the 2nd instance on unseen classes, and the checkpoint reads back
/// to the same weights and predictions.
@Suite struct SequenceTrainerTests {
    @Test(arguments: [Algorithm.mann, .lstm])
    func shortRunLearnsAndItsCheckpointReadsBack(_ algorithm: Algorithm) throws {
        // The paper's task with a smaller controller and memory and a larger step, so that a
        // test-sized run (300 batches, about 40 s) gets somewhere.
        var c = TrainingConfiguration.standard(algorithm, .omniglot)
        (c.iterations, c.validationInterval, c.metaStepSize, c.seed) = (300, 0, 0.005, 1)
        var sizes = SequenceModelSettings()
        (sizes.controllerUnits, sizes.memorySlots, sizes.memoryWidth, sizes.readHeads) = (64, 32, 16, 2)
        c.sequenceModel = sizes
        let data = try TrainingData.load(for: c, location: try TestData.omniglot())
        let trainer = try Trainer(configuration: c, data: data)
        try trainer.run { _ in }
        guard case .omniglot(let dataset, _, let validation) = data else { return }

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-\(algorithm)-\(getpid()).safetensors").path
        try trainer.checkpoint().write(to: path)
        let read = try ModelCheckpoint.read(path: path)
        let written = trainer.checkpoint()
        #expect(read.configuration == written.configuration && read.configuration.sequenceModel != nil)
        #expect(read.parameters.names == written.parameters.names)
        #expect(zip(read.parameters.tensors, written.parameters.tensors).allSatisfy { $0.scalars == $1.scalars })

        var rng = SeededGenerator(seed: 2)
        let result = try Evaluator(checkpoint: read).instanceAccuracy(dataset: dataset, split: validation, episodes: 160, using: &rng)
        #expect(result.episodes == 160 && result.byInstance.count == 10)
        // Chance is 20% at every instance. Even before it binds labels to drawings, a learner
        // that has seen which labels came already answers the 2nd instance above chance. The run
        // repeats bit for bit on one CPU (OpenBLAS held at one thread, whatever other tests run:
        // MANN 28.6%, the LSTM 30.1% on the AMD EPYC), but another CPU's kernels round otherwise
        // and give another run: 22.25% was seen once when the thread count still floated.
        #expect(result.at(2).accuracy > 0.22, "\(algorithm) 2nd instance after 300 batches: \(result.at(2).accuracy)")
        #expect(result.at(2).ci95 > 0 && result.at(2).ci95 < 0.05)
    }

    @Test func resumingContinuesBitForBit() throws {
        var c = TrainingConfiguration.standard(.lstm, .omniglot)
        c.sequenceModel?.controllerUnits = 16
        (c.iterations, c.validationInterval, c.checkpointInterval, c.metaBatch) = (4, 0, 2, 2)
        let data = try TrainingData.load(for: c, location: try TestData.omniglot())
        let folder = try TestData.temporaryFolder()
        let path = folder.appendingPathComponent("lstm.safetensors").path
        let straight = try Trainer(configuration: c, data: data)
        try straight.run { _ in }
        var half = c
        half.iterations = 2
        let first = try Trainer(configuration: half, data: data)
        first.outputPath = path
        try first.run { _ in }
        let resumed = try Trainer(resumingFrom: path, data: data, iterations: 4)
        try resumed.run { _ in }
        #expect(zip(resumed.parameters.tensors, straight.parameters.tensors).allSatisfy { $0.scalars == $1.scalars })
    }

    @Test func sequenceModelsAreRejectedOnSineAndOnEpisodes() throws {
        for algorithm in Algorithm.allCases where algorithm.isModelBased {
            #expect(throws: TrainingError.self) { try Trainer(configuration: .standard(algorithm, .sine), data: .sine) }
        }
        var rng = SeededGenerator(seed: 0)
        let c = TrainingConfiguration.standard(.mann, .omniglot)
        let model = ModelCheckpoint(
            configuration: c, parameters: ModelArchitecture(c).initialParameters(using: &rng), running: nil, iteration: 0, wallSeconds: 0,
            command: "")
        let split = ClassSplit(name: "none", classes: [])
        #expect(throws: TrainingError.self) {
            try Evaluator(checkpoint: model).accuracy(
                dataset: try TestData.dataset(), split: split, ways: 5, shots: 1, queries: 1, episodes: 1, using: &rng)
        }
    }

    @Test func aCheckpointWithHugeSequenceSizesIsRefusedBeforeAllocating() throws {
        var c = TrainingConfiguration.standard(.mann, .omniglot)
        c.sequenceModel?.controllerUnits = 8
        var rng = SeededGenerator(seed: 0)
        let model = ModelCheckpoint(
            configuration: c, parameters: ModelArchitecture(c).initialParameters(using: &rng), running: nil, iteration: 0, wallSeconds: 0,
            command: "")
        let path = try TestData.temporaryFolder().appendingPathComponent("m.safetensors").path
        try model.write(to: path)
        #expect(try ModelCheckpoint.read(path: path).parameters.count == 8)
        // The same file claiming a controller of 100,000 units would allocate gigabytes first.
        var contents = try SafeTensors.read(path: path)
        contents.metadata["configuration"] = contents.metadata["configuration"]!.replacingOccurrences(
            of: "\"controllerUnits\":8", with: "\"controllerUnits\":100000")
        try SafeTensors.write(contents, to: path)
        #expect(throws: SafeTensors.Failure.self) { try ModelCheckpoint.read(path: path) }
    }
}
