import Autodiff
import Foundation
import Testing

@testable import NeuralNets

@Suite struct OptimizerTests {
    @Test func adamMatchesHandComputedSteps() {
        var adam = Adam(learningRate: 0.1)
        var p = ParameterList(names: ["w"], tensors: [Tensor([1, -2])])
        adam.step(&p, gradients: [Tensor([0.5, -1])])
        // first step: m̂ = g, v̂ = g², update = lr · g / (|g| + ε) = ±0.1
        #expect(abs(p["w"].scalars[0] - 0.9) < 1e-6 && abs(p["w"].scalars[1] + 1.9) < 1e-6)
        adam.step(&p, gradients: [Tensor([0.5, 1])])
        // second step, second coordinate: m = 0.9·(−0.1)+0.1·1 = 0.01 → m̂ = 0.01/0.19; v = 0.999·0.001 + 0.001 = 0.001999 → v̂ = 0.001999/0.001999
        let mHat: Float = 0.01 / 0.19
        let vHat: Float = (0.999 * 0.001 + 0.001) / (1 - 0.999 * 0.999)
        #expect(abs(p["w"].scalars[1] - (-1.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8))) < 1e-5)
    }

    @Test func sgdWithAndWithoutMomentum() {
        var sgd = SGD(learningRate: 0.5)
        var p = ParameterList(names: ["w"], tensors: [Tensor([1])])
        sgd.step(&p, gradients: [Tensor([2])])
        #expect(p["w"].scalars == [0])
        var momentum = SGD(learningRate: 1, momentum: 0.5)
        var q = ParameterList(names: ["w"], tensors: [Tensor([0])])
        momentum.step(&q, gradients: [Tensor([1])])
        momentum.step(&q, gradients: [Tensor([1])])
        #expect(q["w"].scalars == [-2.5])  // velocities 1 then 1.5
    }

    @Test func stepScheduleHalvesOnTime() {
        let s = StepSchedule(initialRate: 1e-3, interval: 2000, factor: 0.5)
        #expect(s.rate(atStep: 1999) == 1e-3)
        #expect(s.rate(atStep: 2000) == 5e-4)
        #expect(abs(s.rate(atStep: 6500) - 1.25e-4) < 1e-9)
    }
}

@Suite struct ModelTests {
    @Test func convNet4MapsImagesTo64FeaturesWithPyTorchNames() {
        var rng = SeededGenerator(seed: 1)
        let net = ConvNet4()
        let p = net.initialParameters(using: &rng)
        #expect(p.names.prefix(4) == ["encoder.0.0.weight", "encoder.0.0.bias", "encoder.0.1.weight", "encoder.0.1.bias"])
        #expect(p["encoder.1.0.weight"].shape == [64, 64, 3, 3])
        #expect(p.scalarCount == 111_936)  // as PyTorch counts Snell et al.'s encoder
        let x = Tensor.randomUniform(shape: [3, 1, 28, 28], in: 0...1, using: &rng)
        #expect(net(x, parameters: p, normalization: .batch(running: nil)).shape == [3, 64])
        let strided = ConvClassifier(ways: 5)
        let q = strided.initialParameters(using: &rng)
        #expect(strided(x, parameters: q).shape == [3, 5])
        #expect(q["classifier.weight"].shape == [5, 64])
    }

    @Test func convNet4AtInferenceFoldsItsBatchNormAndMatchesTheComposedBlocks() {
        // Without recording, under stored statistics, each block runs fused (batch norm folded
        // into the convolution, Winograd, ReLU and pooling in one pass); with recording on, the
        // same constants go through the composed ops.
        var rng = SeededGenerator(seed: 4)
        let net = ConvNet4()
        var p = net.initialParameters(using: &rng)
        for block in 0..<ConvNet4.blockCount {
            p["encoder.\(block).1.weight"] = Tensor.randomUniform(shape: [64], in: 0.5...1.5, using: &rng)
            p["encoder.\(block).1.bias"] = Tensor.randomUniform(shape: [64], in: -0.2...0.2, using: &rng)
        }
        let running = RunningStatistics(layers: ConvNet4.blockCount, channels: 64)
        for block in 0..<ConvNet4.blockCount {
            running.means[block] = Tensor.randomUniform(shape: [64], in: -0.3...0.3, using: &rng).scalars
            running.variances[block] = Tensor.randomUniform(shape: [64], in: 0.2...2, using: &rng).scalars
        }
        let x = Tensor.randomUniform(shape: [6, 1, 28, 28], in: 0...1, using: &rng)
        let composed = net(x, parameters: p, normalization: .running(running))
        let fused = withoutRecording { net(x, parameters: p, normalization: .running(running)) }
        #expect(fused.shape == [6, 64])
        let largest = composed.scalars.map(abs).max() ?? 0
        let worst = zip(fused.scalars, composed.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(largest > 0.1 && worst <= 1e-4 * largest, "largest difference \(worst) on values up to \(largest)")
    }

    @Test func sineMLPHandlesSingleAndBatchedTasks() {
        var rng = SeededGenerator(seed: 2)
        let mlp = SineMLP()
        let p = mlp.initialParameters(using: &rng)
        #expect(p.names == ["net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias", "net.4.weight", "net.4.bias"])
        let x = Tensor.randomUniform(shape: [4, 7, 1], in: -5...5, using: &rng)
        let batched = mlp(x, parameters: p.expanded(tasks: 4))
        #expect(batched.shape == [4, 7, 1])
        let single = mlp(x.slice(alongAxis: 0, 2..<3).reshaped(to: [7, 1]), parameters: p)
        for (a, b) in zip(batched.slice(alongAxis: 0, 2..<3).scalars, single.scalars) { #expect(abs(a - b) < 1e-5) }
    }

    @Test func runningStatisticsFollowPyTorch() {
        var rng = SeededGenerator(seed: 3)
        let x = Tensor.randomNormal(shape: [8, 2, 3, 3], standardDeviation: 2, using: &rng)
        let running = RunningStatistics(layers: 1, channels: 2)
        let bn = BatchNorm2D(2)
        let p = bn.initialParameters(prefix: "bn")
        _ = bn(x, scale: p["bn.weight"], shift: p["bn.bias"], mode: .batch(running: running), layer: 0)
        // channel 0: momentum 0.1 towards the batch mean and the unbiased batch variance
        var values: [Float] = []
        for n in 0..<8 {
            let start = n * 18
            values.append(contentsOf: x.scalars[start..<(start + 9)])
        }
        let count = Float(values.count)
        let mean = values.reduce(0, +) / count
        var squares: Float = 0
        for v in values { squares += (v - mean) * (v - mean) }
        let unbiased = squares / (count - 1)
        #expect(abs(running.means[0][0] - 0.1 * mean) < 1e-5)
        #expect(abs(running.variances[0][0] - (0.9 + 0.1 * unbiased)) < 1e-4)
        // evaluation mode with these statistics is an affine map per channel
        let y = bn(x, scale: p["bn.weight"], shift: p["bn.bias"], mode: .running(running), layer: 0)
        let expected = (x.scalars[0] - running.means[0][0]) / (running.variances[0][0] + 1e-5).squareRoot()
        #expect(abs(y.scalars[0] - expected) < 1e-5)
    }

    @Test func initialisersHaveTheirVariance() {
        var rng = SeededGenerator(seed: 4)
        let w = Initializer.kaimingNormal.weight(shape: [256, 128], using: &rng)
        let variance = w.scalars.map { $0 * $0 }.reduce(0, +) / Float(w.count)
        #expect(abs(variance - 2.0 / 128) < 0.1 * 2.0 / 128)
        let x = Initializer.xavierUniform.weight(shape: [100, 300], using: &rng)
        let bound = (6.0 / 400.0).squareRoot()
        #expect(x.scalars.allSatisfy { abs($0) <= Float(bound) })
    }
}
