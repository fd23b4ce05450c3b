import Autodiff

/// The sine-regression network of the MAML paper: 1 → 40 → 40 → 1 with ReLU.
/// Parameter names follow `nn.Sequential(Linear, ReLU, Linear, ReLU, Linear)`: `net.0`, `net.2`, `net.4`.
public struct SineMLP: Sendable {
    public let hidden: Int

    public init(hidden: Int = 40) { self.hidden = hidden }

    private var layers: [(String, Linear)] {
        [("net.0", Linear(1, hidden)), ("net.2", Linear(hidden, hidden)), ("net.4", Linear(hidden, 1))]
    }

    /// Weights from N(0, 0.01²) and zero biases, as the reference implementation of the MAML
    /// paper initialises this network (PyTorch's default leaves a sharper meta-learned start,
    /// whose ten-step fine-tuning diverges on some tasks).
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var list = ParameterList()
        for (prefix, layer) in layers {
            list.append("\(prefix).weight", Tensor.randomNormal(shape: [layer.outputFeatures, layer.inputFeatures], standardDeviation: 0.01, using: &generator))
            list.append("\(prefix).bias", Tensor(zeros: [layer.outputFeatures]))
        }
        return list
    }

    /// Predictions for inputs [n, 1]; or, with parameters expanded per task
    /// (``ParameterList/expanded(tasks:)``), for [tasks, n, 1].
    public func callAsFunction(_ x: Tensor, parameters: ParameterList) -> Tensor {
        var h = x
        for (i, (prefix, layer)) in layers.enumerated() {
            h = layer(h, weight: parameters["\(prefix).weight"], bias: parameters["\(prefix).bias"])
            if i < 2 { h = h.relu() }
        }
        return h
    }
}
