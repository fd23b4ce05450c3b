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
        var sum = theta.tensors.map { [Float](repeating: 0, count: $0.count) }
        var traces: [AdaptationTrace] = []
        var queryLoss: Float = 0
        var accuracies: [Float] = []
        for task in tasks {
            let (fast, trace) = MAML.adapt(theta.detached().variables(), to: task, inner: inner, order: .firstOrder, tracingQuery: tracingQuery)
            let (loss, accuracy) = withoutRecording { task.query(fast.detached()) }
            queryLoss += loss.scalar
            if let accuracy { accuracies.append(accuracy) }
            for i in sum.indices {
                let phi = fast.tensors[i].scalars
                let th = theta.tensors[i].scalars
                for j in sum[i].indices { sum[i][j] += phi[j] - th[j] }
            }
            traces.append(trace)
        }
        let factor = metaStepSize / Float(tasks.count)
        var updated = theta.detached()
        for i in sum.indices {
            let th = theta.tensors[i].scalars
            updated.tensors[i] = Tensor(shape: theta.tensors[i].shape, scalars: th.indices.map { th[$0] + factor * sum[i][$0] })
        }
        return (updated, traces, queryLoss / Float(tasks.count),
                accuracies.isEmpty ? nil : accuracies.reduce(0, +) / Float(accuracies.count))
    }
}
