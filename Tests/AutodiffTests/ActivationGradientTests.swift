import Foundation
import Testing

@testable import Autodiff

/// The activations and similarities of the metric and memory learners: values against their
/// definitions, gradients against finite differences, first and second order.
@Suite struct ActivationGradientTests {
    typealias G = GradientCheck
    let a = G.random([3, 4], seed: 11)
    let b = G.random([5, 4], seed: 12)

    @Test func valuesMatchTheirDefinitions() {
        let x = Tensor(shape: [5], scalars: [-100, -2, 0, 0.5, 100])
        let sigmoid = x.sigmoid().scalars
        for (s, v) in zip(sigmoid, x.scalars) {
            #expect(Swift.abs(s - 1 / (1 + Float(Foundation.exp(Double(-v))))) < 1e-6)
        }
        #expect(sigmoid[0] >= 0 && sigmoid[0] < 1e-30 && sigmoid[4] == 1, "no overflow at the tails")
        #expect(x.abs().scalars == [100, 2, 0, 0.5, 100])
        #expect(x.sign().scalars == [-1, -1, 0, 1, 1])
        #expect(zip(x.tanh().scalars, x.scalars).allSatisfy { Swift.abs($0 - Float(Foundation.tanh(Double($1)))) < 1e-6 })
        let softplus = x.softplus().scalars
        #expect(softplus[4] == 100 && softplus[0] < 1e-30, "softplus stays finite for large |x|")
        #expect(Swift.abs(softplus[2] - Float(Foundation.log(2.0))) < 1e-6)
    }

    @Test func activationGradients() {
        G.first([a]) { G.weighted($0[0].sigmoid()) }
        G.second([a]) { G.weighted($0[0].sigmoid()) }
        G.first([a]) { G.weighted($0[0].tanh()) }
        G.second([a]) { G.weighted($0[0].tanh()) }
        G.first([a], epsilon: 1e-3) { G.weighted($0[0].abs() * $0[0]) }
        G.second([a], epsilon: 1e-3) { G.weighted($0[0].abs() * $0[0]) }
        G.first([a]) { G.weighted($0[0].softplus()) }
        G.second([a]) { G.weighted($0[0].softplus()) }
    }

    @Test func cosineSimilarityValuesAndGradients() {
        let s = Tensor.pairwiseCosineSimilarities(a, b)
        #expect(s.shape == [3, 5])
        for i in 0..<3 {
            for j in 0..<5 {
                let u = a.scalars[(i * 4)..<(i * 4 + 4)], v = b.scalars[(j * 4)..<(j * 4 + 4)]
                let dot = zip(u, v).map { $0 * $1 }.reduce(0, +)
                let norms = u.map { $0 * $0 }.reduce(0, +).squareRoot() * v.map { $0 * $0 }.reduce(0, +).squareRoot()
                #expect(Swift.abs(s.scalars[i * 5 + j] - dot / norms) < 1e-5)
            }
        }
        let self1 = Tensor.pairwiseCosineSimilarities(a, a)
        for i in 0..<3 { #expect(Swift.abs(self1.scalars[i * 3 + i] - 1) < 1e-5) }
        G.first([a, b]) { G.weighted(Tensor.pairwiseCosineSimilarities($0[0], $0[1])) }
        G.second([a, b]) { G.weighted(Tensor.pairwiseCosineSimilarities($0[0], $0[1])) }
    }

    @Test func batchedCosineSimilarityIsOneProductPerBatchEntry() {
        let keys = G.random([2, 3, 4], seed: 13)
        let memory = G.random([2, 5, 4], seed: 14)
        let s = Tensor.pairwiseCosineSimilarities(keys, memory)
        #expect(s.shape == [2, 3, 5])
        for entry in 0..<2 {
            let single = Tensor.pairwiseCosineSimilarities(
                keys.slice(alongAxis: 0, entry..<(entry + 1)).reshaped(to: [3, 4]),
                memory.slice(alongAxis: 0, entry..<(entry + 1)).reshaped(to: [5, 4]))
            #expect(zip(s.scalars[(entry * 15)..<(entry * 15 + 15)], single.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
        }
        G.first([keys, memory]) { G.weighted(Tensor.pairwiseCosineSimilarities($0[0], $0[1])) }
        G.second([keys, memory]) { G.weighted(Tensor.pairwiseCosineSimilarities($0[0], $0[1])) }
    }

    @Test func softmaxAlongAnyAxis() {
        let t = G.random([2, 3, 4], seed: 15)
        for axis in 0..<3 {
            let s = t.softmax(alongAxis: axis)
            #expect(s.shape == t.shape)
            let sums = s.sum(alongAxis: axis).scalars
            #expect(sums.allSatisfy { Swift.abs($0 - 1) < 1e-5 }, "axis \(axis) sums to one")
            G.first([t]) { G.weighted($0[0].softmax(alongAxis: axis)) }
            G.second([t]) { G.weighted($0[0].softmax(alongAxis: axis)) }
        }
        // Along the middle axis, entry [0, j, 0] is e^x / Σ_j e^x over that column.
        let column = (0..<3).map { Foundation.exp(Double(t.scalars[$0 * 4])) }
        let middle = t.softmax(alongAxis: 1).scalars
        for j in 0..<3 { #expect(Swift.abs(Double(middle[j * 4]) - column[j] / column.reduce(0, +)) < 1e-6) }
        #expect(t.softmax(alongAxis: -1).scalars == t.softmax().scalars)
    }

    @Test func binaryCrossEntropyFromLogits() {
        let logits = Tensor(shape: [4], scalars: [-3, -0.5, 0.5, 6])
        let targets = Tensor(shape: [4], scalars: [0, 1, 1, 0])
        var expected: Double = 0
        for (x, y) in zip(logits.scalars.map(Double.init), targets.scalars.map(Double.init)) {
            let p: Double = 1 / (1 + Foundation.exp(-x))
            let q: Double = Swift.max(1 - p, 1e-300)
            expected -= (y * Foundation.log(p) + (1 - y) * Foundation.log(q)) / 4
        }
        #expect(Swift.abs(Double(logits.binaryCrossEntropy(logitsAgainst: targets).scalar) - expected) < 1e-4)
        let saturated = Tensor(shape: [1], scalars: [40]).binaryCrossEntropy(logitsAgainst: Tensor(shape: [1], scalars: [0]))
        #expect(Swift.abs(saturated.scalar - 40) < 1e-4, "a confident wrong answer costs its logit, not infinity")
        let y = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0 % 2) })
        G.first([a]) { $0[0].binaryCrossEntropy(logitsAgainst: y) }
        G.second([a]) { $0[0].binaryCrossEntropy(logitsAgainst: y) }
    }
}
