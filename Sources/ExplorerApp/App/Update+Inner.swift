func updateInner(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .innerStep:
        state.inner.nextStepAt = nil
        if state.inner.shownSteps < InnerState.maxSteps { state.inner.shownSteps += 1 }
        return []
    case .innerRunAll:
        if state.inner.shownSteps >= InnerState.maxSteps { state.inner.shownSteps = 0 }
        state.inner.nextStepAt = state.now
        return []
    case .innerReset:
        state.inner.shownSteps = 0
        state.inner.nextStepAt = nil
        return []
    case .innerNewBatch:
        state.inner.batchNumber += 1
        state.inner.shownSteps = 0
        state.inner.nextStepAt = nil
        return requestInner(&state)
    case .innerAlphaUp, .innerAlphaDown:
        let ladder = InnerState.alphaLadder
        let current = state.inner.alphaIndex ?? state.inner.result.map { nearestIndex(of: $0.alpha, in: ladder) } ?? 3
        let index = current + (action == .innerAlphaUp ? 1 : -1)
        guard ladder.indices.contains(index) else { return [] }
        state.inner.alphaIndex = index
        return requestInner(&state)
    case .innerToggleLogScale:
        state.inner.logScale.toggle()
        return []
    case .innerNextTask:
        let count = max(1, state.inner.result?.tasks.count ?? InnerState.tasks)
        state.inner.drawnTask = (state.inner.drawnTask + 1) % count
        return []
    case .innerReady(let result):
        guard result.id == state.inner.pendingRequest else { return [] }
        state.inner.result = result
        state.inner.pendingRequest = nil
        return []
    default:
        return []
    }
}

/// Asks for the current meta-batch, adapted `maxSteps` steps. Public for the lecture, which
/// asks only for the screen on show.
public func requestInner(_ state: inout AppState) -> [Effect] {
    guard innerSourceReady(state.resources) else { return [] }
    let id = state.nextRequestID()
    state.inner.pendingRequest = id
    let i = state.inner
    return [
        .adaptInner(
            InnerRequest(
                id: id, seed: i.seed, batchNumber: i.batchNumber, tasks: InnerState.tasks,
                steps: InnerState.maxSteps, alpha: i.alpha))
    ]
}

private func nearestIndex(of value: Float, in ladder: [Float]) -> Int {
    ladder.indices.min { abs(ladder[$0] - value) < abs(ladder[$1] - value) } ?? 0
}
