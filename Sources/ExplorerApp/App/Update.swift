/// Applies `action` to `state` and returns the work the engine should do as a result.
///
/// Pure and synchronous: no I/O, no clocks, no threads. Key handling is therefore testable as
/// plain state transitions, and a lecture can replay a script of actions to reach a screen.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        state.shouldQuit = true
        return []
    case .nextScreen:
        return switchScreen(&state, to: state.screen.next)
    case .previousScreen:
        return switchScreen(&state, to: state.screen.previous)
    case .show(let screen):
        return switchScreen(&state, to: screen)
    case .toggleHelp:
        state.showHelp.toggle()
        return []
    case .closeOverlay:
        if state.showHelp { state.showHelp = false } else { state.episode.zoomed = false }
        return []
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        return []
    case .tick(let now):
        state.now = now
        advanceAnimations(&state)
        return []
    case .cycleGlyphMode:
        state.glyphMode = state.glyphMode.next
        return []
    case .sineNewTask, .sineStep, .sineRunAll, .sineReset, .sineMoreShots, .sineFewerShots, .sineAlphaUp,
        .sineAlphaDown, .sineToggleBaseline, .sineAddPoint, .sineCurves:
        return updateSine(&state, action)
    case .episodeResample, .episodeMoreWays, .episodeFewerWays, .episodeMoreShots, .episodeFewerShots,
        .episodeToggleWithinAlphabet, .episodeToggleZoom, .selectQuery, .prototypesToggleDistance, .episodeReady:
        return updateEpisode(&state, action)
    case .compareFindDisagreement, .compareReady:
        return updateCompare(&state, action)
    case .memoryStepForward, .memoryStepBack, .memoryPlay, .memoryToEnd, .memoryRestart, .memoryNewEpisode, .memoryFaster, .memorySlower,
        .memoryToggleLearner, .memoryReady:
        return updateMemory(&state, action)
    case .innerStep, .innerRunAll, .innerReset, .innerNewBatch, .innerAlphaUp, .innerAlphaDown, .innerToggleLogScale, .innerNextTask,
        .innerReady:
        return updateInner(&state, action)
    case .trainingToggle, .trainingStop, .trainingNextAlgorithm, .trainingNextDataset, .trainingTogglePreset, .trainingSave, .trainingUse,
        .trainingEvents:
        return updateTraining(&state, action)
    case .resource(let kind, let availability):
        state.resources[kind] = availability
        return refreshRequests(&state, changed: kind)
    case .requestFailed(let id, let message):
        if state.sine.pendingRequest == id { state.sine.pendingRequest = nil }
        if state.episode.pendingRequest == id { state.episode.pendingRequest = nil }
        if state.compare.pendingRequest == id { (state.compare.pendingRequest, state.compare.searching) = (nil, false) }
        if state.inner.pendingRequest == id { state.inner.pendingRequest = nil }
        if state.memory.pendingRequest == id { state.memory.pendingRequest = nil }
        state.message = message
        return []
    case .drawingClassified:
        return []
    }
}

/// The requests a fresh state needs answered before its screens have anything to draw.
public func initialEffects(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    for kind in [ResourceKind.sineModel, .omniglot, .mamlClassifier] {
        effects += refreshRequests(&state, changed: kind)
    }
    return effects
}

private func switchScreen(_ state: inout AppState, to screen: ScreenID) -> [Effect] {
    state.screen = screen
    state.showHelp = false
    state.message = nil
    return requestsForCurrentScreen(&state)
}

/// Omniglot screens compute only once visited: on a two-core machine the engine's time is
/// better spent on the screen in view (or on a training run).
private func requestsForCurrentScreen(_ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .episode, .prototypes:
        guard state.episode.view == nil, state.episode.pendingRequest == nil,
            state.resources.omniglot.isReady, state.resources.protoNet.isReady
        else { return [] }
        return requestEpisode(&state)
    case .inner:
        guard state.inner.result == nil, state.inner.pendingRequest == nil, innerSourceReady(state.resources) else { return [] }
        return requestInner(&state)
    case .compare:
        guard state.compare.view == nil, state.compare.pendingRequest == nil,
            state.resources.omniglot.isReady, state.resources.protoNet.isReady
        else { return [] }
        return requestCompare(&state)
    case .memory:
        guard state.memory.view == nil, state.memory.pendingRequest == nil,
            state.resources.omniglot.isReady, state.resources.protoNet.isReady
        else { return [] }
        return requestMemory(&state)
    case .sine, .training:
        return []
    }
}

/// Reveals one more inner step on each screen that is running all steps, one every
/// `stepIntervalMilliseconds`, so the eye can follow the curve moving.
private func advanceAnimations(_ state: inout AppState) {
    if let due = state.sine.nextStepAt, state.now >= due {
        if state.sine.shownSteps < SineState.maxSteps { state.sine.shownSteps += 1 }
        state.sine.nextStepAt = state.sine.shownSteps < SineState.maxSteps ? state.now + stepIntervalMilliseconds : nil
    }
    if let due = state.inner.nextStepAt, state.now >= due {
        if state.inner.shownSteps < InnerState.maxSteps { state.inner.shownSteps += 1 }
        state.inner.nextStepAt = state.inner.shownSteps < InnerState.maxSteps ? state.now + stepIntervalMilliseconds : nil
    }
    advanceMemory(&state)
}

/// The pause between revealed steps when running all of them.
let stepIntervalMilliseconds = 150

/// Whether anything on screen moves by itself, so the loop should tick often.
public func isAnimating(_ state: AppState) -> Bool {
    state.sine.nextStepAt != nil || state.inner.nextStepAt != nil || state.memory.nextStepAt != nil
}

/// Asks for whatever became computable when resource `kind` changed.
private func refreshRequests(_ state: inout AppState, changed kind: ResourceKind) -> [Effect] {
    var effects: [Effect] = []
    if (kind == .sineModel || kind == .sineBaseline) && state.resources.sineModel.isReady { effects += requestSine(&state) }
    return effects + requestsForCurrentScreen(&state)
}

/// The Inner loop screen adapts the Omniglot MAML when the data is there, else the sine model:
/// whether the one it needs is loaded.
public func innerSourceReady(_ resources: Resources) -> Bool {
    switch resources.omniglot {
    case .ready: return resources.mamlClassifier.isReady
    case .missing, .failed: return resources.sineModel.isReady
    case .loading, .progress: return false
    }
}
