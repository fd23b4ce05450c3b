import Autodiff
import FewShot
import TerminalUI
import TestSupport
import Testing

@testable import ExplorerApp

/// The Memory screen drawn from a real MANN and LSTM baseline on a seeded test sequence, and the
/// engine's numbers checked against the learners run directly.
@Suite("Memory screen", .serialized)
struct MemoryScreenTests {
    static let sizes = [(160, 48), (100, 30), (80, 24)]

    @Test("memory screen: step 12 of a sequence, MANN's memory, reads, writes, usage and accuracy by instance", arguments: sizes)
    func snapshot(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = MemoryFixture.render(MemoryFixture.both, width: width, height: height)
        let text = frame.plainText()
        for name in ["7 Memory", "Step 12 of 50", "MANN's memory after step 12", "usage", "write", "read", "MANN paper", "people"] {
            #expect(text.contains(name), "\(name) at \(width)x\(height):\n\(text)")
        }
        #expect(text.contains("m MANN ours") && text.contains("l LSTM ours"), "the models' stored curves:\n\(text)")
        assertSnapshot(frame, named: "memory-\(width)x\(height)")
    }

    @Test("b swaps in the LSTM baseline on the same sequence; the memory stays MANN's")
    func lstmSwap() throws {
        _ = try TestData.omniglot()
        let (state, frame) = MemoryFixture.withLoop(MemoryFixture.both) { loop -> (AppState, Buffer) in
            for _ in 0..<11 { loop.iterate(with: .key(.char(" "))) }
            let before = loop.state.memory.view
            loop.iterate(with: .key(.char("b")))
            #expect(loop.state.memory.view == before, "no new request: both learners ran on the sequence already")
            return (loop.state, loop.terminal.lastFrame)
        }
        #expect(state.memory.learner == .lstm && state.memory.shownSteps == 12)
        let text = frame.plainText()
        #expect(text.contains("LSTM →") && text.contains("This sequence: LSTM baseline"), "\(text)")
        assertSnapshot(frame, named: "memory-lstm-160x48")
    }

    @Test("without a MANN model the memory panel names the file it waits for; the baseline still runs")
    func missingMANN() throws {
        _ = try TestData.omniglot()
        let frame = MemoryFixture.render(MemoryFixture.lstmOnly, width: 100, height: 30)
        let text = frame.plainText()
        #expect(text.contains("No MANN model") && text.contains("mann-omniglot-5class.safetensors"), "\(text)")
        #expect(text.contains("The LSTM baseline (b) still runs"), "\(text)")
        let none = Fixture.render(.memory, width: 100, height: 30).plainText()
        #expect(none.contains("No MANN model") && !none.contains("(b) still runs"), "\(none)")
        #expect(none.contains("Step 12 of 50"), "the sequence plays without models:\n\(none)")
        assertSnapshot(frame, named: "memory-lstm-only-100x30")
    }

    @Test("the engine's predictions, probabilities and memory are the learners' own on the same sequence")
    func engineMatchesLearners() throws {
        let location = try TestData.omniglot()
        let view = try #require(MemoryFixture.withLoop(MemoryFixture.both) { $0.state.memory.view })
        let data = try OmniglotResources.load(location: location) { _ in }
        let sampler = try SequenceSampler(split: data.split, classes: 5, drawingsPerClass: 10)
        var generator = derivedGenerator(seed: 7, number: 0, stream: 5)
        let episode = sampler.sample(using: &generator)
        #expect(view.steps.map(\.label) == episode.labels && view.steps.map(\.instance) == episode.instances)
        let batch = SequenceBatch([episode], from: data.dataset)
        for kind in SequenceLearnerKind.allCases {
            let checkpoint = Fixture.untrainedModel(kind == .mann ? .mann : .lstm)
            let learner = try #require(checkpoint.architecture.sequenceLearner)
            let run = view.run(kind)
            #expect(run.predictions == learner.predictions(parameters: checkpoint.parameters, batch: batch), "\(kind)")
            for p in try #require(run.probabilities) { #expect(abs(p.reduce(0, +) - 1) < 1e-4) }
            // What the file stores is Evaluator's accuracy by instance on 32 test sequences, seed 0.
            var zero = SeededGenerator(seed: 0)
            let measured = try Evaluator(checkpoint: checkpoint).instanceAccuracy(
                dataset: data.dataset, split: data.split, episodes: 32, using: &zero)
            #expect(run.storedByInstance == measured.byInstance.map(\.accuracy) && run.storedEpisodes == 32)
            // The running tally counts what the predictions say.
            let tally = view.tally(kind, shown: 50)
            #expect(tally.map(\.seen) == Array(repeating: 5, count: 10))
            let right = zip(try #require(run.predictions), episode.labels).filter { $0 == $1 }.count
            #expect(tally.map(\.right).reduce(0, +) == right)
        }
        #expect(view.memory.count == 50 && view.slots == 128 && view.slotWidth == 40)
        for step in view.memory {
            #expect(step.readWeights.count == 4 && step.memory.count == 128 * 40)
            for head in step.readWeights { #expect(abs(head.reduce(0, +) - 1) < 1e-4, "a read is a softmax over the slots") }
        }
        // Least-recently-used writing: the first write goes to slots other than slot 0, which
        // counts as used at the start.
        let firstWrite = view.memory[0].writeWeights[0]
        #expect(firstWrite[0] < (firstWrite.max() ?? 0))
    }

    @Test("ASCII terminals get an all-ASCII Memory screen")
    func ascii() throws {
        _ = try TestData.omniglot()
        let frame = MemoryFixture.render(MemoryFixture.both, width: 100, height: 30, charset: .ascii)
        #expect(frame.plainText().unicodeScalars.allSatisfy { $0.isASCII }, "\(frame.plainText())")
    }
}
