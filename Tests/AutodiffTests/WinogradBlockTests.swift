import Testing

@testable import Autodiff

/// The fused inference block (Winograd F(2x2, 3x3) convolution, bias, ReLU, 2x2 max-pool)
/// against the composed ops it replaces.
@Suite struct WinogradBlockTests {
    @Test(
        "a fused block equals conv2d, bias, relu and maxPool2x2 up to rounding",
        arguments: [[2, 1, 28, 28], [3, 64, 14, 14], [2, 64, 7, 7], [5, 64, 3, 3], [1, 3, 5, 6], [40, 8, 2, 2]])
    func fusedBlockMatchesComposedOps(_ inputShape: [Int]) {
        let outChannels = inputShape[1] == 64 ? 64 : 7
        let input = GradientCheck.random(inputShape, seed: 1)
        let weight = GradientCheck.random([outChannels, inputShape[1], 3, 3], seed: 2, scale: 0.3)
        let bias = GradientCheck.random([outChannels], seed: 3)
        let composed = Tensor.conv2d(input, weight, bias: bias, padding: 1).relu().maxPool2x2()
        let fused = withoutRecording { Tensor.convolvedRectifiedPooled(input, weight: weight, bias: bias) }
        #expect(fused.shape == composed.shape)
        let largest = composed.scalars.map(abs).max() ?? 0
        let worst = zip(fused.scalars, composed.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-5 * Swift.max(1, largest), "largest difference \(worst) on values up to \(largest)")
        // Some windows are all negative before the ReLU: the zeros must be exact.
        #expect(zip(fused.scalars, composed.scalars).allSatisfy { ($0 == 0) == ($1 == 0) || abs($0 - $1) <= 1e-5 })
    }

    @Test("an empty batch gives an empty result")
    func emptyBatch() {
        let r = Tensor.convolvedRectifiedPooled(
            Tensor(shape: [0, 2, 4, 4], scalars: []), weight: GradientCheck.random([3, 2, 3, 3], seed: 1), bias: Tensor([0, 0, 0]))
        #expect(r.shape == [0, 3, 2, 2] && r.scalars.isEmpty)
    }
}
