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
            var configuration = TrainingConfiguration.standard(state.training.algorithm, state.training.dataset)
            configuration.seed = state.training.seed
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
        guard state.training.phase == .running || state.training.phase == .paused || state.training.phase == .starting else { return [] }
        return [.training(.stop)]
    case .trainingNextAlgorithm, .trainingNextDataset:
        guard !state.training.isActive else {
            state.message = "stop the run first (x)"
            return []
        }
        if action == .trainingNextDataset {
            state.training.dataset = state.training.dataset == .sine ? .omniglot : .sine
        } else {
            state.training.algorithm = nextAlgorithm(after: state.training.algorithm)
        }
        while !state.training.algorithm.isDefined(on: state.training.dataset) {
            state.training.algorithm = nextAlgorithm(after: state.training.algorithm)
        }
        return []
    case .trainingEvents(let updates):
        for event in updates { apply(event, to: &state.training) }
        return []
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
    switch event {
    case .started(_, let total):
        training.phase = .running
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
    case .checkpoint(let path):
        training.lastCheckpoint = path
    case .paused:
        training.phase = .paused
    case .resumed:
        training.phase = .running
    case .finished:
        training.phase = .finished
    case .stopped:
        training.phase = .stopped
    case .failed(let message):
        training.phase = .failed(message)
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
        return state
    }
}
