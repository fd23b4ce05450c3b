import FewShot
import TerminalUI
import Testing

@testable import ExplorerApp

/// The Memory screen's keys as state transitions over a small sequence.
@Suite("Memory keys")
struct MemoryKeyTests {
    func press(_ key: Key, _ state: inout AppState) -> [Effect] { Fixture.press(key, &state) }

    /// A view of `labels`, predicted by MANN as `predicted` (nil: no MANN model).
    func view(id: Int, labels: [Int], predicted: [Int]?) -> MemoryView {
        let glyph = GlyphImage(width: 1, height: 1, bytes: [0])
        var seen = [Int: Int]()
        let steps = labels.map { label -> MemoryView.Step in
            seen[label, default: 0] += 1
            return MemoryView.Step(drawing: glyph, label: label, instance: seen[label]!)
        }
        let probabilities = predicted.map { $0.map { p in (0..<2).map { $0 == p ? Float(0.9) : 0.1 } } }
        let runs = [
            MemoryView.Run(kind: .mann, caption: "test", predictions: predicted, probabilities: probabilities),
            MemoryView.Run(kind: .lstm, caption: "lstm-omniglot-5class.safetensors is not in assets/models")
        ]
        let classes = (0..<2).map { EpisodeView.ClassInfo(alphabet: "Greek", character: $0, rotationDegrees: 0, support: []) }
        return MemoryView(
            id: id, episodeNumber: 0, classes: classes, steps: steps, runs: runs, memory: [], slots: 8, slotWidth: 4, splitName: "test")
    }

    func readyState() -> AppState {
        var state = Fixture.readyState(.episode, width: 160, height: 48)
        let effects = press(.char("7"), &state)
        guard case .memorySequence(let request)? = effects.first, effects.count == 1 else {
            Issue.record("7 should ask for the memory sequence, got \(effects)")
            return state
        }
        #expect(request.seed == 7 && request.episodeNumber == 0)
        _ = update(&state, .memoryReady(view(id: request.id, labels: [0, 1, 0, 1, 1], predicted: [1, 0, 0, 0, 1])))
        return state
    }

    @Test("7 opens the Memory screen and asks for a sequence; steps move forward and back within it")
    func stepping() {
        var state = readyState()
        #expect(state.screen == .memory && state.memory.shownSteps == 1)
        for key in [Key.right, .char(" "), .char("."), .char("l")] { #expect(press(key, &state).isEmpty) }
        #expect(state.memory.shownSteps == 5)
        _ = press(.char(" "), &state)
        #expect(state.memory.shownSteps == 5, "no step past the end")
        _ = press(.char(","), &state)
        _ = press(.left, &state)
        #expect(state.memory.shownSteps == 3)
        _ = press(.char("r"), &state)
        _ = press(.char("h"), &state)
        #expect(state.memory.shownSteps == 1, "no step before the first")
        _ = press(.char("e"), &state)
        #expect(state.memory.shownSteps == 5)
    }

    @Test("a plays to the end one step per interval and pauses on a second a; + and - change the interval")
    func playing() {
        var state = readyState()
        _ = press(.char("a"), &state)
        let interval = state.memory.stepInterval
        #expect(isAnimating(state))
        _ = update(&state, .tick(interval - 1))
        #expect(state.memory.shownSteps == 1)
        _ = update(&state, .tick(interval))
        #expect(state.memory.shownSteps == 2)
        _ = press(.char("a"), &state)
        #expect(!isAnimating(state))
        _ = update(&state, .tick(10 * interval))
        #expect(state.memory.shownSteps == 2, "paused")
        _ = press(.char("+"), &state)
        #expect(state.memory.stepInterval < interval && state.message?.contains("ms") == true)
        _ = press(.char("-"), &state)
        _ = press(.char("-"), &state)
        #expect(state.memory.stepInterval > interval)
        _ = press(.char("e"), &state)
        _ = press(.char("a"), &state)
        #expect(state.memory.shownSteps == 1 && isAnimating(state), "at the end, a plays again from the start")
        var now = state.now
        while isAnimating(state) {
            now += state.memory.stepInterval
            _ = update(&state, .tick(now))
        }
        #expect(state.memory.shownSteps == 5)
    }

    @Test("n asks for the next sequence from step 1; a stale answer is dropped; b says the baseline has no model")
    func newSequenceAndBaseline() {
        var state = readyState()
        _ = press(.char("e"), &state)
        let old = state.memory.view
        let effects = press(.char("n"), &state)
        guard case .memorySequence(let request)? = effects.first else {
            Issue.record("n should ask for a sequence, got \(effects)")
            return
        }
        #expect(request.episodeNumber == 1 && state.memory.shownSteps == 1)
        _ = update(&state, .memoryReady(view(id: request.id - 1, labels: [1], predicted: nil)))
        #expect(state.memory.view == old, "an answer to an older request is dropped")
        _ = update(&state, .memoryReady(view(id: request.id, labels: [1, 0], predicted: nil)))
        #expect(state.memory.view?.length == 2 && state.memory.pendingRequest == nil)
        #expect(press(.char("b"), &state).isEmpty)
        #expect(state.memory.learner == .lstm)
        #expect(state.message?.contains("lstm-omniglot-5class.safetensors") == true)
        _ = press(.char("b"), &state)
        #expect(state.memory.learner == .mann)
    }

    @Test("the running tally counts right labels per appearance of a class")
    func tally() {
        let v = view(id: 1, labels: [0, 1, 0, 1, 1], predicted: [1, 0, 0, 0, 1])
        let tally = v.tally(.mann, shown: 5)
        #expect(tally.map(\.seen) == [2, 2, 1] && tally.map(\.right) == [0, 1, 1])
        #expect(v.tally(.mann, shown: 2).map(\.seen) == [2, 0, 0])
        #expect(v.tally(.lstm, shown: 5).map(\.right) == [0, 0, 0], "no model, nothing right")
    }

    @Test("help, status bar and tab row list the Memory screen and its keys")
    func helpAndTabs() {
        #expect(KeyMap.hints(for: .memory, charset: .unicode).contains(KeyHint("b", "LSTM")))
        #expect(KeyMap.hints(for: .memory, charset: .unicode).contains(KeyHint("→/←", "step")))
        let rows = KeyMap.helpRows(for: .memory, charset: .unicode)
        #expect(rows.screen.contains { $0.0 == "a" && $0.1.contains("play") })
        #expect(rows.global.contains { $0.0 == "1-7" })
        #expect(ScreenID(commandName: "memory") == .memory)
        #expect(Header.titles(for: 80).count == 7 && Header.width(for: 80) <= 80)
        #expect(Header.screen(atColumn: Header.width(for: 80) - 2, width: 80) == .memory)
        #expect(Header.titles(for: 160).contains("Prototypes"))
    }
}
