import FewShot

func updateTraining(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .trainingToggle:
        switch state.training.phase {
        case .idle, .finished, .stopped, .failed:
            if state.training.dataset == .omniglot && !state.resources.omniglot.isReady {
                state.message = "Omniglot: \(state.resources.omniglot.caption)"
                return []
            }
            let configuration = state.training.configuration
            state.training = TrainingState.fresh(from: state.training)
            state.training.phase = .starting
            return [.training(.start(configuration))]
        case .starting:
            return []
        case .running:
            return [.training(.pause)]
        case .paused:
            return [.training(.resume)]
        }
    case .trainingStop:
        guard state.training.isActive else { return [] }
        // Said at once: the worker stops after the iteration (or validation pass) under way, which
        // can take seconds, and its last reports still fill in the figures.
        state.training.phase = .stopped
        state.message = "stopped at iteration \(state.training.iteration)"
        return [.training(.stop)]
    case .trainingSave, .trainingUse:
        let t = state.training
        guard t.iteration > 0 else {
            state.message = "nothing to save yet: s starts a run"
            return []
        }
        guard t.phase != .running && t.phase != .starting else {
            state.message = "pause (Space) or stop (x) first, then \(action == .trainingSave ? "w saves" : "u uses") the model"
            return []
        }
        state.message = action == .trainingSave ? "saving the run…" : "saving the run to use it…"
        return [.training(action == .trainingSave ? .save : .use)]
    case .trainingNextAlgorithm, .trainingNextDataset:
        guard !state.training.isActive else {
            state.message = "stop the run first (x)"
            return []
        }
        // The figures describe the last run; under another algorithm's name they would mislead.
        state.training = TrainingState.fresh(from: state.training)
        if action == .trainingNextDataset {
            state.training.dataset = state.training.dataset == .sine ? .omniglot : .sine
        } else {
            state.training.algorithm = nextAlgorithm(after: state.training.algorithm)
        }
        while !state.training.algorithm.isDefined(on: state.training.dataset) {
            state.training.algorithm = nextAlgorithm(after: state.training.algorithm)
        }
        if let preset = state.training.preset, !preset.isDefined(for: state.training.algorithm, on: state.training.dataset) {
            state.training.preset = nil
        }
        return []
    case .trainingTogglePreset:
        guard !state.training.isActive else {
            state.message = "stop the run first (x)"
            return []
        }
        state.training = TrainingState.fresh(from: state.training)
        if state.training.preset != nil {
            state.training.preset = nil
            state.message = "the papers' schedule"
            return []
        }
        let live = TrainingPreset.live
        if !live.isDefined(for: state.training.algorithm, on: state.training.dataset) {
            // The preset's pair on the dataset on show: ProtoNet on Omniglot, MAML on sine.
            let pair = live.pairs.first { $0.1 == state.training.dataset } ?? live.pairs[0]
            (state.training.algorithm, state.training.dataset) = pair
        }
        state.training.preset = live
        state.message =
            "live preset: \(state.training.algorithm.displayName) on \(state.training.dataset.rawValue), tested on held-out data as it trains"
        return []
    case .trainingEvents(let updates):
        var effects: [Effect] = []
        for event in updates {
            switch event {
            case .saved(let path, let iteration, let use):
                var saved = SavedRun(path: path, iteration: iteration)
                state.message = "saved \(path)"
                if use {
                    if let resource = TrainedModelUse.resource(for: state.training.algorithm, on: state.training.dataset) {
                        saved.usedOn = TrainedModelUse.screens(drawing: resource)
                        state.message = "saved \(path); the \(saved.usedOn!) screen now uses it"
                        effects.append(.useModel(path: path))
                    } else {
                        state.message = "saved \(path); no other screen draws a \(state.training.algorithm.displayName) model"
                    }
                }
                state.training.saved = saved
            case .saveFailed(let reason):
                state.message = "could not save the run: \(reason)"
            default:
                apply(event, to: &state.training)
            }
        }
        return effects
    default:
        return []
    }
}

/// Algorithms in the order `m` cycles through them.
private func nextAlgorithm(after algorithm: Algorithm) -> Algorithm {
    let all = Algorithm.allCases
    return all[(all.firstIndex(of: algorithm)! + 1) % all.count]
}

private func apply(_ event: TrainingUpdate, to training: inout TrainingState) {
    // Until the new run reports its start, what arrives is the end of the run it replaced.
    if training.phase == .starting {
        switch event {
        case .started, .failed: break
        default: return
        }
    }
    let stopped = training.phase == .stopped
    switch event {
    case .started(_, let total):
        // A stop pressed while the data loaded stays said.
        if !stopped { training.phase = .running }
        training.totalIterations = total
    case .iteration(let report):
        training.iteration = report.iteration
        training.iterationsPerSecond = report.iterationsPerSecond
        training.learningRate = report.learningRate
        training.loss.append(report.metaLoss, iteration: report.iteration)
        if let accuracy = report.accuracy { training.accuracy.append(accuracy, iteration: report.iteration) }
        if !report.innerTraces.isEmpty { training.innerTraces = report.innerTraces }
    case .validation(let point):
        training.validations.append(point)
    case .heldOut(let report):
        training.heldOut.append(report)
    case .checkpoint(let path):
        training.lastCheckpoint = path
    case .paused:
        if !stopped { training.phase = .paused }
    case .resumed:
        if !stopped { training.phase = .running }
    case .finished:
        // A stop already said is kept, even when the iteration under way was the last one.
        if !stopped { training.phase = .finished }
    case .stopped:
        training.phase = .stopped
    case .failed(let message):
        training.phase = .failed(message)
    case .saved, .saveFailed:
        break
    }
}

extension TrainingState {
    /// Whether a run is under way (running, paused or starting).
    public var isActive: Bool {
        switch phase {
        case .starting, .running, .paused: return true
        case .idle, .finished, .stopped, .failed: return false
        }
    }

    /// A clean state for a new run, keeping the choices made.
    static func fresh(from old: TrainingState) -> TrainingState {
        var state = TrainingState()
        state.seed = old.seed
        state.algorithm = old.algorithm
        state.dataset = old.dataset
        state.preset = old.preset
        // The saved file stays on disk (and in use): the screen keeps saying where it is.
        state.saved = old.saved
        return state
    }
}
