import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

@Suite struct MatchingNetworkTests {
    func embeddings(seed: UInt64, support: Int, queries: Int, features: Int = 6) -> (Tensor, Tensor) {
        var rng = SeededGenerator(seed: seed)
        return (Tensor.randomNormal(shape: [support, features], using: &rng), Tensor.randomNormal(shape: [queries, features], using: &rng))
    }

    /// P(class | query) written out from the definition: softmax over cosines, summed per class.
    @Test func probabilitiesAreAttentionSummedPerClass() {
        let (s, q) = embeddings(seed: 1, support: 6, queries: 4)
        let supportLabels = [0, 1, 2, 0, 1, 2], queryLabels = [2, 0, 1, 1]
        let r = MatchingNetwork().classify(
            supportEmbeddings: s, supportLabels: supportLabels, queryEmbeddings: q,
            queryLabels: queryLabels, ways: 3)
        let f = 6
        func row(_ t: Tensor, _ i: Int) -> [Double] { t.scalars[(i * f)..<((i + 1) * f)].map(Double.init) }
        func cosine(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).map { $0 * $1 }.reduce(0, +) / (a.map { $0 * $0 }.reduce(0, +).squareRoot() * b.map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        var lossByHand = 0.0
        for i in 0..<4 {
            let cosines = (0..<6).map { cosine(row(q, i), row(s, $0)) }
            let weights = cosines.map { Foundation.exp($0) }
            let total = weights.reduce(0, +)
            var attentionSum = 0.0
            for j in 0..<6 {
                #expect(abs(Double(r.similarities.scalars[i * 6 + j]) - cosines[j]) < 1e-5)
                attentionSum += Double(r.attention.scalars[i * 6 + j])
            }
            #expect(abs(attentionSum - 1) < 1e-5)
            for c in 0..<3 {
                let p = (0..<6).filter { supportLabels[$0] == c }.map { weights[$0] / total }.reduce(0, +)
                #expect(abs(Double(r.logits.scalars[i * 3 + c]) - Foundation.log(p)) < 1e-5)
                if c == queryLabels[i] { lossByHand -= Foundation.log(p) / 4 }
            }
        }
        #expect(abs(Double(r.loss.scalar) - lossByHand) < 1e-5)
    }

    /// The scale multiplies the similarities inside the softmax only: attention sharpens, the
    /// similarities themselves do not change.
    @Test func similarityScaleSharpensTheAttention() {
        let (s, q) = embeddings(seed: 4, support: 4, queries: 2)
        let labels = [0, 1, 2, 3]
        let plain = MatchingNetwork().classify(supportEmbeddings: s, supportLabels: labels, queryEmbeddings: q, queryLabels: [0, 1], ways: 4)
        let sharp = MatchingNetwork(similarityScale: 10).classify(
            supportEmbeddings: s, supportLabels: labels, queryEmbeddings: q,
            queryLabels: [0, 1], ways: 4)
        #expect(plain.similarities.scalars == sharp.similarities.scalars)
        let expected = (plain.similarities * 10).softmax().scalars
        for (a, b) in zip(sharp.attention.scalars, expected) { #expect(abs(a - b) < 1e-6) }
        #expect(sharp.attention.scalars.max()! > plain.attention.scalars.max()!)
    }

    @Test func relabellingClassesAndReorderingSupportChangeNothing() {
        let (s, q) = embeddings(seed: 2, support: 6, queries: 3)
        let net = MatchingNetwork()
        let a = net.classify(supportEmbeddings: s, supportLabels: [0, 0, 1, 1, 2, 2], queryEmbeddings: q, queryLabels: [0, 1, 2], ways: 3)
        let order = [5, 2, 0, 4, 1, 3]
        let perm = [1, 2, 0]
        let b = net.classify(
            supportEmbeddings: s.gathering(rows: order), supportLabels: order.map { perm[[0, 0, 1, 1, 2, 2][$0]] },
            queryEmbeddings: q, queryLabels: [0, 1, 2].map { perm[$0] }, ways: 3)
        #expect(abs(a.loss.scalar - b.loss.scalar) < 1e-5)
        #expect(a.accuracy == b.accuracy)
    }

    /// A few Adam steps on one episode of random images lower its loss: gradients flow through
    /// the attention into the encoder.
    @Test func trainingStepsLowerTheEpisodeLoss() {
        var rng = SeededGenerator(seed: 3)
        let net = MatchingNetwork(encoder: ConvNet4(hiddenChannels: 8))
        var p = net.encoder.initialParameters(using: &rng)
        let support = Tensor.randomUniform(shape: [6, 1, 28, 28], in: 0...1, using: &rng)
        let query = Tensor.randomUniform(shape: [6, 1, 28, 28], in: 0...1, using: &rng)
        let labels = [0, 0, 1, 1, 2, 2]
        func loss(_ p: ParameterList) -> Tensor {
            net.episode(
                parameters: p, support: support, supportLabels: labels, query: query, queryLabels: labels, ways: 3,
                normalization: .batch(running: nil)
            ).loss
        }
        let before = withoutRecording { loss(p) }.scalar
        var adam = Adam(learningRate: 0.01)
        for _ in 0..<20 {
            let v = p.variables()
            adam.step(&p, gradients: gradients(of: loss(v), withRespectTo: v.tensors))
        }
        #expect(withoutRecording { loss(p) }.scalar < before * 0.8)
    }
}
