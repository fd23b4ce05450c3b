import Autodiff

/// A long short-term memory cell with PyTorch's `nn.LSTMCell` weights and gate order (input,
/// forget, cell, output): `weight_ih` [4H, in], `weight_hh` [4H, H], `bias_ih` and `bias_hh` [4H].
///
/// The four gates come from one matrix product per step: the input and the previous hidden
/// state are joined, and so are the two weights (once per sequence, by ``fused(_:prefix:)``).
public struct LSTMCell: Sendable {
    /// Features of the input at each step.
    public let inputFeatures: Int
    /// H, the size of the hidden and cell states.
    public let hiddenUnits: Int

    public init(inputFeatures: Int, hiddenUnits: Int) {
        self.inputFeatures = inputFeatures
        self.hiddenUnits = hiddenUnits
    }

    /// The hidden state h and the cell state c, each [batch, H].
    public struct State: Sendable {
        public var hidden: Tensor
        public var cell: Tensor

        public init(hidden: Tensor, cell: Tensor) {
            self.hidden = hidden
            self.cell = cell
        }

        /// Zeros for a batch of `batch` sequences.
        public static func zeros(batch: Int, hiddenUnits: Int) -> State {
            State(hidden: Tensor(zeros: [batch, hiddenUnits]), cell: Tensor(zeros: [batch, hiddenUnits]))
        }
    }

    /// The weights joined for one product per step: [W_ih, W_hh] as [4H, in + H] and the two
    /// biases summed.
    public struct FusedWeights: Sendable {
        public let weight: Tensor
        public let bias: Tensor
    }

    /// Fresh weights under `prefix`, drawn as PyTorch does: U(±1/√H) for all four tensors.
    public func initialParameters(prefix: String, using generator: inout SeededGenerator) -> ParameterList {
        let bound = 1 / Float(hiddenUnits).squareRoot()
        let shapes = [[4 * hiddenUnits, inputFeatures], [4 * hiddenUnits, hiddenUnits], [4 * hiddenUnits], [4 * hiddenUnits]]
        return ParameterList(
            names: ["weight_ih", "weight_hh", "bias_ih", "bias_hh"].map { "\(prefix).\($0)" },
            tensors: shapes.map { Tensor.randomUniform(shape: $0, in: -bound...bound, using: &generator) })
    }

    /// The cell's weights under `prefix` in `parameters`, joined for ``step(_:state:weights:)``.
    public func fused(_ parameters: ParameterList, prefix: String) -> FusedWeights {
        let weight = Tensor.concatenate([parameters["\(prefix).weight_ih"], parameters["\(prefix).weight_hh"]], alongAxis: 1)
        return FusedWeights(weight: weight, bias: parameters["\(prefix).bias_ih"] + parameters["\(prefix).bias_hh"])
    }

    /// One step on input [batch, in]: i, f, g, o = split([x, h] · Wᵀ + b);
    /// c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c').
    public func step(_ input: Tensor, state: State, weights: FusedWeights) -> State {
        precondition(
            input.rank == 2 && input.shape[1] == inputFeatures && state.hidden.shape == [input.shape[0], hiddenUnits],
            "LSTMCell.step: input \(input.shape) and hidden \(state.hidden.shape) for \(inputFeatures) -> \(hiddenUnits)")
        let joined = Tensor.concatenate([input, state.hidden], alongAxis: 1)
        let gates = Tensor.matmul(joined, weights.weight, transposeB: true) + weights.bias
        let h = hiddenUnits
        let inputGate = gates.slice(alongAxis: 1, 0..<h).sigmoid()
        let forgetGate = gates.slice(alongAxis: 1, h..<(2 * h)).sigmoid()
        let candidate = gates.slice(alongAxis: 1, (2 * h)..<(3 * h)).tanh()
        let outputGate = gates.slice(alongAxis: 1, (3 * h)..<(4 * h)).sigmoid()
        let cell = forgetGate * state.cell + inputGate * candidate
        return State(hidden: outputGate * cell.tanh(), cell: cell)
    }
}
