import Autodiff

/// A fully connected layer, `x · weightᵀ + bias` with weight [out, in] (PyTorch's layout).
public struct Linear: Sendable {
    public let inputFeatures: Int
    public let outputFeatures: Int

    public init(_ inputFeatures: Int, _ outputFeatures: Int) {
        self.inputFeatures = inputFeatures
        self.outputFeatures = outputFeatures
    }

    /// Fresh weight and bias.
    public func initialParameters(prefix: String, initializer: Initializer = .pytorchDefault, using generator: inout SeededGenerator) -> ParameterList
    {
        ParameterList(
            names: ["\(prefix).weight", "\(prefix).bias"],
            tensors: [
                initializer.weight(shape: [outputFeatures, inputFeatures], using: &generator),
                Initializer.bias(count: outputFeatures, fanIn: inputFeatures, using: &generator)
            ])
    }

    /// Applies the layer to [n, in]; or, with per-task weights [t, out, in] and bias [t, out],
    /// to [t, n, in] (one weight set per task, as MAML's batched inner loop needs).
    public func callAsFunction(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        if weight.rank == 3 {
            return Tensor.matmul(x, weight, transposeB: true) + bias.expandingShape(at: 1)
        }
        return Tensor.matmul(x, weight, transposeB: true) + bias
    }
}

/// A 2-D convolution with bias, weight [out, in, k, k].
public struct Conv2D: Sendable {
    public let inputChannels, outputChannels, kernelSize, stride, padding: Int

    public init(_ inputChannels: Int, _ outputChannels: Int, kernelSize: Int = 3, stride: Int = 1, padding: Int = 1) {
        (self.inputChannels, self.outputChannels, self.kernelSize, self.stride, self.padding) =
            (inputChannels, outputChannels, kernelSize, stride, padding)
    }

    public func initialParameters(prefix: String, initializer: Initializer = .pytorchDefault, using generator: inout SeededGenerator) -> ParameterList
    {
        let fanIn = inputChannels * kernelSize * kernelSize
        return ParameterList(
            names: ["\(prefix).weight", "\(prefix).bias"],
            tensors: [
                initializer.weight(shape: [outputChannels, inputChannels, kernelSize, kernelSize], using: &generator),
                Initializer.bias(count: outputChannels, fanIn: fanIn, using: &generator)
            ])
    }

    public func callAsFunction(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        Tensor.conv2d(x, weight, bias: bias, stride: stride, padding: padding)
    }
}

/// 2x2 max-pooling with stride 2.
public struct MaxPool2D: Sendable {
    public init() {}
    public func callAsFunction(_ x: Tensor) -> Tensor { x.maxPool2x2() }
}

/// Flattens [n, ...] to [n, features].
public struct Flatten: Sendable {
    public init() {}
    public func callAsFunction(_ x: Tensor) -> Tensor { x.reshaped(to: [x.shape[0], -1]) }
}
