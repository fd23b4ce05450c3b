func updateMemory(_ state: inout AppState, _ action: Action) -> [Effect] {
    let length = state.memory.view?.length
    switch action {
    case .memoryStepForward, .memoryStepBack:
        guard let length else { return [] }
        state.memory.nextStepAt = nil
        let step = state.memory.shownSteps + (action == .memoryStepForward ? 1 : -1)
        state.memory.shownSteps = min(max(1, step), length)
        return []
    case .memoryPlay:
        guard let length else { return [] }
        if state.memory.nextStepAt != nil {
            state.memory.nextStepAt = nil
            return []
        }
        // At the end, play again from the first step.
        if state.memory.shownSteps >= length { state.memory.shownSteps = 1 }
        state.memory.nextStepAt = state.now + state.memory.stepInterval
        return []
    case .memoryToEnd:
        guard let length else { return [] }
        state.memory.nextStepAt = nil
        state.memory.shownSteps = length
        return []
    case .memoryRestart:
        state.memory.nextStepAt = nil
        state.memory.shownSteps = 1
        return []
    case .memoryNewEpisode:
        state.memory.episodeNumber += 1
        state.memory.shownSteps = 1
        state.memory.nextStepAt = nil
        return requestMemory(&state)
    case .memoryFaster, .memorySlower:
        let index = state.memory.speedIndex + (action == .memoryFaster ? 1 : -1)
        guard MemoryState.speedLadder.indices.contains(index) else { return [] }
        state.memory.speedIndex = index
        state.message = "one step every \(state.memory.stepInterval) ms"
        return []
    case .memoryToggleLearner:
        state.memory.learner = state.memory.learner == .mann ? .lstm : .mann
        if let run = state.memory.view?.run(state.memory.learner), !run.isAvailable {
            state.message = "\(run.kind.name): \(run.caption)"
        }
        return []
    case .memoryReady(let view):
        guard view.id == state.memory.pendingRequest else { return [] }
        state.memory.pendingRequest = nil
        state.memory.view = view
        state.memory.shownSteps = min(max(1, state.memory.shownSteps), max(1, view.length))
        return []
    default:
        return []
    }
}

/// Reveals the next step of the sequence while the Memory screen plays.
func advanceMemory(_ state: inout AppState) {
    guard let due = state.memory.nextStepAt, state.now >= due else { return }
    let length = state.memory.view?.length ?? 0
    if state.memory.shownSteps < length { state.memory.shownSteps += 1 }
    state.memory.nextStepAt = state.memory.shownSteps < length ? state.now + state.memory.stepInterval : nil
}

/// Asks for the Memory screen's sequence (once the data and the models are read). Public for
/// the lecture, which asks only for the screen on show.
public func requestMemory(_ state: inout AppState) -> [Effect] {
    guard state.resources.omniglot.isReady, state.resources.protoNet.isReady else {
        if case .missing(let hint) = state.resources.omniglot { state.message = hint }
        return []
    }
    let id = state.nextRequestID()
    state.memory.pendingRequest = id
    return [.memorySequence(MemoryRequest(id: id, seed: state.memory.seed, episodeNumber: state.memory.episodeNumber))]
}
