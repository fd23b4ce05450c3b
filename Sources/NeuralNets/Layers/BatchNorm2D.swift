import Autodiff

/// How batch normalization gets its statistics.
public enum NormalizationMode {
    /// The current batch's statistics (training; MAML at meta-train and meta-test, as the paper).
    /// When `running` is given, its averages are updated from each batch.
    case batch(running: RunningStatistics?)
    /// The stored running averages (evaluation of a conventionally trained model).
    case running(RunningStatistics)
}

/// Running mean and variance of each batch-norm layer, PyTorch's buffers
/// (`running_mean`, `running_var`, `num_batches_tracked`), updated with momentum 0.1.
public final class RunningStatistics {
    public var means: [[Float]]
    public var variances: [[Float]]
    public var batchesTracked: Int
    public let momentum: Float

    public init(layers: Int, channels: Int, momentum: Float = 0.1) {
        means = Array(repeating: Array(repeating: 0, count: channels), count: layers)
        variances = Array(repeating: Array(repeating: 1, count: channels), count: layers)
        batchesTracked = 0
        self.momentum = momentum
    }

    /// Folds one batch's statistics of layer `layer` into the averages (variance unbiased, as PyTorch).
    public func update(layer: Int, with statistics: BatchStatistics, count: Int) {
        let correction = count > 1 ? Float(count) / Float(count - 1) : 1
        for c in means[layer].indices {
            means[layer][c] = (1 - momentum) * means[layer][c] + momentum * statistics.mean[c]
            variances[layer][c] = (1 - momentum) * variances[layer][c] + momentum * statistics.variance[c] * correction
        }
        if layer == means.count - 1 { batchesTracked += 1 }
    }

    /// A deep copy.
    public func copy() -> RunningStatistics {
        let c = RunningStatistics(layers: means.count, channels: means.first?.count ?? 0, momentum: momentum)
        c.means = means
        c.variances = variances
        c.batchesTracked = batchesTracked
        return c
    }
}

/// Batch normalization over channels of [n, c, h, w] with learnable scale and shift.
public struct BatchNorm2D: Sendable {
    public let channels: Int
    public let epsilon: Float

    public init(_ channels: Int, epsilon: Float = 1e-5) {
        self.channels = channels
        self.epsilon = epsilon
    }

    public func initialParameters(prefix: String) -> ParameterList {
        ParameterList(
            names: ["\(prefix).weight", "\(prefix).bias"],
            tensors: [Tensor(repeating: 1, shape: [channels]), Tensor(zeros: [channels])])
    }

    /// Normalises `x`; `rectified` applies ReLU as well, fused into the same passes in training.
    public func callAsFunction(
        _ x: Tensor, scale: Tensor, shift: Tensor, mode: NormalizationMode, layer: Int,
        rectified: Bool = false
    ) -> Tensor {
        switch mode {
        case .batch(let running):
            let (y, statistics) = Tensor.batchNorm(x, scale: scale, shift: shift, epsilon: epsilon, rectified: rectified)
            running?.update(layer: layer, with: statistics, count: x.count / channels)
            return y
        case .running(let running):
            return Tensor.batchNorm(
                x, mean: Tensor(running.means[layer]), variance: Tensor(running.variances[layer]),
                scale: scale, shift: shift, epsilon: epsilon, rectified: rectified)
        }
    }
}
