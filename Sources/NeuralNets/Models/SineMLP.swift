import Autodiff

/// The sine-regression network of the MAML paper: 1 → 40 → 40 → 1 with ReLU (both hidden layers
/// `hidden` units wide; Finn et al. note that a wider one adapts better).
/// Parameter names follow `nn.Sequential(Linear, ReLU, Linear, ReLU, Linear)`: `net.0`, `net.2`, `net.4`.
public struct SineMLP: Sendable, Equatable {
    /// The paper's width.
    public static let paperHiddenUnits = 40
    /// The widest network a checkpoint may name: its middle layer holds `hidden`² weights, so this
    /// bounds what a file can make a reader allocate (4 MiB of weights).
    public static let largestHiddenUnits = 1024

    /// Units in each of the two hidden layers.
    public let hidden: Int

    public init(hidden: Int = SineMLP.paperHiddenUnits) { self.hidden = hidden }

    private var layers: [(String, Linear)] {
        [("net.0", Linear(1, hidden)), ("net.2", Linear(hidden, hidden)), ("net.4", Linear(hidden, 1))]
    }

    /// PyTorch's default initialisation. (The MAML reference's N(0, 0.01²) weights with zero
    /// biases were tried: across seeds, more of its meta-learned starts diverge when fine-tuned
    /// for ten steps, so the default stays.)
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var list = ParameterList()
        for (prefix, layer) in layers {
            let p = layer.initialParameters(prefix: prefix, using: &generator)
            for (n, t) in zip(p.names, p.tensors) { list.append(n, t) }
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
