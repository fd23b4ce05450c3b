func updateCompare(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .compareFindDisagreement:
        guard state.compare.view != nil else { return [] }
        guard (state.compare.view?.available.count ?? 0) >= 2 else {
            state.message = "a disagreement needs two learners with a model"
            return []
        }
        state.message = "looking for an episode where the learners differ"
        return requestCompare(&state, searchLimit: CompareState.searchLimit)
    case .compareReady(let view):
        guard view.id == state.compare.pendingRequest else { return [] }
        state.compare.pendingRequest = nil
        state.compare.view = view
        if let searched = view.searchedEpisodes, state.compare.searching {
            // The search moved on to another episode: it becomes the current one everywhere.
            state.episode.episodeNumber = view.episodeNumber
            state.episode.view = nil
            state.episode.pendingRequest = nil
            state.episode.selectedQuery = view.firstDisagreement ?? 0
            let plural = searched == 1 ? "" : "s"
            state.message = "they differ on q\(state.episode.selectedQuery + 1) (\(searched) episode\(plural) sampled)"
        } else if let failure = view.searchFailure {
            state.message = failure
        }
        state.compare.searching = false
        state.compare.searchOnOpen = false
        state.episode.selectedQuery = min(state.episode.selectedQuery, max(0, view.queries.count - 1))
        return []
    default:
        return []
    }
}

/// Asks for the Compare screen's view of the current episode (once the data and models are
/// there); with `searchLimit` above 0, for the next episode on which the learners disagree
/// (by default, when `searchOnOpen` asks for it).
public func requestCompare(_ state: inout AppState, searchLimit: Int? = nil) -> [Effect] {
    let searchLimit = searchLimit ?? (state.compare.searchOnOpen ? CompareState.searchLimit : 0)
    guard state.resources.omniglot.isReady, state.resources.protoNet.isReady else {
        if case .missing(let hint) = state.resources.omniglot { state.message = hint }
        return []
    }
    let id = state.nextRequestID()
    state.compare.pendingRequest = id
    state.compare.searching = searchLimit > 0
    let e = state.episode
    let episode = EpisodeRequest(
        id: id, seed: e.seed, episodeNumber: e.episodeNumber, ways: e.ways, shots: e.shots,
        queriesPerClass: EpisodeState.queriesPerClass, withinAlphabet: e.withinAlphabet)
    return [.compareEpisode(CompareRequest(episode: episode, searchLimit: searchLimit))]
}

/// After the episode's settings change: the screen on show asks for its view of the new
/// episode; the other screens' views are dropped and asked for when next visited.
func requestCurrentEpisode(_ state: inout AppState) -> [Effect] {
    if state.screen == .compare {
        state.episode.view = nil
        state.episode.pendingRequest = nil
        return requestCompare(&state)
    }
    state.compare.view = nil
    state.compare.pendingRequest = nil
    state.compare.searching = false
    return requestEpisode(&state)
}
