import Autodiff

/// How fine-tuning on sine tasks went, task by task: the mean the papers report, and the median,
/// the worst task and the tasks that diverged, which a mean alone hides or is ruined by.
public struct SineErrors: Sendable, Equatable {
    /// The step counts, as asked for.
    public var steps: [Int]
    /// Mean query MSE after each count of steps.
    public var mean: [Float]
    /// Median query MSE after each count of steps.
    public var median: [Float]
    /// The largest query MSE of any task after each count of steps (NaN when one is NaN).
    public var worst: [Float]
    /// Tasks whose query MSE is not finite or above ``divergenceThreshold`` after each count of steps.
    public var diverged: [Int]
    /// Tasks evaluated.
    public var tasks: Int

    /// An MSE four times the largest a constant-zero prediction can make on a sine task
    /// (amplitude at most 5, so 25): a fit this bad has been pushed away from the data.
    public static let divergenceThreshold: Float = 100
}

extension Evaluator {
    /// Tasks fine-tuned at once: 2,000 keep the per-task copies of θ and their gradients near 50 MB.
    static let sineChunk = 2000

    /// ``SineErrors`` over `tasks` sine tasks after each count of fine-tuning steps in `steps`. The
    /// tasks are drawn in order from `generator`, as ``sineErrors(shots:tasks:steps:queries:using:)``
    /// draws them, and the means equal its figures when `tasks` fits one chunk of 2,000.
    public func sineErrorStatistics(
        shots: Int, tasks: Int, steps: [Int], queries: Int = 100, using generator: inout SeededGenerator
    ) -> SineErrors {
        guard case .sine(let model) = checkpoint.architecture else { preconditionFailure("sineErrorStatistics: not a sine model") }
        let learner = SineMAML(model: model, inner: InnerLoop(steps: 1, stepSize: checkpoint.configuration.innerStepSize))
        let maxSteps = steps.max() ?? 0
        var weightedMeans = [Double](repeating: 0, count: steps.count)
        var perTask = [[Float]](repeating: [], count: steps.count)
        var done = 0
        var firstChunkMeans: [Float] = []
        while done < tasks {
            let count = min(Self.sineChunk, tasks - done)
            let batch = SineTaskFamily().sampleBatch(tasks: count, shots: shots, queries: queries, using: &generator)
            let errors = learner.queryErrorsByTask(checkpoint.parameters, batch: batch, maxSteps: maxSteps)
            if done == 0 { firstChunkMeans = steps.map { errors.mean[$0] } }
            for (i, step) in steps.enumerated() {
                weightedMeans[i] += Double(errors.mean[step]) * Double(count)
                perTask[i] += errors.perTask[step]
            }
            done += count
        }
        func median(_ values: [Float]) -> Float {
            let sorted = values.map { $0.isNaN ? Float.infinity : $0 }.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        return SineErrors(
            steps: steps,
            mean: tasks <= Self.sineChunk ? firstChunkMeans : weightedMeans.map { Float($0 / Double(max(tasks, 1))) },
            median: perTask.map(median),
            worst: perTask.map { errors in errors.contains { $0.isNaN } ? .nan : (errors.max() ?? .nan) },
            diverged: perTask.map { errors in errors.filter { !$0.isFinite || $0 > SineErrors.divergenceThreshold }.count },
            tasks: tasks)
    }
}
