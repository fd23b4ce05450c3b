import ExplorerApp

/// Applies `action` to the lecture and returns the engine work it needs. Pure, like the
/// explorer's `update`, so presenter controls are testable as state transitions.
public func updateLecture(_ state: inout LectureState, _ action: LectureAction) -> [Effect] {
    switch action {
    case .next: return state.enterStep(state.index + 1)
    case .back: return state.enterStep(state.index - 1)
    case .first: return state.enterStep(0)
    case .last: return state.enterStep(state.lecture.steps.count - 1)
    case .jump(let number):
        state.typedNumber = ""
        guard (1...state.lecture.steps.count).contains(number) else {
            state.message = "no step \(number); steps are 1 to \(state.lecture.steps.count)"
            return []
        }
        return state.enterStep(number - 1)
    case .typeDigit(let digit):
        // Digits only collect; Enter jumps. Jumping early on a number that cannot grow made the
        // Enter the presenter still types move one step further.
        if state.typedNumber.count < 4 { state.typedNumber.append(digit) }
        state.message = "step \(state.typedNumber)… (Enter jumps, Esc cancels)"
        return []
    case .commitNumber:
        guard let n = Int(state.typedNumber) else { return [] }
        return updateLecture(&state, .jump(n))
    case .toggleChrome:
        state.hideChrome.toggle()
        return []
    case .zoomIn:
        state.zoom = min(LectureState.maxZoom, state.zoom + 1)
        return []
    case .zoomOut:
        state.zoom = max(1, state.zoom - 1)
        return []
    case .cycleTheme:
        state.theme = state.theme == .standard ? .projector : .standard
        return []
    case .toggleHelp:
        state.showHelp.toggle()
        return []
    case .closeOverlay:
        if state.showHelp {
            state.showHelp = false
        } else if state.pad != nil {
            state.pad = nil
        } else {
            state.typedNumber = ""
            state.message = nil
        }
        return []
    case .quit:
        state.shouldQuit = true
        return []
    case .resize(let width, let height):
        return update(&state.app, .resize(width: width, height: height))
    case .openPad:
        guard case .screen(let screen) = state.step.figure, screen == .episode || screen == .prototypes else {
            state.message = "the drawing pad joins episode and prototypes steps"
            return []
        }
        state.pad = state.pad ?? DrawingPad()
        return []
    case .pad(let padAction):
        return updatePad(&state, padAction)
    case .drawingClassified(let verdict):
        guard verdict.id == state.pendingDrawing else { return [] }
        state.drawing = verdict
        state.pendingDrawing = nil
        return []
    case .app(.resource(let kind, let availability)):
        // The explorer would now compute every screen; a lecture computes only the step on show.
        state.app.resources[kind] = availability
        return StepSetup.requests(&state.app)
    case .app(.trainingEvents) where state.app.training.phase == .idle:
        // The last events of a run stopped when its step was left: this step started no run.
        return []
    case .app(let inner):
        return update(&state.app, inner)
    }
}

private func updatePad(_ state: inout LectureState, _ action: DrawingPadAction) -> [Effect] {
    guard var pad = state.pad else { return [] }
    switch action {
    case .cancel:
        state.pad = nil
        return []
    case .submit:
        guard !pad.isEmpty else {
            state.message = "draw something first (space puts the pen down)"
            return []
        }
        state.pad = nil
        guard state.app.resources.omniglot.isReady, state.app.resources.protoNet.isReady else {
            state.message = "the drawing needs Omniglot and the ProtoNet: \(state.app.resources.omniglot.caption)"
            return []
        }
        let id = state.app.nextRequestID()
        state.pendingDrawing = id
        let e = state.app.episode
        let episode = EpisodeRequest(
            id: id, seed: e.seed, episodeNumber: e.episodeNumber, ways: e.ways, shots: e.shots,
            queriesPerClass: EpisodeState.queriesPerClass, withinAlphabet: e.withinAlphabet)
        state.message = "classifying the drawing…"
        return [.classifyDrawing(DrawingRequest(id: id, episode: episode, pixels: pad.ink, asNewClass: pad.asNewClass))]
    case .save, .load:
        // File access is the loop's business (it knows where drawings go); the state only changes afterwards.
        return []
    default:
        pad.apply(action)
        state.pad = pad
        return []
    }
}
