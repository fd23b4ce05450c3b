import Autodiff

/// The four-block convolutional encoder of Prototypical Networks and MAML: each block a 3x3
/// convolution with 64 filters, batch norm, ReLU and 2x2 max-pooling (or, in the strided
/// variant MAML used for Omniglot, a stride-2 convolution). 1x28x28 in, 64 features out.
///
/// Parameter names follow the PyTorch reference (`encoder.{block}.0` conv, `encoder.{block}.1` norm).
public struct ConvNet4: Sendable {
    /// How each block reduces resolution.
    public enum Downsampling: String, Sendable, Codable {
        /// 2x2 max-pooling after each block (Prototypical Networks).
        case maxPool
        /// Stride-2 convolutions, then the mean over the remaining positions (MAML's Omniglot net).
        case strided
    }

    public let inputChannels: Int
    public let hiddenChannels: Int
    public let downsampling: Downsampling
    public static let blockCount = 4

    public init(inputChannels: Int = 1, hiddenChannels: Int = 64, downsampling: Downsampling = .maxPool) {
        self.inputChannels = inputChannels
        self.hiddenChannels = hiddenChannels
        self.downsampling = downsampling
    }

    /// Features per image.
    public var outputFeatures: Int { hiddenChannels }

    private func conv(_ block: Int) -> Conv2D {
        Conv2D(
            block == 0 ? inputChannels : hiddenChannels, hiddenChannels, kernelSize: 3,
            stride: downsampling == .strided ? 2 : 1, padding: 1)
    }

    /// Fresh weights: PyTorch's default initialisation for convolutions, unit scale for norms.
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var list = ParameterList()
        for block in 0..<Self.blockCount {
            let convParameters = conv(block).initialParameters(prefix: "encoder.\(block).0", using: &generator)
            let normParameters = BatchNorm2D(hiddenChannels).initialParameters(prefix: "encoder.\(block).1")
            for (n, t) in zip(convParameters.names + normParameters.names, convParameters.tensors + normParameters.tensors) {
                list.append(n, t)
            }
        }
        return list
    }

    /// Embeds images [n, c, 28, 28] into [n, 64].
    public func callAsFunction(_ images: Tensor, parameters: ParameterList, normalization: NormalizationMode) -> Tensor {
        var x = images
        if downsampling == .maxPool, case .running(let running) = normalization, !GradientRecording.isEnabled {
            // Inference under stored statistics: each block in one fused pass.
            for block in 0..<Self.blockCount { x = inferenceBlock(block, x, parameters: parameters, running: running) }
            return Flatten()(x)
        }
        for block in 0..<Self.blockCount {
            x = conv(block)(x, weight: parameters["encoder.\(block).0.weight"], bias: parameters["encoder.\(block).0.bias"])
            x = BatchNorm2D(hiddenChannels)(
                x, scale: parameters["encoder.\(block).1.weight"],
                shift: parameters["encoder.\(block).1.bias"], mode: normalization, layer: block,
                rectified: true)
            if downsampling == .maxPool { x = x.maxPool2x2() }
        }
        if downsampling == .strided && (x.shape[2] > 1 || x.shape[3] > 1) {
            return x.mean(alongAxes: [2, 3])
        }
        return Flatten()(x)
    }

    /// One block under running statistics: the batch norm folded into the convolution's weight
    /// and bias (scale γ/√(σ² + ε) per channel), then convolution, ReLU and pooling at once by
    /// ``Tensor/convolvedRectifiedPooled(_:weight:bias:)``. Equal to the composed block up to
    /// rounding; used only when no gradient is recorded.
    private func inferenceBlock(_ block: Int, _ x: Tensor, parameters: ParameterList, running: RunningStatistics) -> Tensor {
        let weight = parameters["encoder.\(block).0.weight"], bias = parameters["encoder.\(block).0.bias"]
        let (gamma, beta) = (parameters["encoder.\(block).1.weight"].scalars, parameters["encoder.\(block).1.bias"].scalars)
        let (means, variances) = (running.means[block], running.variances[block])
        let epsilon = BatchNorm2D(hiddenChannels).epsilon
        let perChannel = weight.count / hiddenChannels
        var foldedWeight = weight.scalars
        var foldedBias = [Float](repeating: 0, count: hiddenChannels)
        for c in 0..<hiddenChannels {
            let scale = gamma[c] / (variances[c] + epsilon).squareRoot()
            for k in (c * perChannel)..<((c + 1) * perChannel) { foldedWeight[k] *= scale }
            foldedBias[c] = scale * (bias.scalars[c] - means[c]) + beta[c]
        }
        return Tensor.convolvedRectifiedPooled(
            x, weight: Tensor(shape: weight.shape, scalars: foldedWeight), bias: Tensor(shape: [hiddenChannels], scalars: foldedBias))
    }

    /// Forward multiply-adds of convolutions for one image of `height` x `width`.
    public func multiplyAddsPerImage(height: Int = 28, width: Int = 28) -> Int {
        var (h, w) = (height, width)
        var total = 0
        for block in 0..<Self.blockCount {
            let cin = block == 0 ? inputChannels : hiddenChannels
            if downsampling == .strided { h = (h + 1) / 2; w = (w + 1) / 2 }
            total += h * w * hiddenChannels * cin * 9
            if downsampling == .maxPool { h /= 2; w /= 2 }
        }
        return total
    }
}
