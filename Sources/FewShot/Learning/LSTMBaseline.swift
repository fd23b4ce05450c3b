import Autodiff
import NeuralNets

/// Santoro et al.'s LSTM baseline: MANN's controller without the memory. At each step the LSTM
/// reads the drawing and the previous label, and a linear layer on its hidden state gives the
/// label's logits; whatever it binds, it binds in its cell state.
///
/// Weights: `controller.{weight_ih,weight_hh,bias_ih,bias_hh}` (PyTorch's `nn.LSTMCell`), then
/// `output.weight` [classes, units] and `output.bias`.
public struct LSTMBaseline: SequenceLearner {
    public let classes: Int
    public let controller: LSTMCell
    let output: Linear

    /// A baseline for `classes`-class sequences with a controller of `units` LSTM units.
    public init(classes: Int, units: Int) {
        self.classes = classes
        controller = LSTMCell(inputFeatures: SequenceBatch.imageFeatures + classes, hiddenUnits: units)
        output = Linear(units, classes)
    }

    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var p = controller.initialParameters(prefix: "controller", using: &generator)
        let head = output.initialParameters(prefix: "output", using: &generator)
        for (name, tensor) in zip(head.names, head.tensors) { p.append(name, tensor) }
        return p
    }

    public func logits(parameters p: ParameterList, batch: SequenceBatch) -> Tensor {
        let weights = controller.fused(p, prefix: "controller")
        var state = LSTMCell.State.zeros(batch: batch.batch, hiddenUnits: controller.hiddenUnits)
        var hidden: [Tensor] = []
        for t in 0..<batch.steps {
            state = controller.step(batch.input(atStep: t), state: state, weights: weights)
            hidden.append(state.hidden)
        }
        // One product for all steps: the hidden states stacked step-major.
        return output(Tensor.concatenate(hidden, alongAxis: 0), weight: p["output.weight"], bias: p["output.bias"])
    }
}
