import ExplorerApp
import FewShot

/// Turns a step's settings into the explorer state its screen opens in.
enum StepSetup {
    /// A fresh explorer state for `step`, knowing what the engine has loaded.
    static func state(for step: LectureStep, width: Int, height: Int, resources: Resources) -> AppState {
        let s = step.settings
        let screen: ScreenID
        if case .screen(let id) = step.figure { screen = id } else { screen = .sine }
        var app = AppState(screen: screen, width: width, height: height, seed: s.seed ?? 7)
        app.resources = resources
        if let glyphs = s.glyphs { app.glyphMode = glyphs }
        switch screen {
        case .episode, .prototypes, .compare:
            if let ways = s.ways { app.episode.ways = ways }
            if let shots = s.shots { app.episode.shots = min(shots, EpisodeState.shotsRange.upperBound) }
            if let number = s.episode { app.episode.episodeNumber = number }
            if let within = s.withinAlphabet { app.episode.withinAlphabet = within }
            if let select = s.select { app.episode.selectedQuery = select }
            if let zoom = s.zoom { app.episode.zoomed = zoom }
            if let disagree = s.disagree { app.compare.searchOnOpen = disagree }
        case .sine:
            if let task = s.task {
                app.sine.taskNumber = task
                (app.sine.wave, app.sine.pool) = SineState.task(seed: app.sine.seed, number: task)
            }
            if let shots = s.shots { app.sine.shots = shots }
            if let alpha = s.alpha { app.sine.alphaIndex = nearest(alpha, in: SineState.alphaLadder) }
            if let steps = s.steps { app.sine.shownSteps = min(steps, SineState.maxSteps) }
            if let baseline = s.baseline { app.sine.showBaseline = baseline }
        case .inner:
            if let batch = s.batch { app.inner.batchNumber = batch }
            if let alpha = s.alpha { app.inner.alphaIndex = nearest(alpha, in: InnerState.alphaLadder) }
            if let steps = s.steps { app.inner.shownSteps = min(steps, InnerState.maxSteps) }
        case .memory:
            if let number = s.episode { app.memory.episodeNumber = number }
            // The sequence is not there yet: the step is clamped to its length when it arrives.
            if let steps = s.steps { app.memory.shownSteps = max(1, steps) }
            if let baseline = s.baseline { app.memory.learner = baseline ? .lstm : .mann }
        case .training:
            if let name = s.algorithm, let algorithm = Algorithm(rawValue: name) { app.training.algorithm = algorithm }
            if let name = s.dataset, let dataset = DatasetKind(rawValue: name) { app.training.dataset = dataset }
            app.training.preset = s.preset.flatMap(TrainingPreset.init(rawValue:))
        }
        return app
    }

    /// The engine requests that bring the fresh state's screen to life (those whose resources
    /// are ready; the rest follow when the resources arrive).
    static func requests(_ app: inout AppState) -> [Effect] {
        // Only the screen on show asks: the inner loop is too slow to compute for nothing.
        switch app.screen {
        case .episode, .prototypes:
            guard app.episode.view == nil, app.episode.pendingRequest == nil else { return [] }
            return requestEpisode(&app)
        case .compare:
            guard app.compare.view == nil, app.compare.pendingRequest == nil else { return [] }
            return requestCompare(&app)
        case .sine:
            guard app.sine.curves == nil, app.sine.pendingRequest == nil else { return [] }
            return requestSine(&app)
        case .inner:
            guard app.inner.result == nil, app.inner.pendingRequest == nil, innerSourceReady(app.resources) else { return [] }
            return requestInner(&app)
        case .memory:
            guard app.memory.view == nil, app.memory.pendingRequest == nil else { return [] }
            return requestMemory(&app)
        case .training:
            return []
        }
    }

    /// The ladder index whose value is closest to `value` (the explorer's keys move along ladders).
    static func nearest(_ value: Float, in ladder: [Float]) -> Int {
        ladder.indices.min { abs(ladder[$0] - value) < abs(ladder[$1] - value) } ?? 0
    }
}
