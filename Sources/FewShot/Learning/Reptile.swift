import Autodiff
import NeuralNets

/// Reptile (Nichol, Achiam & Schulman, 2018): adapt to each task with plain SGD, then move θ
/// towards the adapted weights, θ ← θ + ε · mean(φᵢ − θ). No second derivatives, and not even
/// a query loss in the update.
public enum Reptile {
    /// The new θ after one meta-batch, with each task's inner-loop curves.
    public static func metaStep(
        _ theta: ParameterList, tasks: [TaskObjective], inner: InnerLoop, metaStepSize: Float, tracingQuery: Bool = false
    ) -> (parameters: ParameterList, traces: [AdaptationTrace], queryLoss: Float, queryAccuracy: Float?) {
        // Tasks adapt on the engine's worker threads; their moves are summed in task order.
        let perTask = concurrentMap(tasks.count) { t in
            let task = tasks[t]
            let (fast, trace) = MAML.adapt(theta.detached().variables(), to: task, inner: inner, order: .firstOrder, tracingQuery: tracingQuery)
            let (loss, accuracy) = withoutRecording { task.query(fast.detached()) }
            return (fast: fast.detached(), trace: trace, loss: loss.scalar, accuracy: accuracy)
        }
        var sum = theta.tensors.map { [Float](repeating: 0, count: $0.count) }
        var queryLoss: Float = 0
        for result in perTask {
            queryLoss += result.loss
            for i in sum.indices {
                let phi = result.fast.tensors[i].scalars
                let th = theta.tensors[i].scalars
                for j in sum[i].indices { sum[i][j] += phi[j] - th[j] }
            }
        }
        let accuracies = perTask.compactMap(\.accuracy)
        let traces = perTask.map(\.trace)
        let factor = metaStepSize / Float(tasks.count)
        var updated = theta.detached()
        for i in sum.indices {
            let th = theta.tensors[i].scalars
            updated.tensors[i] = Tensor(shape: theta.tensors[i].shape, scalars: th.indices.map { th[$0] + factor * sum[i][$0] })
        }
        return (
            updated, traces, queryLoss / Float(tasks.count),
            accuracies.isEmpty ? nil : accuracies.reduce(0, +) / Float(accuracies.count)
        )
    }
}
