/// Everything that can change the state: what keys and the mouse mean, the clock, and the
/// engine's answers. `update(_:_:)` is the only place actions take effect.
public enum Action: Sendable, Equatable {
    // MARK: - Everywhere
    case quit
    case nextScreen
    case previousScreen
    case show(ScreenID)
    case toggleHelp
    /// Esc: closes the help or zoom overlay.
    case closeOverlay
    case resize(width: Int, height: Int)
    /// The loop's clock in milliseconds; drives animations.
    case tick(Int)
    case cycleGlyphMode

    // MARK: - Sine
    case sineNewTask
    case sineStep
    case sineRunAll
    case sineReset
    case sineMoreShots
    case sineFewerShots
    case sineAlphaUp
    case sineAlphaDown
    case sineToggleBaseline
    /// A support point added by clicking the plot, in data coordinates.
    case sineAddPoint(SinePoint)

    // MARK: - Episode and Prototypes
    case episodeResample
    case episodeMoreWays
    case episodeFewerWays
    case episodeMoreShots
    case episodeFewerShots
    case episodeToggleWithinAlphabet
    case episodeToggleZoom
    /// Moves the query selection by columns and rows of the query grid.
    case selectQuery(dx: Int, dy: Int)
    /// Prototypes: squared Euclidean or cosine distance to the prototypes.
    case prototypesToggleDistance

    // MARK: - Compare
    /// Samples the next episodes until the metric learners disagree on some query.
    case compareFindDisagreement

    // MARK: - Memory
    case memoryStepForward
    case memoryStepBack
    /// Play the sequence step by step to its end (again from the start when at the end); pause.
    case memoryPlay
    case memoryToEnd
    case memoryRestart
    case memoryNewEpisode
    case memoryFaster
    case memorySlower
    /// MANN or its LSTM baseline on the same sequence.
    case memoryToggleLearner

    // MARK: - Inner loop
    case innerStep
    case innerRunAll
    case innerReset
    case innerNewBatch
    case innerAlphaUp
    case innerAlphaDown
    /// Linear or log scale for the loss charts.
    case innerToggleLogScale
    /// Draw the queries of the next task of the meta-batch.
    case innerNextTask

    // MARK: - Training
    /// Start when idle or finished, pause when running, resume when paused.
    case trainingToggle
    case trainingStop
    case trainingNextAlgorithm
    case trainingNextDataset
    /// Switch between the papers' schedule and the live preset (moving to a pair that has one).
    case trainingTogglePreset
    /// Write the run to a checkpoint in the runs folder.
    case trainingSave
    /// Put the run's model to use on the other screens (saving it first).
    case trainingUse

    // MARK: - From the engine
    case resource(ResourceKind, Availability)
    case sineCurves(SineCurves)
    case episodeReady(EpisodeView)
    case compareReady(CompareView)
    case memoryReady(MemoryView)
    case innerReady(InnerResult)
    /// The training worker's events since the last drain, oldest first.
    case trainingEvents([TrainingUpdate])
    /// A request could not be served; the message is for the status bar.
    case requestFailed(id: Int, message: String)
    /// The lecture's drawing pad: the model's reading of a drawing (the lecture handles it).
    case drawingClassified(DrawingVerdict)
}
