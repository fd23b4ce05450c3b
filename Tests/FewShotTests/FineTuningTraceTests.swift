import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// MAML.fineTuning is the explorer's inner loop: its trace equals, bit for bit, SGD written out
/// here step by step on fresh leaves (as the screens computed it before they called FewShot).
@Suite struct FineTuningTraceTests {
    @Test func sineTraceAndGridProbeMatchAPlainLoopBitForBit() {
        let model = SineMLP(hidden: 8)
        var rng = SeededGenerator(seed: 21)
        let theta = model.initialParameters(using: &rng)
        let e = SineTaskFamily().sampleEpisode(shots: 5, queries: 7, using: &rng)
        let grid = Tensor(shape: [9, 1], scalars: (0..<9).map { -4 + Float($0) })
        let (steps, alpha): (Int, Float) = (4, 0.05)
        let trace = MAML.fineTuning(
            theta, on: e.objective(for: model).probing { model(grid, parameters: $0).scalars },
            inner: InnerLoop(steps: steps, stepSize: alpha))

        var fast = theta.detached()
        var support: [Float] = [], query: [Float] = [], probes: [[Float]] = []
        for step in 0...steps {
            query.append(withoutRecording { model(e.queryX, parameters: fast).meanSquaredError(e.queryY) }.scalar)
            probes.append(withoutRecording { model(grid, parameters: fast) }.scalars)
            let leaves = fast.variables()
            let loss = model(e.supportX, parameters: leaves).meanSquaredError(e.supportY)
            support.append(loss.scalar)
            if step == steps { break }
            fast = leaves.descending(gradients(of: loss, withRespectTo: leaves.tensors), stepSize: alpha).detached()
        }
        #expect(trace.supportLosses == support)
        #expect(trace.queryLosses == query)
        #expect(trace.probeOutputs == probes)
        #expect(trace.queryAccuracies.isEmpty && trace.queryPredictions.isEmpty)
        // Fine-tuning moved the function.
        #expect(probes.first != probes.last)
    }

    @Test func classificationTraceCarriesEveryQuerysPredictionPerStep() {
        // A linear classifier over 4 features, 3 classes: predictions are the argmax of x·W.
        var rng = SeededGenerator(seed: 5)
        let support = Tensor.randomNormal(shape: [6, 4], using: &rng), query = Tensor.randomNormal(shape: [5, 4], using: &rng)
        let (supportLabels, queryLabels) = ([0, 1, 2, 0, 1, 2], [2, 1, 0, 1, 2])
        var task = TaskObjective(
            support: { p in
                let l = Tensor.matmul(support, p["w"]); return (l.crossEntropy(labels: supportLabels), l.accuracy(labels: supportLabels))
            },
            query: { p in
                let l = Tensor.matmul(query, p["w"]); return (l.crossEntropy(labels: queryLabels), l.accuracy(labels: queryLabels))
            })
        task.queryPredictions = { p in Tensor.matmul(query, p["w"]).argmaxAlongLastAxis() }
        let theta = ParameterList(names: ["w"], tensors: [Tensor.randomNormal(shape: [4, 3], using: &rng)])
        let trace = MAML.fineTuning(theta, on: task, inner: InnerLoop(steps: 3, stepSize: 0.5))
        #expect(trace.queryPredictions.count == 4 && trace.queryAccuracies.count == 4 && trace.supportLosses.count == 4)
        for (predictions, accuracy) in zip(trace.queryPredictions, trace.queryAccuracies) {
            #expect(predictions.count == queryLabels.count)
            #expect(Float(zip(predictions, queryLabels).filter { $0 == $1 }.count) / Float(queryLabels.count) == accuracy)
        }
        #expect(trace.supportLosses.last! < trace.supportLosses.first!)
    }
}
