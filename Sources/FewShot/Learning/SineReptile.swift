import Autodiff
import NeuralNets

/// Reptile on sine regression with every task of a meta-batch adapted at once (as
/// ``SineMAML``): plain first-order SGD on each task's support points gives φᵢ, then
/// θ ← θ + ε · mean(φᵢ − θ). The query points play no part in the update; their loss at φ is
/// reported only, so that Reptile's curve compares with MAML's.
public struct SineReptile: Sendable {
    public let model: SineMLP
    public var inner: InnerLoop

    public init(model: SineMLP = SineMLP(), inner: InnerLoop) {
        self.model = model
        self.inner = inner
    }

    /// The result of one meta-batch.
    public struct MetaStep: Sendable {
        /// θ moved towards the adapted weights.
        public var parameters: ParameterList
        /// Mean query loss at φ (reported, not optimised).
        public var queryLoss: Float
        /// Mean support loss before each inner step and after the last.
        public var supportLosses: [Float]
    }

    /// One Reptile update of `theta` with outer step size `metaStepSize` (ε).
    public func metaStep(_ theta: ParameterList, batch: RegressionBatch, metaStepSize: Float) -> MetaStep {
        // SineMAML's batched inner loop taken first order is exactly Reptile's SGD: gradients
        // are not kept in the graph, so each step is θ − α∇L_support on constants.
        let (fast, supportLosses) = SineMAML(model: model, inner: inner, order: .firstOrder).adapt(theta.detached().variables(), to: batch)
        let phi = fast.detached()
        let tasks = batch.taskCount
        let queryLoss = withoutRecording { SineMAML.summedTaskLoss(model(batch.queryX, parameters: phi), batch.queryY) }.scalar / Float(tasks)
        var updated = theta.detached()
        for i in theta.tensors.indices {
            let th = theta.tensors[i].scalars
            let adapted = phi.tensors[i].scalars  // [tasks, ...] row-major: task t's copy at t·count
            var values = th
            for j in th.indices {
                // Summed in task order, as Reptile on Omniglot, so the result does not depend on threads.
                var move: Float = 0
                for t in 0..<tasks { move += adapted[t * th.count + j] - th[j] }
                values[j] = th[j] + metaStepSize / Float(tasks) * move
            }
            updated.tensors[i] = Tensor(shape: theta.tensors[i].shape, scalars: values)
        }
        return MetaStep(parameters: updated, queryLoss: queryLoss, supportLosses: supportLosses)
    }
}
