import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

/// MANN's memory mechanics on small sizes: least-used addressing, where the first writes land,
/// read weights that are distributions, gradients through all steps against finite differences;
/// and the LSTM baseline's shapes.
@Suite struct MANNTests {
    let settings: SequenceModelSettings = {
        var s = SequenceModelSettings()
        (s.controllerUnits, s.memorySlots, s.memoryWidth, s.readHeads) = (6, 5, 4, 2)
        return s
    }()

    func randomBatch(steps: Int, sequences: Int, classes: Int, seed: UInt64) -> SequenceBatch {
        var rng = SeededGenerator(seed: seed)
        let images = Tensor.randomUniform(shape: [steps, sequences, SequenceBatch.imageFeatures], in: 0...1, using: &rng)
        return SequenceBatch(images: images, targets: (0..<(steps * sequences)).map { _ in rng.nextInt(below: classes) }, classes: classes)
    }

    @Test func leastUsedMarksTheSmallestUsagesAndZeroesTheSmallest() {
        // Two sequences of four slots.
        let l = LeastUsed(usage: [0.5, 0.1, 0.1, 0.9, 0, 2, 1, 0.5], batch: 2, slots: 4, count: 2)
        #expect(l.weights.shape == [2, 1, 4] && l.keepMask.shape == [2, 4, 1])
        // Ties go to the lower slot: slot 1 is the least used of the first sequence.
        #expect(l.weights.scalars == [0, 1, 1, 0, 1, 0, 0, 1])
        #expect(l.keepMask.scalars == [1, 0, 1, 1, 0, 1, 1, 1])
    }

    @Test func usageDecaysAndCollectsReadsAndWrites() {
        let reads = Tensor(shape: [1, 2, 3], scalars: [0.2, 0.3, 0.5, 1, 0, 0])
        let writes = Tensor(shape: [1, 2, 3], scalars: [0, 1, 0, 0, 0, 1])
        let usage = MANN.decayedUsage([1, 0, 2], decay: 0.5, reads: reads, writes: writes)
        let expected: [Float] = [0.5 + 0.2 + 1, 0 + 0.3 + 1, 1 + 0.5 + 1]
        #expect(zip(usage, expected).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func firstWritesGoToTheLastReadOrTheLeastUsedSlotsAndReadsAreDistributions() {
        let mann = MANN(classes: 3, settings: settings)
        var rng = SeededGenerator(seed: 1)
        let p = mann.initialParameters(using: &rng)
        let batch = randomBatch(steps: 4, sequences: 2, classes: 3, seed: 2)
        let (logits, trace) = withoutRecording { mann.tracedLogits(parameters: p, batch: batch) }
        #expect(logits.shape == [8, 3] && trace.count == 4)
        // Step 0: every head last read slot 0 (the start state), and slots 1 and 2 are the two
        // least used; nothing else is written, and the other slots keep their start value.
        for head in trace[0].writeWeights {
            #expect(head[3] == 0 && head[4] == 0 && head[0] > 0 && head[1] > 0 && abs(head[0] + head[1] - 1) < 1e-5)
        }
        #expect(trace[0].memory[(3 * 4)...].allSatisfy { $0 == 1e-6 })
        for step in trace {
            for head in step.readWeights { #expect(abs(head.reduce(0, +) - 1) < 1e-5 && head.allSatisfy { $0 > 0 }) }
        }
        // Usage after step 0: 0.95 · (slot 0) + both heads' reads (1 each) and writes.
        let written = trace[0].writeWeights.map { $0.reduce(0, +) }.reduce(0, +)
        #expect(abs(trace[0].usage.reduce(0, +) - (0.95 + 2 + written)) < 1e-4)
    }

    @Test func gradientsThroughAllStepsMatchFiniteDifferences() {
        let mann = MANN(classes: 3, settings: settings)
        var rng = SeededGenerator(seed: 3)
        let start = mann.initialParameters(using: &rng)
        let batch = randomBatch(steps: 5, sequences: 2, classes: 3, seed: 4)
        let names = start.names
        func loss(_ tensors: [Tensor]) -> Tensor { mann.loss(parameters: ParameterList(names: names, tensors: tensors), batch: batch).loss }
        let xs = start.tensors.map { $0.variable() }
        let grads = gradients(of: loss(xs), withRespectTo: xs)
        #expect(grads.allSatisfy { g in g.scalars.contains { $0 != 0 } }, "every weight gets a gradient")
        for trial in 0..<3 {
            var directions = SeededGenerator(seed: UInt64(10 + trial))
            let ds = start.tensors.map { Tensor.randomNormal(shape: $0.shape, using: &directions) }
            let analytic = zip(grads, ds).map { g, d in zip(g.scalars, d.scalars).map { Double($0) * Double($1) }.reduce(0, +) }.reduce(0, +)
            func moved(_ step: Float) -> [Tensor] {
                zip(start.tensors, ds).map { x, d in Tensor(shape: x.shape, scalars: zip(x.scalars, d.scalars).map { $0 + step * $1 }) }
            }
            let epsilon: Float = 1e-2
            let numeric =
                (Double(withoutRecording { loss(moved(epsilon)) }.scalar) - Double(withoutRecording { loss(moved(-epsilon)) }.scalar))
                / Double(2 * epsilon)
            #expect(abs(analytic - numeric) / max(1, abs(numeric)) < 3e-2, "analytic \(analytic), numeric \(numeric)")
        }
    }

    @Test func lstmBaselineLabelsEveryStep() {
        let lstm = LSTMBaseline(classes: 5, units: 8)
        var rng = SeededGenerator(seed: 5)
        let p = lstm.initialParameters(using: &rng)
        #expect(
            p.names == ["controller.weight_ih", "controller.weight_hh", "controller.bias_ih", "controller.bias_hh", "output.weight", "output.bias"])
        #expect(p["controller.weight_ih"].shape == [32, 405] && p["output.weight"].shape == [5, 8])
        let batch = randomBatch(steps: 6, sequences: 3, classes: 5, seed: 6)
        let r = lstm.loss(parameters: p, batch: batch)
        #expect(lstm.logits(parameters: p, batch: batch).shape == [18, 5])
        // Near-uniform logits at the start: the loss summed over 6 steps is about 6 · log 5.
        #expect(abs(r.loss.scalar - 6 * Float(Foundation.log(5.0))) < 1.5)
        #expect(lstm.predictions(parameters: p, batch: batch).count == 18)
    }
}
