import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

@Suite struct SiameseNetworkTests {
    let net = SiameseNetwork(encoder: ConvNet4(hiddenChannels: 8))

    func parameters(seed: UInt64) -> ParameterList {
        var rng = SeededGenerator(seed: seed)
        return net.initialParameters(using: &rng)
    }

    /// Scores, class means and the balanced loss, written out from the definition.
    @Test func scoresAndLossMatchTheDefinition() {
        let p = parameters(seed: 1)
        var rng = SeededGenerator(seed: 2)
        let s = Tensor.randomNormal(shape: [4, 8], using: &rng), q = Tensor.randomNormal(shape: [2, 8], using: &rng)
        let supportLabels = [0, 1, 1, 0], queryLabels = [1, 0]
        let r = net.classify(
            supportEmbeddings: s, supportLabels: supportLabels, queryEmbeddings: q, queryLabels: queryLabels,
            ways: 2, parameters: p)
        let w = p["head.weight"].scalars.map(Double.init), b = Double(p["head.bias"].scalar)
        var sameLoss = 0.0, differentLoss = 0.0
        for i in 0..<2 {
            var classSums = [0.0, 0.0]
            for j in 0..<4 {
                var logit = b
                for k in 0..<8 { logit += w[k] * abs(Double(q.scalars[i * 8 + k]) - Double(s.scalars[j * 8 + k])) }
                let score = 1 / (1 + Foundation.exp(-logit))
                #expect(abs(Double(r.pairLogits.scalars[i * 4 + j]) - logit) < 1e-5)
                #expect(abs(Double(r.pairScores.scalars[i * 4 + j]) - score) < 1e-5)
                classSums[supportLabels[j]] += score / 2
                if supportLabels[j] == queryLabels[i] { sameLoss -= Foundation.log(score) } else { differentLoss -= Foundation.log(1 - score) }
            }
            for c in 0..<2 { #expect(abs(Double(r.classScores.scalars[i * 2 + c]) - classSums[c]) < 1e-5) }
        }
        #expect(abs(Double(r.loss.scalar) - (0.5 * sameLoss / 4 + 0.5 * differentLoss / 4)) < 1e-5)
    }

    @Test func theHeadAndEncoderHaveGradientsAndStepsLowerTheLoss() {
        var p = parameters(seed: 3)
        #expect(p.names.suffix(2) == ["head.weight", "head.bias"])
        var rng = SeededGenerator(seed: 4)
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
            let g = gradients(of: loss(v), withRespectTo: v.tensors)
            #expect(g.allSatisfy { t in t.scalars.contains { $0 != 0 } })
            adam.step(&p, gradients: g)
        }
        #expect(withoutRecording { loss(p) }.scalar < before * 0.8)
    }
}
