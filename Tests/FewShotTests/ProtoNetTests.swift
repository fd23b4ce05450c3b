import Autodiff
import NeuralNets
import Testing

@testable import FewShot

@Suite struct ProtoNetTests {
    func episode(seed: UInt64, ways: Int = 3, shots: Int = 2, queries: Int = 2)
        -> (net: ProtoNet, p: ParameterList, s: Tensor, sl: [Int], q: Tensor, ql: [Int])
    {
        var rng = SeededGenerator(seed: seed)
        let net = ProtoNet(encoder: ConvNet4(hiddenChannels: 8))
        let p = net.encoder.initialParameters(using: &rng)
        let s = Tensor.randomUniform(shape: [ways * shots, 1, 28, 28], in: 0...1, using: &rng)
        let q = Tensor.randomUniform(shape: [ways * queries, 1, 28, 28], in: 0...1, using: &rng)
        return (net, p, s, (0..<ways * shots).map { $0 / shots }, q, (0..<ways * queries).map { $0 / queries })
    }

    @Test func prototypesAreClassMeansAndLogitsAreMinusDistances() {
        let e = episode(seed: 1)
        let r = e.net.episode(
            parameters: e.p, support: e.s, supportLabels: e.sl, query: e.q, queryLabels: e.ql, ways: 3, normalization: .batch(running: nil))
        let f = r.supportEmbeddings.shape[1]
        for c in 0..<3 {
            for j in 0..<f {
                let mean = (r.supportEmbeddings.scalars[(2 * c) * f + j] + r.supportEmbeddings.scalars[(2 * c + 1) * f + j]) / 2
                #expect(abs(r.prototypes.scalars[c * f + j] - mean) < 1e-5)
            }
        }
        for qi in 0..<6 {
            for c in 0..<3 {
                var d: Float = 0
                for j in 0..<f { let x = r.queryEmbeddings.scalars[qi * f + j] - r.prototypes.scalars[c * f + j]; d += x * x }
                #expect(abs(r.logits.scalars[qi * 3 + c] + d) < 1e-3 * max(1, d))
            }
        }
    }

    @Test func relabellingClassesChangesNothing() {
        let e = episode(seed: 2)
        let perm = [2, 0, 1]
        let a = e.net.episode(
            parameters: e.p, support: e.s, supportLabels: e.sl, query: e.q, queryLabels: e.ql, ways: 3, normalization: .batch(running: nil))
        let b = e.net.episode(
            parameters: e.p, support: e.s, supportLabels: e.sl.map { perm[$0] }, query: e.q,
            queryLabels: e.ql.map { perm[$0] }, ways: 3, normalization: .batch(running: nil))
        #expect(a.accuracy == b.accuracy)
        #expect(abs(a.loss.scalar - b.loss.scalar) < 1e-5)
    }
}
