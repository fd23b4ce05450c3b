import Autodiff
import NeuralNets
import Testing

@testable import FewShot

@Suite struct RelationNetworkTests {
    let net = RelationNetwork(channels: 8, hiddenUnits: 4)

    func episode(seed: UInt64) -> (p: ParameterList, s: Tensor, q: Tensor) {
        var rng = SeededGenerator(seed: seed)
        let p = net.initialParameters(using: &rng)
        return (
            p, Tensor.randomUniform(shape: [6, 1, 28, 28], in: 0...1, using: &rng),
            Tensor.randomUniform(shape: [3, 1, 28, 28], in: 0...1, using: &rng)
        )
    }

    @Test func embeddingShapesFollowThePaper() {
        let e = episode(seed: 1)
        #expect(net.embed(e.s, parameters: e.p, normalization: .batch(running: nil)).shape == [6, 8, 5, 5])
        #expect(e.p.names.count == 4 * 4 + 2 * 4 + 4)
    }

    /// A query's relation to a class depends only on the class's summed map: reordering the
    /// support set and renaming the classes moves scores with the names and changes none.
    @Test func scoresDependOnClassSumsAndNotOnLabelNames() {
        let e = episode(seed: 2)
        let mode = NormalizationMode.running(RunningStatistics(layers: RelationNetwork.normalizationLayers, channels: 8))
        let a = net.episode(
            parameters: e.p, support: e.s, supportLabels: [0, 0, 1, 1, 2, 2], query: e.q, queryLabels: [0, 1, 2],
            ways: 3, normalization: mode)
        let order = [4, 1, 3, 0, 5, 2]
        let perm = [2, 0, 1]
        let b = net.episode(
            parameters: e.p, support: e.s.gathering(rows: order), supportLabels: order.map { perm[[0, 0, 1, 1, 2, 2][$0]] },
            query: e.q, queryLabels: [0, 1, 2].map { perm[$0] }, ways: 3, normalization: mode)
        for i in 0..<3 {
            for c in 0..<3 { #expect(abs(a.scores.scalars[i * 3 + c] - b.scores.scalars[i * 3 + perm[c]]) < 1e-5) }
        }
        #expect(a.scores.scalars.allSatisfy { $0 > 0 && $0 < 1 })
        var targets = [Float](repeating: 0, count: 9)
        for i in 0..<3 { targets[i * 3 + i] = 1 }
        let mse = zip(a.scores.scalars, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 9
        #expect(abs(a.loss.scalar - mse) < 1e-6)
    }

    /// The split first conv (once per query, once per class, summed per pair) gives the scores
    /// and gradients of the paper's form, one conv over each concatenated pair.
    @Test func splitFirstConvMatchesConvOverConcatenatedPairs() {
        let e = episode(seed: 4)
        let mode = NormalizationMode.batch(running: nil)
        let queryMaps = withoutRecording { net.embed(e.q, parameters: e.p, normalization: mode) }
        let classMaps = withoutRecording { net.embed(e.s.slice(alongAxis: 0, 0..<2), parameters: e.p, normalization: mode) }
        func concatenated(_ p: ParameterList) -> Tensor {
            let (q, k, plane) = (3, 2, queryMaps.count / 3)
            let pairs = Tensor.concatenate(
                [
                    queryMaps.reshaped(to: [q, 1, plane]).broadcast(to: [q, k, plane]),
                    classMaps.reshaped(to: [1, k, plane]).broadcast(to: [q, k, plane])
                ], alongAxis: 2
            ).reshaped(to: [q * k, 16, 5, 5])
            var x = pairs
            for b in 0..<2 {
                x = BatchNorm2D(8)(
                    Tensor.conv2d(x, p["relation.\(b).0.weight"], bias: p["relation.\(b).0.bias"], padding: 1),
                    scale: p["relation.\(b).1.weight"], shift: p["relation.\(b).1.bias"], mode: mode, layer: 4 + b, rectified: true
                ).maxPool2x2()
            }
            let hidden = (Tensor.matmul(x.reshaped(to: [q * k, 8]), p["relation.fc1.weight"], transposeB: true) + p["relation.fc1.bias"]).relu()
            return (Tensor.matmul(hidden, p["relation.fc2.weight"], transposeB: true) + p["relation.fc2.bias"]).sigmoid().reshaped(to: [q, k])
        }
        let v = e.p.variables()
        let split = net.relations(queryMaps: queryMaps, classMaps: classMaps, parameters: v, normalization: mode)
        let reference = concatenated(v)
        for (a, b) in zip(split.scalars, reference.scalars) { #expect(abs(a - b) < 1e-5) }
        let splitGradient = gradients(of: split.sum(), withRespectTo: [v["relation.0.0.weight"]])[0]
        let referenceGradient = gradients(of: reference.sum(), withRespectTo: [v["relation.0.0.weight"]])[0]
        for (a, b) in zip(splitGradient.scalars, referenceGradient.scalars) { #expect(abs(a - b) < 1e-4) }
    }

    @Test func stepsLowerTheEpisodeLoss() {
        var e = episode(seed: 3)
        let labels = [0, 0, 1, 1, 2, 2]
        func loss(_ p: ParameterList) -> Tensor {
            net.episode(
                parameters: p, support: e.s, supportLabels: labels, query: e.q, queryLabels: [0, 1, 2], ways: 3,
                normalization: .batch(running: nil)
            ).loss
        }
        let before = withoutRecording { loss(e.p) }.scalar
        var adam = Adam(learningRate: 0.01)
        for _ in 0..<30 {
            let v = e.p.variables()
            adam.step(&e.p, gradients: gradients(of: loss(v), withRespectTo: v.tensors))
        }
        #expect(withoutRecording { loss(e.p) }.scalar < before * 0.5)
    }
}
