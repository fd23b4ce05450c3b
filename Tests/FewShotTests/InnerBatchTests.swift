import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// Reptile's inner mini-batches: which examples each step sees, and that the inner loop and
/// Reptile's update descend exactly those.
@Suite struct InnerBatchTests {
    @Test func everyPassShowsEachExampleOnceAndBatchesMaySpanPasses() {
        var rng = SeededGenerator(seed: 3)
        // 7 batches of 4 out of 10 examples: 28 draws, so passes of 10, 10 and a partial 8.
        let batches = InnerBatches(count: 7, size: 4, examples: 10, using: &rng).indices
        #expect(batches.count == 7 && batches.allSatisfy { $0.count == 4 })
        let stream = batches.flatMap { $0 }
        for pass in [stream[0..<10], stream[10..<20]] { #expect(pass.sorted() == Array(0..<10)) }
        #expect(Set(stream[20...]).count == 8)
        // A pass is a fresh shuffle, not the same order again.
        #expect(Array(stream[0..<10]) != Array(stream[10..<20]))
        var again = SeededGenerator(seed: 3)
        #expect(InnerBatches(count: 7, size: 4, examples: 10, using: &again).indices == batches)
        #expect(again == rng)
    }

    @Test func reptileDescendsOneBatchPerStep() {
        var rng = SeededGenerator(seed: 5)
        let x = Tensor.randomNormal(shape: [6, 3], using: &rng), y = Tensor.randomNormal(shape: [6, 1], using: &rng)
        let w = Tensor.randomNormal(shape: [3, 1], using: &rng)
        let batches = [[0, 1], [2, 3], [4, 5], [1, 4]]
        func loss(_ rows: [Int], _ p: ParameterList) -> Tensor {
            (Tensor.matmul(x.gathering(rows: rows), p["w"]) - y.gathering(rows: rows)).squared().mean()
        }
        let objective = TaskObjective(
            support: { p in (loss(Array(0..<6), p), nil) }, supportBatch: { step, p in (loss(batches[step], p), nil) },
            query: { p in (loss(Array(0..<6), p), nil) })
        let alpha: Float = 0.1
        let inner = InnerLoop(steps: 3, stepSize: alpha)
        let result = Reptile.metaStep(ParameterList(names: ["w"], tensors: [w]), tasks: [objective], inner: inner, metaStepSize: 0.5)
        // by hand: step i is SGD on the rows of batch i only, ∇ = 2 Xᵀ(Xw − y)/n
        var phi = w
        for rows in batches.prefix(3) {
            let (xb, yb) = (x.gathering(rows: rows), y.gathering(rows: rows))
            phi = phi - Tensor.matmul(xb, Tensor.matmul(xb, phi) - yb, transposeA: true).scaled(by: 2 * alpha / Float(rows.count))
        }
        let expected = w + (phi - w).scaled(by: 0.5)
        for (a, b) in zip(result.parameters.tensors[0].scalars, expected.scalars) { #expect(abs(a - b) < 1e-5 * max(1, abs(b))) }
        // The trace scores each step's batch, then the batch after the last step.
        let trace = result.traces[0].supportLosses
        #expect(trace.count == 4)
        #expect(abs(trace[3] - loss(batches[3], ParameterList(names: ["w"], tensors: [phi])).scalar) < 1e-5)
    }

    @Test func episodeObjectiveBatchesTheSupportSet() {
        var rng = SeededGenerator(seed: 9)
        let model = ConvClassifier(ways: 2, downsampling: .strided, hiddenChannels: 4)
        let theta = model.initialParameters(using: &rng)
        let labels = [0, 0, 0, 1, 1, 1]
        let e = EpisodeTensors(
            support: .randomNormal(shape: [6, 1, 8, 8], using: &rng), supportLabels: labels,
            query: .randomNormal(shape: [2, 1, 8, 8], using: &rng), queryLabels: [0, 1], ways: 2)
        var sampling = rng
        let objective = e.objective(for: model, innerSteps: 2, batchSize: 4, using: &sampling)
        let rows = InnerBatches(count: 3, size: 4, examples: 6, using: &rng).indices
        #expect(sampling == rng)
        for step in 0..<3 {
            let batched = withoutRecording { objective.supportBatch(step, theta).loss.scalar }
            let direct = withoutRecording {
                model(e.support.gathering(rows: rows[step]), parameters: theta).crossEntropy(labels: rows[step].map { labels[$0] }).scalar
            }
            #expect(batched == direct, "step \(step)")
        }
        // A batch as large as the support set is the whole set, and draws nothing.
        let before = sampling
        let whole = e.objective(for: model, innerSteps: 2, batchSize: 6, using: &sampling)
        #expect(sampling == before)
        #expect(withoutRecording { whole.supportBatch(1, theta).loss.scalar } == withoutRecording { whole.support(theta).loss.scalar })
    }
}
