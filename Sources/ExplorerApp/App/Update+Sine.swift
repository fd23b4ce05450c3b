func updateSine(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .sineNewTask:
        state.sine.taskNumber += 1
        (state.sine.wave, state.sine.pool) = SineState.task(seed: state.sine.seed, number: state.sine.taskNumber)
        state.sine.added = []
        state.sine.shownSteps = 0
        state.sine.nextStepAt = nil
        return requestSine(&state)
    case .sineStep:
        state.sine.nextStepAt = nil
        if state.sine.shownSteps < SineState.maxSteps { state.sine.shownSteps += 1 }
        return []
    case .sineRunAll:
        if state.sine.shownSteps >= SineState.maxSteps { state.sine.shownSteps = 0 }
        state.sine.nextStepAt = state.now
        return []
    case .sineReset:
        state.sine.shownSteps = 0
        state.sine.nextStepAt = nil
        return []
    case .sineMoreShots:
        guard state.sine.shots < SineState.poolSize else {
            state.message = "K is at most \(SineState.poolSize) (click the plot to add more points)"
            return []
        }
        state.sine.shots += 1
        return requestSine(&state)
    case .sineFewerShots:
        if !state.sine.added.isEmpty {
            state.sine.added.removeLast()
        } else if state.sine.shots > 1 {
            state.sine.shots -= 1
        } else {
            state.message = "K is at least 1"
            return []
        }
        return requestSine(&state)
    case .sineAlphaUp, .sineAlphaDown:
        let delta = action == .sineAlphaUp ? 1 : -1
        let index = state.sine.alphaIndex + delta
        guard SineState.alphaLadder.indices.contains(index) else { return [] }
        state.sine.alphaIndex = index
        return requestSine(&state)
    case .sineToggleBaseline:
        state.sine.showBaseline.toggle()
        if state.sine.showBaseline && !state.resources.sineBaseline.isReady {
            state.message = "baseline: \(state.resources.sineBaseline.caption)"
        }
        return []
    case .sineAddPoint(let point):
        guard SineWave.inputRange.contains(point.x), point.y.isFinite else { return [] }
        state.sine.added.append(point)
        return requestSine(&state)
    case .sineCurves(let curves):
        // An answer to a superseded request would briefly show curves for other points.
        guard curves.id == state.sine.pendingRequest else { return [] }
        state.sine.curves = curves
        state.sine.pendingRequest = nil
        return []
    default:
        return []
    }
}

/// Asks for the curves of the current support set (once the sine model is there). Public for
/// the lecture, which asks only for the screen on show.
public func requestSine(_ state: inout AppState) -> [Effect] {
    guard state.resources.sineModel.isReady else { return [] }
    let id = state.nextRequestID()
    state.sine.pendingRequest = id
    return [
        .adaptSine(
            SineRequest(
                id: id, wave: state.sine.wave, support: state.sine.support, alpha: state.sine.alpha,
                steps: SineState.maxSteps))
    ]
}
