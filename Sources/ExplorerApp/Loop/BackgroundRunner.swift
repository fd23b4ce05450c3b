import FewShot
import Foundation

/// Runs effects off the UI thread: one worker thread serves requests in order (first loading
/// the data and models), a second runs training, and a third trains the quick sine models
/// when none is shipped. The UI thread only queues effects and drains actions.
public final class BackgroundRunner: EffectRunner, @unchecked Sendable {
    private let engine: ExplorerEngine
    private let outbox = Outbox()
    private let condition = NSCondition()
    private var queue: [Effect] = []
    private var working = true  // the worker starts by preparing
    private var stopped = false
    private let training: TrainingWorker
    private let slowWork = Locked(false)

    /// Starts the threads; the worker begins by loading data and models.
    public init(engine: ExplorerEngine) {
        self.engine = engine
        training = TrainingWorker(
            outbox: outbox, dataDirectory: engine.options.dataDirectory, runsDirectory: RunFiles.directory(engine.options),
            log: engine.options.log)
        training.start()
        let thread = Thread { [self] in work() }
        thread.name = "episcope-worker"
        thread.start()
    }

    public func submit(_ effects: [Effect]) {
        for effect in effects {
            if case .training(let command) = effect { training.send(command); continue }
            condition.lock()
            queue.append(effect)
            condition.signal()
            condition.unlock()
        }
    }

    public func drain() -> [Action] { outbox.take() }

    public var isBusy: Bool {
        condition.lock()
        let busy = working || !queue.isEmpty
        condition.unlock()
        return busy || training.isRunning || slowWork.withLock { $0 }
    }

    /// Stops the threads after their current piece of work (the process may exit first).
    public func shutDown() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        training.shutDown()
    }

    private func work() {
        let outbox = self.outbox
        let send: @Sendable (Action) -> Void = { outbox.post($0) }
        if let slow = engine.prepare(send: send) {
            slowWork.withLock { $0 = true }
            let flag = slowWork
            let thread = Thread {
                slow(); flag.withLock { $0 = false }
            }
            thread.name = "episcope-quick-training"
            thread.start()
        }
        while true {
            condition.lock()
            working = false
            while queue.isEmpty && !stopped { condition.wait() }
            if stopped { condition.unlock(); return }
            let effect = Self.takeLatest(from: &queue)
            working = true
            condition.unlock()
            engine.perform(effect, send: send)
        }
    }

    /// The oldest queued effect, unless a newer one of the same kind supersedes it (holding
    /// `+` queues many requests; only the last one matters).
    static func takeLatest(from queue: inout [Effect]) -> Effect {
        let first = queue.removeFirst()
        if let newer = queue.lastIndex(where: { sameKind($0, first) }) {
            let latest = queue.remove(at: newer)
            queue.removeAll { sameKind($0, first) }
            return latest
        }
        return first
    }

    static func sameKind(_ a: Effect, _ b: Effect) -> Bool {
        switch (a, b) {
        case (.adaptSine, .adaptSine), (.sampleEpisode, .sampleEpisode), (.adaptInner, .adaptInner), (.compareEpisode, .compareEpisode),
            (.memorySequence, .memorySequence):
            return true
        default: return false
        }
    }
}

/// Runs every effect to completion on the caller's thread: for `episcope render`, tests and
/// benchmarks, where a screen must be fully computed before it is drawn. Training runs a fixed
/// number of iterations per start, and reports no speed (timings would make output vary).
public final class InlineRunner: EffectRunner {
    private let engine: ExplorerEngine
    private let outbox = Outbox()
    private let trainingIterations: Int
    /// The last run, for `w` and `u`.
    private var savable: SavableRun?

    /// What the engine reported while preparing; every loop over this runner starts from
    /// these, so one prepared runner can serve many renders.
    public let resourceActions: [Action]

    /// Prepares `engine` (training quick sine models if needed) before returning.
    public init(engine: ExplorerEngine, trainingIterations: Int = 200) {
        self.engine = engine
        self.trainingIterations = trainingIterations
        let collected = Outbox()
        engine.prepare { collected.post($0) }?()
        resourceActions = collected.take()
    }

    public func submit(_ effects: [Effect]) {
        let outbox = self.outbox
        for effect in effects {
            if case .training(let command) = effect {
                runTraining(command)
            } else {
                engine.perform(effect) { outbox.post($0) }
            }
        }
    }

    public func drain() -> [Action] { outbox.take() }

    public var isBusy: Bool { false }

    private func runTraining(_ command: TrainingCommand) {
        if command == .save || command == .use {
            outbox.post(
                savable?.save(in: RunFiles.directory(engine.options), use: command == .use) ?? TrainingUpdate.saveFailed("no run to save"))
            return
        }
        guard case .start(var configuration) = command else { return }
        configuration.iterations = min(configuration.iterations, trainingIterations)
        configuration.validationInterval = min(configuration.validationInterval, max(1, trainingIterations / 2))
        outbox.post(TrainingUpdate.started(configuration: configuration, total: configuration.iterations))
        do {
            let location = configuration.dataset == .omniglot ? try DataLocation.resolve(explicit: engine.options.dataDirectory) : nil
            let trainer = try Trainer(configuration: configuration, data: try TrainingData.load(for: configuration, location: location))
            savable = SavableRun(trainer: trainer)
            let outbox = self.outbox
            var smoothing: Double? = nil
            try TrainingSession(trainer: trainer) { event in
                // `.started` went out above, before the data was loaded.
                if case .started = event { return }
                for var update in TrainingUpdate.from(event, smoothing: &smoothing) {
                    if case .iteration(var summary) = update { summary.iterationsPerSecond = 0; update = .iteration(summary) }
                    outbox.post(update)
                }
            }.run()
        } catch {
            outbox.post(TrainingUpdate.failed("\(error)"))
        }
    }
}
