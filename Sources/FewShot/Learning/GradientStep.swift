import Autodiff
import NeuralNets

/// One optimiser step: the forward pass on recording parameters, its loss's gradient, and Adam's
/// update, in one place for every plain (not meta-) training step: the metric learners, the sine
/// baseline, and the benchmarks that time them.
public enum GradientStep {
    /// Runs `forward` on `parameters` made variables, descends its loss with `optimizer`, and
    /// returns what `forward` computed besides the loss.
    @discardableResult
    public static func descend<Output>(
        _ parameters: inout ParameterList, with optimizer: inout Adam, _ forward: (ParameterList) -> (loss: Tensor, output: Output)
    ) -> (loss: Float, output: Output) {
        let p = parameters.variables()
        let (loss, output) = forward(p)
        optimizer.step(&parameters, gradients: gradients(of: loss, withRespectTo: p.tensors))
        return (loss.scalar, output)
    }
}
