import Autodiff
import Foundation

/// One sine regression task: y = amplitude * sin(x - phase).
public struct SineTask: Sendable, Hashable, Codable {
    /// A, drawn from U[0.1, 5].
    public let amplitude: Float
    /// The phase, drawn from U[0, pi].
    public let phase: Float

    /// A task with the given amplitude and phase.
    public init(amplitude: Float, phase: Float) {
        self.amplitude = amplitude
        self.phase = phase
    }

    /// The task's target at `x`.
    public func callAsFunction(_ x: Float) -> Float { amplitude * Foundation.sin(x - phase) }

    /// `count` inputs from U[-5, 5] and their targets, as `[count, 1]` tensors.
    public func samplePoints(_ count: Int, using generator: inout SeededGenerator) -> (x: Tensor, y: Tensor) {
        var xs = [Float](repeating: 0, count: count), ys = [Float](repeating: 0, count: count)
        for i in 0..<count {
            xs[i] = generator.nextFloat(in: SineTaskFamily.inputRange)
            ys[i] = self(xs[i])
        }
        return (Tensor(shape: [count, 1], scalars: xs), Tensor(shape: [count, 1], scalars: ys))
    }
}

/// The sine-wave regression benchmark of Finn et al. (MAML): each task is a sine with its own
/// amplitude and phase; an episode is K support points and some query points of one task.
public struct SineTaskFamily: Sendable {
    /// Amplitudes are drawn from this range.
    public static let amplitudeRange: ClosedRange<Float> = 0.1...5
    /// Phases are drawn from this range.
    public static let phaseRange: ClosedRange<Float> = 0...Float.pi
    /// Inputs are drawn from this range.
    public static let inputRange: ClosedRange<Float> = -5...5

    /// One task's data: its support and query points, each `[count, 1]`.
    public struct Episode: Sendable {
        /// The task the points come from.
        public let task: SineTask
        /// Support inputs and targets.
        public let supportX: Tensor, supportY: Tensor
        /// Query inputs and targets.
        public let queryX: Tensor, queryY: Tensor
    }

    /// The family; it has no parameters, the ranges are the published ones.
    public init() {}

    /// A random task.
    public func sampleTask(using generator: inout SeededGenerator) -> SineTask {
        let amplitude = generator.nextFloat(in: Self.amplitudeRange)
        let phase = generator.nextFloat(in: Self.phaseRange)
        return SineTask(amplitude: amplitude, phase: phase)
    }

    /// A random task with `shots` support points and `queries` query points (K by default).
    public func sampleEpisode(shots: Int, queries: Int? = nil, using generator: inout SeededGenerator) -> Episode {
        precondition(shots > 0 && (queries ?? shots) > 0, "SineTaskFamily: shots and queries must be positive")
        let task = sampleTask(using: &generator)
        let support = task.samplePoints(shots, using: &generator)
        let query = task.samplePoints(queries ?? shots, using: &generator)
        return Episode(task: task, supportX: support.x, supportY: support.y, queryX: query.x, queryY: query.y)
    }
}
