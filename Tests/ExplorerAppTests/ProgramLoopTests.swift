import ExplorerApp
import TerminalUI
import Testing

/// The one loop drives any program: here a counter that is neither the explorer nor a lecture.
@Suite("Program loop")
struct ProgramLoopTests {
    struct Counter { var count = 0, now = 0, width = 0, quit = false }
    enum Message {
        case add(Int)
        case explorer(Action)
    }

    /// Answers each effect with a `requestFailed` action, so the loop's draining is visible.
    final class EchoRunner: EffectRunner {
        var pending: [Action] = []
        func submit(_ effects: [Effect]) { pending += effects.map { _ in .requestFailed(id: 0, message: "echo") } }
        func drain() -> [Action] { defer { pending = [] }; return pending }
        var isBusy: Bool { !pending.isEmpty }
    }

    static var program: LoopProgram<Counter, Message> {
        LoopProgram(
            update: { state, message in
                switch message {
                case .add(let n):
                    state.count += n
                    // Work for the engine every time the count reaches a multiple of 3.
                    return state.count % 3 == 0 ? [.training(.stop)] : []
                case .explorer(.tick(let now)): state.now = now
                case .explorer(.resize(let width, _)): state.width = width
                case .explorer(.requestFailed): state.count += 100
                case .explorer(.quit): state.quit = true
                case .explorer: break
                }
                return []
            },
            render: { state, buffer in _ = buffer.set(x: 0, y: 0, string: "count \(state.count)") },
            input: { event, _ in
                guard case .key(let key) = event else { return nil }
                return key == .char("q") ? .explorer(.quit) : .add(1)
            },
            lift: Message.explorer,
            start: { state in
                state.count = 2; return []
            },
            isAnimating: { _ in false },
            shouldQuit: \.quit)
    }

    @Test("start, size and clock on creation; input, effects and their answers on each turn; every frame to the observer")
    func drivesAProgram() {
        let backend = TestBackend(width: 20, height: 2)
        let runner = EchoRunner()
        var frames: [String] = []
        var clock = 5
        let loop = ProgramLoop(
            terminal: Terminal(backend: backend), program: Self.program, state: Counter(), runner: runner,
            clock: { clock }, onFrame: { frames.append($0.plainText()) })
        #expect((loop.state.count, loop.state.width, loop.state.now) == (2, 20, 5))
        clock = 9
        loop.iterate(with: .key(.char("x")))
        // The work the key asked for is answered within the same turn, before the frame.
        #expect((loop.state.count, loop.state.now) == (103, 9))
        loop.iterate(with: .key(.char("y")))
        #expect(loop.state.count == 104)
        #expect(frames == ["count 103\n", "count 104\n"])
        loop.handle(.key(.char("q")))
        #expect(loop.state.quit)
    }
}
