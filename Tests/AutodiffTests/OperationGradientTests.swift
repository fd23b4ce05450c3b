import Testing

@testable import Autodiff

/// Every primitive's gradient against finite differences, first and second order.
@Suite struct OperationGradientTests {
    typealias G = GradientCheck
    let a = G.random([3, 4], seed: 1)
    let b = G.random([3, 4], seed: 2)
    let row = G.random([4], seed: 3)
    let positive = G.positive([3, 4], seed: 4)

    @Test func addSubtractMultiplyDivideWithBroadcasting() {
        for check in [G.first, G.second] as [([Tensor], Float, Double, SourceLocation, ([Tensor]) -> Tensor) -> Void] {
            check([a, row], 1e-2, 3e-2, #_sourceLocation) { G.weighted(($0[0] + $0[1]) * $0[0]) }
            check([a, b], 1e-2, 3e-2, #_sourceLocation) { G.weighted(($0[0] - $0[1]) * $0[1]) }
            check([a, row], 1e-2, 3e-2, #_sourceLocation) { G.weighted($0[0] * $0[1] * $0[1]) }
            check([a, positive], 1e-3, 3e-2, #_sourceLocation) { G.weighted($0[0] / $0[1]) }
            check([a], 1e-2, 3e-2, #_sourceLocation) { G.weighted(-$0[0] * $0[0] * 0.5 + 1) }
        }
    }

    @Test func unaryFunctions() {
        G.first([a]) { G.weighted($0[0].exp()) }
        G.second([a]) { G.weighted($0[0].exp()) }
        G.first([positive], epsilon: 1e-3) { G.weighted($0[0].log()) }
        G.second([positive], epsilon: 1e-3) { G.weighted($0[0].log()) }
        G.first([positive], epsilon: 1e-3) { G.weighted($0[0].sqrt()) }
        G.second([positive], epsilon: 1e-3) { G.weighted($0[0].sqrt()) }
        G.first([positive], epsilon: 1e-3) { G.weighted($0[0].pow(3)) }
        G.second([positive], epsilon: 1e-3) { G.weighted($0[0].pow(-0.5)) }
        G.first([a], epsilon: 1e-3) { G.weighted($0[0].relu() * $0[0]) }
        G.second([a], epsilon: 1e-3) { G.weighted($0[0].relu() * $0[0]) }
    }

    @Test func reductionsAndShapes() {
        let t = G.random([2, 3, 4], seed: 5)
        G.first([t]) { G.weighted($0[0].sum(alongAxes: [0, 2]) * $0[0].mean(alongAxis: 1).sum()) }
        G.second([t]) { G.weighted($0[0].sum(alongAxes: [0, 2]) * $0[0].mean(alongAxis: 1).sum()) }
        G.first([t]) { G.weighted($0[0].reshaped(to: [6, 4]).transposed() * 2) }
        G.first([t]) { G.weighted($0[0].permuted([2, 0, 1]).squared()) }
        G.second([t]) { G.weighted($0[0].permuted([2, 0, 1]).squared()) }
        G.first([t]) { G.weighted($0[0].slice(alongAxis: 1, 1..<3).squared()) }
        G.second([t]) { G.weighted($0[0].slice(alongAxis: 2, 0..<2).squared()) }
        G.first([t, t]) { G.weighted(Tensor.concatenate([$0[0], $0[1].squared()], alongAxis: 1)) }
        G.second([a, b]) { G.weighted(Tensor.stack([$0[0], $0[1]]).squared()) }
        G.first([row]) { G.weighted($0[0].broadcast(to: [3, 4]).squared()) }
    }

    @Test func gatherScatterAndPicking() {
        G.first([a]) { G.weighted($0[0].gathering(rows: [2, 0, 2, 1]).squared()) }
        G.second([a]) { G.weighted($0[0].gathering(rows: [2, 0, 2, 1]).squared()) }
        G.second([a]) { G.weighted($0[0].scatteringAdd(rows: [1, 1, 0], rowCount: 4).squared()) }
        G.first([a]) { $0[0].picking(indices: [3, 0, 1]).squared().sum() }
    }

    @Test func matmulEveryTransposeAndBatching() {
        let x = G.random([3, 5], seed: 6)
        let y = G.random([5, 2], seed: 7)
        G.first([x, y]) { G.weighted(Tensor.matmul($0[0], $0[1])) }
        G.second([x, y]) { G.weighted(Tensor.matmul($0[0], $0[1]).squared()) }
        G.first([x, y]) { G.weighted(Tensor.matmul($0[1], $0[0], transposeA: true, transposeB: true)) }
        G.second([x, y]) { G.weighted(Tensor.matmul($0[1], $0[0], transposeA: true, transposeB: true).squared()) }
        G.first([x, x]) { G.weighted(Tensor.matmul($0[0], $0[1], transposeB: true)) }
        G.second([x, x]) { G.weighted(Tensor.matmul($0[0], $0[1], transposeA: true).squared()) }
        let bx = G.random([4, 3, 5], seed: 8)
        let by = G.random([4, 5, 2], seed: 9)
        G.first([bx, by]) { G.weighted(Tensor.matmul($0[0], $0[1])) }
        G.second([bx, by]) { G.weighted(Tensor.matmul($0[0], $0[1]).squared()) }
        G.first([bx, y]) { G.weighted(Tensor.matmul($0[0], $0[1])) }
        G.second([bx, y]) { G.weighted(Tensor.matmul($0[0], $0[1]).squared()) }
        G.second([bx, x]) { G.weighted(Tensor.matmul($0[0], $0[1], transposeB: true).squared()) }
    }

    @Test func convolutionStridesAndPadding() {
        let x = G.random([2, 3, 6, 5], seed: 10)
        let w = G.random([4, 3, 3, 3], seed: 11, scale: 0.5)
        for (stride, padding) in [(1, 0), (1, 1), (2, 1), (2, 0)] {
            G.first([x, w]) { G.weighted(Tensor.conv2d($0[0], $0[1], stride: stride, padding: padding)) }
            G.second([x, w]) { G.weighted(Tensor.conv2d($0[0], $0[1], stride: stride, padding: padding).squared()) }
        }
        let bias = G.random([4], seed: 19)
        G.first([x, w, bias]) { G.weighted(Tensor.conv2d($0[0], $0[1], bias: $0[2], stride: 2, padding: 1)) }
        G.second([x, w, bias]) { G.weighted(Tensor.conv2d($0[0], $0[1], bias: $0[2], padding: 1).squared()) }
        let w5 = G.random([2, 3, 5, 1], seed: 12, scale: 0.5)
        G.first([x, w5]) { G.weighted(Tensor.conv2d($0[0], $0[1], padding: 2)) }
    }

    @Test func maxPoolRoutesToTheMaximum() {
        let x = G.random([2, 2, 5, 4], seed: 13)
        G.first([x], epsilon: 1e-3) { G.weighted($0[0].maxPool2x2()) }
        G.second([x], epsilon: 1e-3) { G.weighted($0[0].maxPool2x2().squared()) }
    }

    @Test func batchNormWithBatchStatistics() {
        let x = G.random([4, 3, 2, 2], seed: 14)
        let gamma = G.positive([3], seed: 15)
        let beta = G.random([3], seed: 16)
        G.first([x, gamma, beta], epsilon: 1e-3) { G.weighted(Tensor.batchNorm($0[0], scale: $0[1], shift: $0[2]).output) }
        G.second([x, gamma, beta], epsilon: 1e-3, tolerance: 5e-2) {
            G.weighted(Tensor.batchNorm($0[0], scale: $0[1], shift: $0[2]).output.squared())
        }
        let flat = G.random([5, 3], seed: 17)
        G.first([flat, gamma, beta], epsilon: 1e-3) { G.weighted(Tensor.batchNorm($0[0], scale: $0[1], shift: $0[2]).output) }
        G.first([x, gamma, beta], epsilon: 1e-3) { G.weighted(Tensor.batchNorm($0[0], scale: $0[1], shift: $0[2], rectified: true).output) }
        G.second([x, gamma, beta], epsilon: 1e-3, tolerance: 5e-2) {
            G.weighted(Tensor.batchNorm($0[0], scale: $0[1], shift: $0[2], rectified: true).output.squared())
        }
    }

    @Test func batchNormWithRunningStatistics() {
        let x = G.random([4, 3, 2, 2], seed: 14)
        let (mean, variance) = (G.random([3], seed: 20), G.positive([3], seed: 21))
        let (gamma, beta) = (G.positive([3], seed: 15), G.random([3], seed: 16))
        for rectified in [false, true] {
            G.first([x, gamma, beta], epsilon: 1e-3) {
                G.weighted(Tensor.batchNorm($0[0], mean: mean, variance: variance, scale: $0[1], shift: $0[2], rectified: rectified))
            }
            G.second([x, gamma, beta], epsilon: 1e-3, tolerance: 5e-2) {
                G.weighted(Tensor.batchNorm($0[0], mean: mean, variance: variance, scale: $0[1], shift: $0[2], rectified: rectified).squared())
            }
            // Evaluation's single pass gives the numbers of the recorded operations, bit for bit.
            let recorded = Tensor.batchNorm(x.variable(), mean: mean, variance: variance, scale: gamma, shift: beta, rectified: rectified)
            let pass = withoutRecording { Tensor.batchNorm(x, mean: mean, variance: variance, scale: gamma, shift: beta, rectified: rectified) }
            #expect(pass.scalars == recorded.scalars && pass.shape == recorded.shape)
            #expect(!rectified || pass.scalars.contains(0))
        }
    }

    @Test func lossesAndDistances() {
        let labels = [1, 3, 0]
        G.first([a]) { $0[0].logSoftmax().picking(indices: labels).sum() }
        G.second([a]) { G.weighted($0[0].logSoftmax()) }
        G.first([a]) { $0[0].crossEntropy(labels: labels) }
        G.second([a]) { $0[0].crossEntropy(labels: labels) }
        G.first([a, b]) { $0[0].meanSquaredError($0[1]) }
        G.second([a, b]) { $0[0].meanSquaredError($0[1]).squared() }
        let q = G.random([5, 4], seed: 18)
        G.first([q, a]) { G.weighted(Tensor.pairwiseSquaredDistances($0[0], $0[1])) }
        G.second([q, a]) { (-Tensor.pairwiseSquaredDistances($0[0], $0[1])).crossEntropy(labels: [0, 1, 2, 0, 1]) }
    }
}
