import Autodiff
import FewShot
import Foundation
import NeuralNets

/// The engine's figures: sgemm throughput and one ConvNet4 training step.
enum EngineBenchmarks {
    /// GFLOP/s of a 512x512x512 single-precision product.
    static func sgemm(size: Int = 512) -> BenchReport {
        var rng = SeededGenerator(seed: 1)
        let a = Tensor.randomNormal(shape: [size, size], using: &rng)
        let b = Tensor.randomNormal(shape: [size, size], using: &rng)
        _ = Tensor.matmul(a, b)  // warm up threads and caches
        // The median product: a shared machine's passing interference shows in a mean.
        let seconds = medianSeconds(repeats: 41) { _ = Tensor.matmul(a, b) }
        let gflops = 2 * pow(Double(size), 3) / seconds / 1e9
        return BenchReport(name: .sgemm, figures: [("gflops", gflops), ("core", BLAS.coreName), ("threads", BLAS.threadCount)])
    }

    /// One ConvNet4 step (forward, backward, Adam) on a batch of `batch` 1x28x28 images, with a
    /// mean-squared loss on the embeddings so that only the network is timed: the median of
    /// `steps` timed steps, as sgemm's figure is a median.
    static func convNet4Training(batch: Int = 600, steps: Int = 9, sgemmGflops: Double) -> BenchReport {
        var rng = SeededGenerator(seed: 2)
        let net = ConvNet4()
        var parameters = net.initialParameters(using: &rng)
        let images = Tensor.randomUniform(shape: [batch, 1, 28, 28], in: 0...1, using: &rng)
        let target = Tensor.randomNormal(shape: [batch, 64], using: &rng)
        var adam = Adam(learningRate: 1e-3)
        let running = RunningStatistics(layers: 4, channels: 64)
        func step() {
            GradientStep.descend(&parameters, with: &adam) { p in
                (net(images, parameters: p, normalization: .batch(running: running)).meanSquaredError(target), ())
            }
        }
        step()
        let seconds = medianSeconds(repeats: steps) { step() }
        // Forward, input gradient and weight gradient: three products of the forward's size.
        let flops = Double(net.multiplyAddsPerImage()) * 2 * 3 * Double(batch)
        let gflops = flops / seconds / 1e9
        return BenchReport(
            name: .convnet4Train,
            figures: [
                ("images_per_s", Double(batch) / seconds), ("gflops", gflops),
                ("fraction_of_sgemm", gflops / sgemmGflops), ("seconds_per_step", seconds)
            ])
    }
}
