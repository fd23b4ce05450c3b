import FewShot
import Foundation

/// Runs a `Trainer` on a thread of its own, one iteration at a time, so it can be paused,
/// resumed and stopped between iterations. The UI only ever sends commands and reads events.
final class TrainingWorker: @unchecked Sendable {
    private struct Control {
        var commands: [TrainingCommand] = []
        var trainer: Trainer?
        var paused = false
        var shutDown = false
    }

    private let condition = NSCondition()
    private var control = Control()
    private let outbox: Outbox
    private let dataDirectory: String?
    private let log: @Sendable (String) -> Void
    private var secondsPerIteration: Double?

    init(outbox: Outbox, dataDirectory: String?, log: @escaping @Sendable (String) -> Void) {
        self.outbox = outbox
        self.dataDirectory = dataDirectory
        self.log = log
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "episcope-training"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Queues a command for the thread.
    func send(_ command: TrainingCommand) {
        condition.lock()
        control.commands.append(command)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread after the current iteration.
    func shutDown() {
        condition.lock()
        control.shutDown = true
        condition.signal()
        condition.unlock()
    }

    /// Whether a run is stepping.
    var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return control.trainer != nil && !control.paused
    }

    private func loop() {
        while true {
            condition.lock()
            while control.commands.isEmpty && !control.shutDown && (control.trainer == nil || control.paused) { condition.wait() }
            if control.shutDown { condition.unlock(); return }
            let commands = control.commands
            control.commands.removeAll()
            condition.unlock()
            for command in commands { handle(command) }
            stepOnce()
        }
    }

    private func handle(_ command: TrainingCommand) {
        switch command {
        case .start(let configuration):
            outbox.post(TrainingUpdate.started(configuration: configuration, total: configuration.iterations))
            do {
                let location = configuration.dataset == .omniglot ? try DataLocation.resolve(explicit: dataDirectory) : nil
                let trainer = try Trainer(configuration: configuration, data: try TrainingData.load(for: configuration, location: location),
                                          command: "episcope explorer")
                secondsPerIteration = nil
                setTrainer(trainer, paused: false)
            } catch {
                log("training: \(error)")
                setTrainer(nil, paused: false)
                outbox.post(TrainingUpdate.failed("\(error)"))
            }
        case .pause:
            guard currentTrainer() != nil else { return }
            condition.lock(); control.paused = true; condition.unlock()
            outbox.post(TrainingUpdate.paused)
        case .resume:
            guard currentTrainer() != nil else { return }
            condition.lock(); control.paused = false; condition.unlock()
            outbox.post(TrainingUpdate.resumed)
        case .stop:
            guard currentTrainer() != nil else { return }
            setTrainer(nil, paused: false)
            outbox.post(TrainingUpdate.finished)
        }
    }

    private func stepOnce() {
        condition.lock()
        let trainer = control.paused ? nil : control.trainer
        condition.unlock()
        guard let trainer else { return }
        if trainer.isFinished {
            setTrainer(nil, paused: false)
            outbox.post(TrainingUpdate.finished)
            return
        }
        do {
            for event in try trainer.step() {
                for update in TrainingUpdate.from(event, smoothing: &secondsPerIteration) { outbox.post(update) }
            }
        } catch {
            log("training: \(error)")
            setTrainer(nil, paused: false)
            outbox.post(TrainingUpdate.failed("\(error)"))
        }
    }

    private func currentTrainer() -> Trainer? {
        condition.lock()
        defer { condition.unlock() }
        return control.trainer
    }

    private func setTrainer(_ trainer: Trainer?, paused: Bool) {
        condition.lock()
        control.trainer = trainer
        control.paused = paused
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
            return [.iteration(IterationSummary(iteration: report.iteration, metaLoss: report.metaLoss, accuracy: report.accuracy,
                                                iterationsPerSecond: speed, learningRate: report.learningRate, innerTraces: report.innerTraces))]
        case .validation(let report):
            return [.validation(ValidationPoint(iteration: report.iteration, accuracy: report.accuracy, meanSquaredError: report.meanSquaredError))]
        case .checkpointWritten(let path, _):
            return [.checkpoint(path)]
        case .diverged(_, let message):
            return [.failed(message)]
        case .finished:
            return [.finished]
        }
    }
}
