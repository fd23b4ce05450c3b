import Autodiff

/// MAML's Omniglot classifier: the ConvNet4 trunk and a linear head over `ways` classes.
/// Head parameters are called `classifier.weight` and `classifier.bias`.
public struct ConvClassifier: Sendable {
    public let trunk: ConvNet4
    public let ways: Int

    public init(ways: Int, downsampling: ConvNet4.Downsampling = .strided, hiddenChannels: Int = 64) {
        self.trunk = ConvNet4(hiddenChannels: hiddenChannels, downsampling: downsampling)
        self.ways = ways
    }

    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var list = trunk.initialParameters(using: &generator)
        let head = Linear(trunk.outputFeatures, ways).initialParameters(prefix: "classifier", using: &generator)
        for (n, t) in zip(head.names, head.tensors) { list.append(n, t) }
        return list
    }

    /// Logits [n, ways] for images [n, 1, 28, 28].
    public func callAsFunction(_ images: Tensor, parameters: ParameterList, normalization: NormalizationMode = .batch(running: nil)) -> Tensor {
        let features = trunk(images, parameters: parameters, normalization: normalization)
        return Linear(trunk.outputFeatures, ways)(features, weight: parameters["classifier.weight"], bias: parameters["classifier.bias"])
    }
}
