import FewShot
import Foundation

/// Runs the Training screen's ``TrainingSession`` on a thread of its own. The UI only sends
/// commands (the session takes them between iterations) and reads the events it posts.
final class TrainingWorker: @unchecked Sendable {
    private let condition = NSCondition()
    /// A run asked for and not begun yet.
    private var pending: TrainingConfiguration?
    private var session: TrainingSession?
    /// The last run, kept for `w` and `u` once it stops stepping.
    private var savable: SavableRun?
    /// A save asked for while the run was still stepping (whether to use the model too); done
    /// when it stops.
    private var pendingSave: Bool?
    /// Commands that came while the run's data was loading, for the session once it exists.
    private var early = (loading: false, pause: false, stop: false)
    private var shutDownRequested = false
    private let outbox: Outbox
    private let dataDirectory: String?
    private let runsDirectory: URL
    private let log: @Sendable (String) -> Void

    init(outbox: Outbox, dataDirectory: String?, runsDirectory: URL, log: @escaping @Sendable (String) -> Void) {
        self.outbox = outbox
        self.dataDirectory = dataDirectory
        self.runsDirectory = runsDirectory
        self.log = log
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "episcope-training"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Hands a command to the current session, or queues a new run (which replaces any current one).
    func send(_ command: TrainingCommand) {
        condition.lock()
        defer { condition.unlock() }
        switch command {
        case .start(let configuration):
            pending = configuration
            session?.stop()
            condition.signal()
        case .pause:
            session?.pause()
            if early.loading { early.pause = true }
        case .resume:
            session?.resume()
            if early.loading { early.pause = false }
        case .stop:
            session?.stop()
            if early.loading { early.stop = true }
        case .save, .use:
            let use = command == .use
            // A paused session waits between iterations, so its trainer is still; a stopping
            // one may be inside its last iteration, so the save waits for it to end.
            if let session, !session.isPaused {
                pendingSave = use
            } else if let savable {
                outbox.post(savable.save(in: runsDirectory, use: use))
            } else {
                outbox.post(TrainingUpdate.saveFailed("no run to save"))
            }
        }
    }

    /// Ends the thread after the current iteration.
    func shutDown() {
        condition.lock()
        shutDownRequested = true
        session?.stop()
        condition.signal()
        condition.unlock()
    }

    /// Whether a run is stepping.
    var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return session.map { !$0.isPaused } ?? false
    }

    private func loop() {
        while true {
            condition.lock()
            while pending == nil && !shutDownRequested { condition.wait() }
            if shutDownRequested { condition.unlock(); return }
            let configuration = pending!
            pending = nil
            early = (loading: true, pause: false, stop: false)
            condition.unlock()
            run(configuration)
        }
    }

    private func run(_ configuration: TrainingConfiguration) {
        outbox.post(TrainingUpdate.started(configuration: configuration, total: configuration.iterations))
        let trainer: Trainer
        do {
            let location = configuration.dataset == .omniglot ? try DataLocation.resolve(explicit: dataDirectory) : nil
            let data = try TrainingData.load(for: configuration, location: location)
            trainer = try Trainer(configuration: configuration, data: data, command: "episcope explorer")
            trainer.heldOutCheck = try HeldOutCheck.load(for: configuration, data: data, location: location)
        } catch {
            log("training: \(error)")
            condition.lock(); early.loading = false; condition.unlock()
            outbox.post(TrainingUpdate.failed("\(error)"))
            return
        }
        let outbox = self.outbox
        var smoothing: Double? = nil
        let session = TrainingSession(trainer: trainer) { event in
            // `.started` went out above, before the data was loaded.
            if case .started = event { return }
            for update in TrainingUpdate.from(event, smoothing: &smoothing) { outbox.post(update) }
        }
        condition.lock()
        let superseded = pending != nil || shutDownRequested
        if !superseded {
            self.session = session
            savable = SavableRun(trainer: trainer)
            pendingSave = nil
        }
        if early.pause { session.pause() }
        if early.stop { session.stop() }
        early.loading = false
        condition.unlock()
        guard !superseded else { return }
        do {
            try session.run()
        } catch TrainingError.diverged {
            log("training: diverged at iteration \(trainer.iteration)")  // the session reported it as an event
        } catch {
            log("training: \(error)")
            outbox.post(TrainingUpdate.failed("\(error)"))
        }
        condition.lock()
        self.session = nil
        if let use = pendingSave, let savable {
            pendingSave = nil
            outbox.post(savable.save(in: runsDirectory, use: use))
        }
        condition.unlock()
    }
}

extension TrainingUpdate {
    /// The screen's view of a trainer event. The trainer times each iteration alone, which is
    /// noisy; `smoothing` carries a moving average of seconds per iteration across calls.
    static func from(_ event: TrainingEvent, smoothing: inout Double?) -> [TrainingUpdate] {
        switch event {
        case .started(let configuration, _):
            return [.started(configuration: configuration, total: configuration.iterations)]
        case .iteration(let report):
            var speed = report.iterationsPerSecond
            if speed > 0 && speed.isFinite {
                let seconds = 1 / speed
                smoothing = smoothing.map { 0.95 * $0 + 0.05 * seconds } ?? seconds
                speed = 1 / smoothing!
            }
            return [
                .iteration(
                    IterationSummary(
                        iteration: report.iteration, metaLoss: report.metaLoss, accuracy: report.accuracy,
                        iterationsPerSecond: speed, learningRate: report.learningRate, innerTraces: report.innerTraces))
            ]
        case .validation(let report):
            return [.validation(ValidationPoint(iteration: report.iteration, accuracy: report.accuracy, meanSquaredError: report.meanSquaredError))]
        case .heldOut(let report):
            return [.heldOut(report)]
        case .checkpointWritten(let path, _):
            return [.checkpoint(path)]
        case .diverged(_, let message):
            return [.failed(message)]
        case .finished:
            return [.finished]
        case .stopped:
            return [.stopped]
        case .paused:
            return [.paused]
        case .resumed:
            return [.resumed]
        }
    }
}
