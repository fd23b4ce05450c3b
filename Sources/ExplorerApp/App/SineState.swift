import Autodiff
import Foundation

/// A point of a regression task.
public struct SinePoint: Sendable, Hashable {
    public var x: Float
    public var y: Float

    /// A point at (`x`, `y`).
    public init(x: Float, y: Float) {
        self.x = x
        self.y = y
    }
}

/// One sine task, y = amplitude · sin(x − phase), as the MAML paper draws them.
public struct SineWave: Sendable, Hashable {
    public var amplitude: Float
    public var phase: Float

    /// A wave with the given amplitude and phase.
    public init(amplitude: Float, phase: Float) {
        self.amplitude = amplitude
        self.phase = phase
    }

    /// The target at `x`.
    public func callAsFunction(_ x: Float) -> Float { amplitude * sinf(x - phase) }

    /// The published task distribution: A in [0.1, 5], phase in [0, π], x in [−5, 5].
    public static let amplitudeRange: ClosedRange<Float> = 0.1...5
    public static let phaseRange: ClosedRange<Float> = 0...Float.pi
    public static let inputRange: ClosedRange<Float> = -5...5
}

/// The Sine screen: a task, its support points, and the curves the engine computed for them.
public struct SineState: Sendable, Equatable {
    /// Inner steps computed per request; the screen reveals them one at a time.
    public static let maxSteps = 10
    /// Support points a task offers to `+` (K can go up to this, plus clicked points).
    public static let poolSize = 20
    /// The inner-loop step sizes `<` and `>` move through.
    public static let alphaLadder: [Float] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]

    public var seed: UInt64
    /// Which task of the seed's sequence is on show (n increments it).
    public var taskNumber = 0
    public var wave: SineWave
    /// Candidate support points, drawn with the task; the first `shots` are used.
    public var pool: [SinePoint]
    /// K.
    public var shots = 5
    /// Points added by clicking in the plot.
    public var added: [SinePoint] = []
    public var alphaIndex = 3
    /// Inner steps on show, 0 (the meta-learned start) ... `maxSteps`.
    public var shownSteps = 0
    public var showBaseline = false
    /// While set, one more step is revealed at each `nextStepAt` (milliseconds, loop clock).
    public var nextStepAt: Int?
    /// The engine's latest answer.
    public var curves: SineCurves?
    /// The request the screen is waiting for, if any.
    public var pendingRequest: Int?

    /// The first task of `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        (wave, pool) = SineState.task(seed: seed, number: 0)
    }

    /// Task `number` of `seed` and its candidate support points; pure, so the same seed
    /// always shows the same tasks.
    public static func task(seed: UInt64, number: Int) -> (SineWave, [SinePoint]) {
        var generator = SeededGenerator(seed: seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        let wave = SineWave(
            amplitude: generator.nextFloat(in: SineWave.amplitudeRange),
            phase: generator.nextFloat(in: SineWave.phaseRange))
        let pool = (0..<poolSize).map { _ -> SinePoint in
            let x = generator.nextFloat(in: SineWave.inputRange)
            return SinePoint(x: x, y: wave(x))
        }
        return (wave, pool)
    }

    /// α.
    public var alpha: Float { Self.alphaLadder[alphaIndex] }
    /// The support set: K drawn points, then the clicked ones.
    public var support: [SinePoint] { Array(pool.prefix(shots)) + added }
}

/// What the engine asks for: adapt the meta-learned model (and the baseline) to a support set.
public struct SineRequest: Sendable, Equatable {
    public var id: Int
    public var wave: SineWave
    public var support: [SinePoint]
    public var alpha: Float
    public var steps: Int
}

/// The engine's answer: every curve on a grid of x, after 0...steps inner steps.
public struct SineCurves: Sendable, Equatable {
    public var id: Int
    /// The x grid over [−5, 5].
    public var xs: [Float]
    /// The true function on the grid.
    public var truth: [Float]
    /// The meta-learned model's predictions after 0...steps steps (index = steps).
    public var adapted: [[Float]]
    /// The same for the pretrained baseline, when one is loaded.
    public var baseline: [[Float]]?
    /// Mean squared error against the true function on the grid, per step.
    public var adaptedError: [Float]
    public var baselineError: [Float]?
    /// Which model produced `adapted` ("MAML, shipped").
    public var modelCaption: String

    /// Curves for request `id`.
    public init(
        id: Int, xs: [Float], truth: [Float], adapted: [[Float]], baseline: [[Float]]?, adaptedError: [Float],
        baselineError: [Float]?, modelCaption: String
    ) {
        (self.id, self.xs, self.truth, self.adapted, self.baseline) = (id, xs, truth, adapted, baseline)
        (self.adaptedError, self.baselineError, self.modelCaption) = (adaptedError, baselineError, modelCaption)
    }
}

extension SineCurves {
    /// Whether the error at `step` of a fine-tuning run means it diverged: not finite, or more
    /// than ten times the error it started from (at least 10: sine targets are at most 5 in
    /// size, so no sensible fit is that far off).
    public static func hasDiverged(_ errors: [Float], at step: Int) -> Bool {
        guard errors.indices.contains(step) else { return false }
        let value = errors[step]
        let start = errors[0].isFinite ? errors[0] : 0
        return !value.isFinite || value > 10 * max(start, 1)
    }

    /// The first step at which the run diverged (`hasDiverged`), if any.
    public static func firstDivergedStep(_ errors: [Float]) -> Int? {
        errors.indices.first { hasDiverged(errors, at: $0) }
    }
}
