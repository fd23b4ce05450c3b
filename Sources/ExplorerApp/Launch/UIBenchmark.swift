import Foundation
import TerminalUI

/// The explorer's two performance figures: how long a frame takes to render (state to buffer
/// to diff), and how long a key takes to reach the screen while training runs in the background.
public enum UIBenchmark {
    /// Milliseconds per frame for one screen.
    public struct FrameTime: Sendable {
        public var screen: ScreenID
        public var medianMilliseconds: Double
        public var worstMilliseconds: Double
    }

    /// Renders each screen, computed from seed 7, `frames` times at `width` x `height`.
    public static func frameTimes(width: Int = 160, height: Int = 48, frames: Int = 60, options: EngineOptions) -> [FrameTime] {
        let runner = InlineRunner(engine: ExplorerEngine(options: options))
        return ScreenID.allCases.map { screen in
            let loop = ScreenRenderer.makeLoop(ScreenRenderer.Request(screen: screen, width: width, height: height), runner: runner)
            var state = loop.state
            var buffer = Buffer(width: width, height: height)
            var previous = buffer
            var changes: [CellChange] = []
            var times: [Double] = []
            for frame in 0..<frames {
                // Alternate the selection so every frame has something to diff.
                state.episode.selectedQuery = frame % 2
                state.sine.shownSteps = 1 + frame % 2
                let start = DispatchTime.now().uptimeNanoseconds
                buffer.reset()
                ExplorerView.render(state, into: &buffer)
                buffer.diff(from: previous, into: &changes)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                swap(&buffer, &previous)
            }
            times.sort()
            return FrameTime(screen: screen, medianMilliseconds: times[times.count / 2], worstMilliseconds: times.last ?? 0)
        }
    }

    /// Input-to-frame latency in milliseconds (median, 95th percentile, worst): a key handled,
    /// the state updated and the frame drawn, `presses` times, while a sine MAML run trains on
    /// the background thread.
    public static func inputLatency(
        width: Int = 160, height: Int = 48, presses: Int = 100,
        options: EngineOptions
    ) -> (median: Double, p95: Double, worst: Double, trainingIterations: Int) {
        let runner = BackgroundRunner(engine: ExplorerEngine(options: options))
        defer { runner.shutDown() }
        let backend = TestBackend(width: width, height: height)
        let loop = AppLoop(terminal: Terminal(backend: backend), state: AppState(screen: .training, width: width, height: height), runner: runner)
        loop.iterate(with: .key(.char("s")))
        let deadline = Date().addingTimeInterval(30)
        while loop.state.training.iteration < 50 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
            loop.iterate(with: nil)
        }
        var times: [Double] = []
        let keys: [Key] = [.tab, .backTab]
        for press in 0..<presses {
            let start = DispatchTime.now().uptimeNanoseconds
            loop.iterate(with: .key(keys[press % 2]))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            Thread.sleep(forTimeInterval: 0.005)
        }
        let iterations = loop.state.training.iteration
        loop.iterate(with: .key(.char("x")))
        times.sort()
        return (times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)], times.last ?? 0, iterations)
    }
}
