import Autodiff
import Foundation
import Testing

@testable import FewShot

/// The one training loop: commands from another thread, events in order, a stop that writes a
/// checkpoint the run resumes from bit for bit.
@Suite struct TrainingSessionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-session-\(getpid())").path

    func configuration() -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(.reptile, .sine)
        (c.metaBatch, c.iterations, c.seed) = (4, 12, 3)
        (c.validationInterval, c.checkpointInterval) = (0, 1000)
        return c
    }

    /// Events as short words, collected from the session's thread; waits for one to appear.
    final class EventLog: @unchecked Sendable {
        private let condition = NSCondition()
        private var words: [String] = []

        func append(_ event: TrainingEvent) {
            let word: String
            switch event {
            case .started(_, let at): word = "started \(at)"
            case .iteration(let r): word = "iteration \(r.iteration)"
            case .validation(let v): word = "validation \(v.iteration)"
            case .heldOut(let h): word = "held-out \(h.iteration)"
            case .checkpointWritten(_, let at): word = "checkpoint \(at)"
            case .diverged(let at, _): word = "diverged \(at)"
            case .finished(let at, _): word = "finished \(at)"
            case .paused(let at): word = "paused \(at)"
            case .resumed(let at): word = "resumed \(at)"
            case .stopped(let at): word = "stopped \(at)"
            }
            condition.lock()
            words.append(word)
            condition.broadcast()
            condition.unlock()
        }

        var all: [String] {
            condition.lock()
            defer { condition.unlock() }
            return words
        }

        /// Whether `word` arrived within ten seconds.
        func wait(for word: String) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            let deadline = Date(timeIntervalSinceNow: 10)
            while !words.contains(word) { if !condition.wait(until: deadline) { return words.contains(word) } }
            return true
        }
    }

    @Test func pausedSteppedResumedAndStoppedInOrderThenResumesBitForBit() throws {
        let path = directory + "/session.safetensors"
        let trainer = try Trainer(configuration: configuration(), data: .sine)
        trainer.outputPath = path
        let log = EventLog()
        var session: TrainingSession!
        session = TrainingSession(trainer: trainer) { event in
            log.append(event)
            // Pausing from the handler lands between iterations 5 and 6, every time.
            if case .iteration(let r) = event, r.iteration == 5 { session.pause() }
        }
        session.pause()
        let done = DispatchSemaphore(value: 0)
        let outcome = Locked<TrainingSession.Outcome?>(nil)
        Thread { [session] in
            outcome.set(try? session!.run())
            done.signal()
        }.start()
        #expect(log.wait(for: "paused 0"))
        session.step()
        #expect(log.wait(for: "iteration 1"))
        session.step()
        #expect(log.wait(for: "iteration 2"))
        #expect(session.isPaused)
        session.resume()
        #expect(log.wait(for: "paused 5"))
        session.stop()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.get() == .stopped)
        #expect(
            log.all == [
                "started 0", "paused 0", "iteration 1", "iteration 2", "resumed 2", "iteration 3", "iteration 4",
                "iteration 5", "paused 5", "checkpoint 5", "stopped 5"
            ])

        let straight = try Trainer(configuration: configuration(), data: .sine)
        var straightEvents: [String] = []
        #expect(
            try TrainingSession(trainer: straight) { if case .finished(let at, _) = $0 { straightEvents.append("finished \(at)") } }.run()
                == .finished)
        #expect(straightEvents == ["finished 12"])
        let resumed = try Trainer(resumingFrom: path, data: .sine)
        #expect(resumed.iteration == 5)
        let resumedLog = EventLog()
        #expect(try TrainingSession(trainer: resumed, onEvent: resumedLog.append).run() == .finished)
        #expect(resumedLog.all.first == "started 5")
        #expect(resumedLog.all.last == "finished 12")
        #expect(resumed.parameters.tensors.map(\.scalars) == straight.parameters.tensors.map(\.scalars))
        #expect(resumed.generator == straight.generator)
    }

    @Test func stoppingWithoutAnOutputPathWritesNothingAndSaysStopped() throws {
        let trainer = try Trainer(configuration: configuration(), data: .sine)
        let log = EventLog()
        var iterations = 0
        let outcome = try TrainingSession(trainer: trainer) { event in
            log.append(event)
            if case .iteration = event { iterations += 1 }
        }.run(stoppingWhen: { iterations >= 3 })
        #expect(outcome == .stopped)
        #expect(log.all == ["started 0", "iteration 1", "iteration 2", "iteration 3", "stopped 3"])
    }
}

/// A value shared with the session's thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ newValue: Value) { lock.lock(); value = newValue; lock.unlock() }
}
