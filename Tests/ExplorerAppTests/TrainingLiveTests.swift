import FewShot
import TerminalUI
import TestSupport
import Testing

@testable import ExplorerApp

/// The Training screen under the live preset: `p` picks it, and held-out test figures arrive as a
/// curve beside the loss.
@Suite("Training screen, live preset")
struct TrainingLiveTests {
    @Test("p picks the live preset, moving to the pair of the dataset on show; p again the papers' schedule")
    func presetKey() {
        var state = Fixture.readyState(.training)
        #expect(state.training.algorithm == .maml && state.training.dataset == .sine && state.training.preset == nil)
        _ = Fixture.press(.char("p"), &state)
        #expect(state.training.preset == .live && state.training.algorithm == .maml && state.training.dataset == .sine)
        _ = Fixture.press(.char("d"), &state)
        #expect(state.training.dataset == .omniglot && state.training.preset == nil, "MAML on Omniglot has no live schedule")
        _ = Fixture.press(.char("p"), &state)
        #expect(state.training.preset == .live && state.training.algorithm == .protonet && state.training.dataset == .omniglot)
        guard case .training(.start(let configuration))? = Fixture.press(.char(" "), &state).first else {
            Issue.record("Space starts a run")
            return
        }
        #expect(
            configuration
                == TrainingConfiguration.preset(.live, .protonet, .omniglot).map {
                    var c = $0; c.seed = 7; return c
                })
        _ = Fixture.press(.char("x"), &state)
        _ = Fixture.press(.char("p"), &state)
        #expect(state.training.preset == nil && state.training.algorithm == .protonet)
    }

    /// A live run on `dataset` with `iterations` reported, and a held-out check every 50.
    static func liveRun(_ dataset: DatasetKind, width: Int, height: Int) -> AppState {
        var state = Fixture.readyState(.training, width: width, height: height)
        if dataset == .omniglot { _ = Fixture.press(.char("d"), &state) }
        _ = Fixture.press(.char("p"), &state)
        guard case .training(.start(let configuration))? = Fixture.press(.char(" "), &state).first else { return state }
        var updates: [TrainingUpdate] = [.started(configuration: configuration, total: configuration.iterations)]
        let iterations = dataset == .omniglot ? 400 : 4000
        let step = iterations / 8
        for i in 1...iterations {
            let progress = Float(i) / Float(iterations)
            updates.append(
                .iteration(
                    IterationSummary(
                        iteration: i, metaLoss: 3 * (1 - progress) * (1 - progress) + 0.1,
                        accuracy: dataset == .omniglot ? 0.3 + 0.6 * progress : nil,
                        iterationsPerSecond: dataset == .omniglot ? 4.8 : 1900, learningRate: configuration.metaStepSize, innerTraces: [])))
            if i % step == 0 {
                let seconds = dataset == .omniglot ? Double(i) / 4.8 : Double(i) / 1900
                updates.append(
                    .heldOut(
                        dataset == .omniglot
                            ? HeldOutReport(
                                iteration: i, trainingSeconds: seconds, episodes: 300, accuracy: 0.99 - 0.3 / Float(i / step + 1), ci95: 0.005)
                            : HeldOutReport(iteration: i, trainingSeconds: seconds, episodes: 600, meanSquaredError: 0.6 + 1.6 / Float(i / step))))
            }
        }
        _ = update(&state, .trainingEvents(updates))
        return state
    }

    static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        ExplorerView.render(state, into: &buffer)
        return buffer
    }

    @Test("a live ProtoNet run: test accuracy on unseen classes beside the loss", arguments: [(160, 48), (80, 24)])
    func protoNet(width: Int, height: Int) {
        let state = Self.liveRun(.omniglot, width: width, height: height)
        #expect(state.training.heldOut.count == 8)
        assertSnapshot(Self.render(state), named: "training-live-protonet-\(width)x\(height)")
    }

    @Test("a live sine MAML run: the error on unseen tasks after one step beside the loss", arguments: [(100, 30)])
    func sine(width: Int, height: Int) {
        assertSnapshot(Self.render(Self.liveRun(.sine, width: width, height: height)), named: "training-live-sine-\(width)x\(height)")
    }

    @Test("before the first check the chart says when it comes")
    func beforeTheFirstCheck() {
        var state = Fixture.readyState(.training)
        _ = Fixture.press(.char("p"), &state)
        let text = Self.render(state).plainText()
        #expect(text.contains("first test after 500 it") && text.contains("live preset"), "\(text)")
    }
}
