import FewShot
import Foundation
import TerminalUI
import Testing

@testable import ExplorerApp

/// Keys as state transitions: `update` is pure, so each key is a before and an after.
@Suite("Key handling")
struct KeyHandlingTests {
    /// A state whose models are all there, so requests are issued.
    func readyState(_ screen: ScreenID = .sine) -> AppState { Fixture.readyState(screen) }

    func press(_ key: Key, _ state: inout AppState) -> [Effect] { Fixture.press(key, &state) }

    @Test("Tab and Shift-Tab cycle the screens, digits jump")
    func screens() {
        var state = readyState(.episode)
        _ = press(.tab, &state)
        #expect(state.screen == .prototypes)
        _ = press(.backTab, &state)
        _ = press(.backTab, &state)
        #expect(state.screen == .memory, "Memory is the last tab stop")
        _ = press(.char("6"), &state)
        #expect(state.screen == .compare)
        _ = press(.char("7"), &state)
        #expect(state.screen == .memory)
        _ = press(.char("4"), &state)
        #expect(state.screen == .sine)
    }

    @Test("m cycles through every algorithm defined on the dataset and only those")
    func algorithmCycle() {
        for dataset in DatasetKind.allCases {
            var state = readyState(.training)
            if state.training.dataset != dataset { _ = press(.char("d"), &state) }
            #expect(state.training.dataset == dataset)
            var seen: [Algorithm] = []
            for _ in 0..<(2 * Algorithm.allCases.count) {
                _ = press(.char("m"), &state)
                seen.append(state.training.algorithm)
            }
            #expect(Set(seen) == Set(Algorithm.allCases.filter { $0.isDefined(on: dataset) }), "\(dataset)")
        }
    }

    @Test("? opens help, Esc closes it, q and Ctrl-C quit")
    func overlays() {
        var state = readyState()
        _ = press(.char("?"), &state)
        #expect(state.showHelp)
        _ = press(.char("n"), &state)
        #expect(state.showHelp, "other keys do nothing while help is open")
        _ = press(.escape, &state)
        #expect(!state.showHelp)
        _ = press(.ctrl("c"), &state)
        #expect(state.shouldQuit)
        var other = readyState()
        _ = press(.char("q"), &other)
        #expect(other.shouldQuit)
    }

    @Test("sine: + and - change K and ask for new curves; Space reveals steps up to 10")
    func sineKeys() {
        var state = readyState()
        let shots = state.sine.shots
        let effects = press(.char("+"), &state)
        #expect(state.sine.shots == shots + 1)
        guard case .adaptSine(let request)? = effects.first else {
            Issue.record("expected a sine request, got \(effects)")
            return
        }
        #expect(request.support.count == shots + 1)
        _ = press(.char("-"), &state)
        #expect(state.sine.shots == shots)
        for _ in 0..<15 { _ = press(.char(" "), &state) }
        #expect(state.sine.shownSteps == SineState.maxSteps)
        _ = press(.char("r"), &state)
        #expect(state.sine.shownSteps == 0)
        let wave = state.sine.wave
        _ = press(.char("n"), &state)
        #expect(state.sine.wave != wave)
        _ = press(.char(">"), &state)
        #expect(state.sine.alpha > 0.01)
    }

    @Test("sine: an answer to a superseded request is dropped")
    func staleAnswers() {
        var state = readyState()
        _ = press(.char("+"), &state)
        let first = state.sine.pendingRequest!
        _ = press(.char("+"), &state)
        let curves = SineCurves(
            id: first, xs: [0], truth: [0], adapted: [[0]], baseline: nil, adaptedError: [0], baselineError: nil, modelCaption: "")
        _ = update(&state, .sineCurves(curves))
        #expect(state.sine.curves == nil)
    }

    @Test("sine: a click in the plot adds a support point where it landed")
    func click() {
        let state = readyState()
        let area = Rect(x: 0, y: 0, width: 100, height: 30)
        let body = ExplorerView.bands(of: area).body
        // The centre of the plot is near (0, 0) in data coordinates.
        // The plot panel is the body less the 30-column side panel, inside its border.
        let panel = body.splitRight(30).0.inset(horizontal: 1, vertical: 1)
        let plot = FunctionPlot(xRange: -5...5, yRange: -6...6, curves: [], markers: []).plotArea(in: panel)
        let mouse = MouseEvent(x: plot.x + plot.width / 2, y: plot.y + plot.height / 2, kind: .press, button: .left)
        guard case .sineAddPoint(let point)? = ExplorerView.action(for: mouse, in: state) else {
            Issue.record("a click in the plot should add a point")
            return
        }
        #expect(abs(point.x) < 0.3)
        #expect(abs(point.y) < 0.5)
        var next = state
        _ = update(&next, .sineAddPoint(point))
        #expect(next.sine.support.count == state.sine.support.count + 1)
    }

    @Test("episode: ways and shots stay within what the screen can show")
    func episodeBounds() {
        var state = readyState(.episode)
        for _ in 0..<20 { _ = press(.char("+"), &state) }
        #expect(state.episode.ways == EpisodeState.waysRange.upperBound)
        #expect(state.message != nil)
        for _ in 0..<20 { _ = press(.char("["), &state) }
        #expect(state.episode.shots == EpisodeState.shotsRange.lowerBound)
        _ = press(.char("w"), &state)
        #expect(state.episode.withinAlphabet)
    }

    @Test("training: Space starts, then pauses and resumes through the worker's reports")
    func training() {
        var state = readyState(.training)
        let effects = press(.char(" "), &state)
        guard case .training(.start(let configuration))? = effects.first else {
            Issue.record("expected a start command, got \(effects)")
            return
        }
        #expect(configuration.algorithm == .maml && configuration.dataset == .sine)
        _ = update(&state, .trainingEvents([.started(configuration: configuration, total: 10)]))
        #expect(press(.char(" "), &state) == [.training(.pause)])
        _ = update(&state, .trainingEvents([.paused]))
        #expect(press(.char(" "), &state) == [.training(.resume)])
        _ = press(.char("m"), &state)
        #expect(state.training.algorithm == .maml, "the algorithm cannot change during a run")
    }

    /// A started training run on the Training screen, `iterations` reported.
    func runningTraining(iterations: Int) -> AppState {
        var state = readyState(.training)
        guard case .training(.start(let configuration))? = press(.char(" "), &state).first else { return state }
        _ = update(&state, .trainingEvents([.started(configuration: configuration, total: 100)] + (1...iterations).map(report)))
        return state
    }

    func report(_ iteration: Int) -> TrainingUpdate {
        .iteration(IterationSummary(iteration: iteration, metaLoss: 1, accuracy: nil, iterationsPerSecond: 1, learningRate: 0.001, innerTraces: []))
    }

    @Test("training: x says stopped at once; the run's last reports fill in but do not undo it")
    func trainingStop() {
        var state = runningTraining(iterations: 3)
        #expect(press(.char("x"), &state) == [.training(.stop)])
        #expect(state.training.phase == .stopped, "said before the worker answers")
        #expect(state.message == "stopped at iteration 3")
        _ = update(&state, .trainingEvents([report(4), .finished]))
        #expect(state.training.phase == .stopped && state.training.iteration == 4)
        #expect(TrainingScreenText.render(state).contains("stopped at iteration 4"))
    }

    @Test("training: a new run and m clear the old figures; the replaced run's last reports are dropped")
    func trainingStaleFigures() {
        var state = runningTraining(iterations: 3)
        _ = press(.char("x"), &state)
        _ = press(.char(" "), &state)
        #expect(state.training.phase == .starting && state.training.loss.isEmpty)
        _ = update(&state, .trainingEvents([report(4), .stopped]))
        #expect(state.training.loss.isEmpty && state.training.iteration == 0 && state.training.phase == .starting, "the old run's last words")
        _ = update(&state, .trainingEvents([.started(configuration: .standard(.maml, .sine), total: 100), report(1)]))
        #expect(state.training.phase == .running && state.training.iteration == 1)
        _ = press(.char("x"), &state)
        _ = press(.char("m"), &state)
        #expect(state.training.algorithm != .maml && state.training.loss.isEmpty && state.training.iteration == 0)
        #expect(state.training.phase == .idle)
    }

    @Test("training: w saves a paused or ended run, u saves and puts it on the other screens; not while it steps")
    func trainingSaveAndUse() {
        var state = runningTraining(iterations: 2)
        #expect(press(.char("w"), &state).isEmpty)
        #expect(state.message?.contains("pause") == true)
        _ = press(.char("x"), &state)
        #expect(press(.char("w"), &state) == [.training(.save)])
        _ = update(&state, .trainingEvents([.saved(path: "/runs/maml-sine-2it.safetensors", iteration: 2, use: false)]))
        #expect(state.training.saved == SavedRun(path: "/runs/maml-sine-2it.safetensors", iteration: 2))
        #expect(state.message == "saved /runs/maml-sine-2it.safetensors")
        #expect(press(.char("u"), &state) == [.training(.use)])
        let effects = update(&state, .trainingEvents([.saved(path: "/runs/maml-sine-2it.safetensors", iteration: 2, use: true)]))
        #expect(effects == [.useModel(path: "/runs/maml-sine-2it.safetensors")])
        #expect(state.training.saved?.usedOn == "Sine")
        #expect(TrainingScreenText.render(state).contains("in use on the Sine screen"))
    }

    @Test("below 80x24 only q does anything")
    func tooSmall() {
        var state = readyState()
        _ = update(&state, .resize(width: 70, height: 20))
        #expect(press(.char("n"), &state).isEmpty)
        _ = press(.char("q"), &state)
        #expect(state.shouldQuit)
    }
}

@Suite("Key map")
struct KeyMapTests {
    @Test("no key means two things on one screen")
    func noConflicts() {
        for screen in ScreenID.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyMap.bindings where binding.screens?.contains(screen) == true {
                for key in binding.keys {
                    if let earlier = seen[key], earlier != binding.action {
                        Issue.record("\(key) on \(screen) means both \(earlier) and \(binding.action)")
                    }
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test("the status bar shows each screen's main keys and help and quit")
    func hints() {
        for screen in ScreenID.allCases {
            let hints = KeyMap.hints(for: screen, charset: .unicode)
            #expect(hints.contains { $0.label == "help" })
            #expect(hints.contains { $0.label == "quit" })
        }
        #expect(KeyMap.hints(for: .sine, charset: .unicode).contains(KeyHint("+/-", "K")))
    }
}

@Suite("Curve history")
struct CurveHistoryTests {
    @Test("long runs fold into buckets without losing the mean")
    func folding() {
        var curve = CurveHistory(capacity: 8)
        for i in 0..<1000 { curve.append(Float(i), iteration: i + 1) }
        #expect(curve.values.count < 8)
        #expect(curve.bucketSize >= 128)
        let points = curve.points
        #expect(points.first!.value < points.last!.value)
        curve.append(.nan, iteration: 1001)
        #expect(curve.latest!.isFinite)
    }
}

/// The Training screen's text for a state, as the tests read it.
enum TrainingScreenText {
    static func render(_ state: AppState) -> String {
        var buffer = Buffer(width: state.width, height: state.height)
        ExplorerView.render(state, into: &buffer)
        return buffer.plainText()
    }
}
