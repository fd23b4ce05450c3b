import Autodiff
import NeuralNets

extension MAML {
    /// θ fine-tuned on one task by plain SGD, as every optimisation learner adapts at test time,
    /// with the curves of every step: support loss; query loss, accuracy and predictions when
    /// `tracingQuery`; the task's probe outputs when it has one. Nothing is differentiated twice.
    public static func fineTuning(_ theta: ParameterList, on task: TaskObjective, inner: InnerLoop, tracingQuery: Bool = true) -> AdaptationTrace {
        adapt(theta.detached().variables(), to: task, inner: inner, order: .firstOrder, tracingQuery: tracingQuery).trace
    }
}
