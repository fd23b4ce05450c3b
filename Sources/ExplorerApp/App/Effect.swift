/// Work for the engine. Effects are descriptions; the loop hands them to a worker thread
/// (or, for `episcope render` and tests, runs them inline) and feeds the answers back as actions.
public enum Effect: Sendable, Equatable {
    case adaptSine(SineRequest)
    case sampleEpisode(EpisodeRequest)
    /// The current episode through the four metric learners (or a search for a disagreement).
    case compareEpisode(CompareRequest)
    case adaptInner(InnerRequest)
    /// A test sequence through MANN and the LSTM baseline, with MANN's memory at every step.
    case memorySequence(MemoryRequest)
    case training(TrainingCommand)
    /// The lecture's drawing pad: classify a drawing against an episode.
    case classifyDrawing(DrawingRequest)
    /// Load the checkpoint at this path in place of the model the screens use for its kind.
    case useModel(path: String)
}
