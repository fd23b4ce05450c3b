import Foundation

/// The one loop that drives a ``Trainer``: the CLI, the explorer's Training screen and its quick
/// sine models all run through it. `run` steps on the calling thread and reports every
/// ``TrainingEvent`` to the handler; `pause`, `resume`, `step` and `stop` may come from any
/// thread and take effect between iterations.
public final class TrainingSession: @unchecked Sendable {
    /// How a run ended (a divergence throws instead).
    public enum Outcome: Sendable, Equatable {
        case finished
        /// Stopped on request before the configured iterations; resumable from its checkpoint.
        case stopped
    }

    /// The trainer; read it from the running thread, or once `run` has returned.
    public let trainer: Trainer
    private let onEvent: (TrainingEvent) -> Void
    private let condition = NSCondition()
    private var paused = false
    private var pendingSteps = 0
    private var stopRequested = false

    /// A session over `trainer` whose events go to `onEvent`, on the thread that calls `run`.
    public init(trainer: Trainer, onEvent: @escaping (TrainingEvent) -> Void) {
        self.trainer = trainer
        self.onEvent = onEvent
    }

    // MARK: - Commands (any thread)

    /// Holds the run after the current iteration, until `resume`, `step` or `stop`.
    public func pause() { command { $0.paused = true } }

    /// Lets a paused run continue.
    public func resume() {
        command {
            $0.paused = false; $0.pendingSteps = 0
        }
    }

    /// Takes one more iteration of a paused run, which then stays paused (no effect while running).
    public func step() { command { if $0.paused { $0.pendingSteps += 1 } } }

    /// Ends the run after the current iteration, writing a checkpoint when the trainer has an
    /// output path, as Ctrl-C does.
    public func stop() { command { $0.stopRequested = true } }

    /// Whether a pause has been asked for and not lifted.
    public var isPaused: Bool {
        condition.lock()
        defer { condition.unlock() }
        return paused
    }

    private func command(_ change: (TrainingSession) -> Void) {
        condition.lock()
        change(self)
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The loop

    /// Steps until the configured iterations are done or a stop comes (from `stop` or from
    /// `shouldStop`, polled between iterations, e.g. a Ctrl-C flag). Reports `.started` first
    /// and `.finished` or `.stopped` last; a divergence is reported, then thrown.
    @discardableResult
    public func run(stoppingWhen shouldStop: () -> Bool = { false }) throws -> Outcome {
        onEvent(.started(trainer.configuration, resumedAt: trainer.iteration))
        var pauseAnnounced = false
        while !trainer.isFinished {
            switch nextWork(pauseAnnounced: pauseAnnounced, shouldStop: shouldStop) {
            case .stop:
                if let path = trainer.outputPath {
                    try trainer.save(to: path)
                    onEvent(.checkpointWritten(path: path, iteration: trainer.iteration))
                }
                onEvent(.stopped(iteration: trainer.iteration))
                return .stopped
            case .announcePause:
                pauseAnnounced = true
                onEvent(.paused(iteration: trainer.iteration))
            case .iterate(let resuming):
                if resuming {
                    pauseAnnounced = false
                    onEvent(.resumed(iteration: trainer.iteration))
                }
                try iterate()
            }
        }
        onEvent(.finished(iteration: trainer.iteration, wallSeconds: trainer.wallSeconds))
        return .finished
    }

    private enum Work {
        case stop, announcePause
        case iterate(resuming: Bool)
    }

    /// What to do next, waiting while paused. A stop wins over everything; a pause is reported
    /// once before the loop sleeps.
    private func nextWork(pauseAnnounced: Bool, shouldStop: () -> Bool) -> Work {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopRequested || shouldStop() { return .stop }
            if !paused { return .iterate(resuming: pauseAnnounced) }
            if !pauseAnnounced { return .announcePause }
            if pendingSteps > 0 {
                pendingSteps -= 1
                return .iterate(resuming: false)
            }
            // Woken by any command; the timeout only serves `shouldStop`, which cannot signal.
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
    }

    private func iterate() throws {
        do {
            for event in try trainer.step() { onEvent(event) }
        } catch TrainingError.diverged(let at, let loss) {
            onEvent(.diverged(iteration: at, message: "loss became \(loss) at iteration \(at); the last good checkpoint is kept"))
            throw TrainingError.diverged(iteration: at, loss: loss)
        }
    }
}
