func updateEpisode(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .episodeResample:
        state.episode.episodeNumber += 1
        return requestCurrentEpisode(&state)
    case .episodeMoreWays, .episodeFewerWays:
        let ways = state.episode.ways + (action == .episodeMoreWays ? 1 : -1)
        guard EpisodeState.waysRange.contains(ways) else {
            state.message = "ways: \(EpisodeState.waysRange.lowerBound) to \(EpisodeState.waysRange.upperBound) on screen"
            return []
        }
        state.episode.ways = ways
        return requestCurrentEpisode(&state)
    case .episodeMoreShots, .episodeFewerShots:
        let shots = state.episode.shots + (action == .episodeMoreShots ? 1 : -1)
        guard EpisodeState.shotsRange.contains(shots) else {
            state.message = "shots: \(EpisodeState.shotsRange.lowerBound) to \(EpisodeState.shotsRange.upperBound) on screen"
            return []
        }
        state.episode.shots = shots
        return requestCurrentEpisode(&state)
    case .episodeToggleWithinAlphabet:
        state.episode.withinAlphabet.toggle()
        state.message = state.episode.withinAlphabet ? "classes from one alphabet (harder)" : "classes from any alphabet"
        return requestCurrentEpisode(&state)
    case .episodeToggleZoom:
        guard state.episode.view != nil else { return [] }
        state.episode.zoomed.toggle()
        return []
    case .selectQuery(let dx, let dy):
        let count = (state.screen == .compare ? state.compare.view?.queries.count : state.episode.view?.queries.count) ?? 0
        guard count > 0 else { return [] }
        // The Compare screen lists its queries in one column; the Episode screen draws a grid.
        let perRow = state.screen == .compare ? 1 : EpisodeState.queryColumns(count: count)
        var index = state.episode.selectedQuery + dx + dy * perRow
        index = min(max(index, 0), count - 1)
        state.episode.selectedQuery = index
        return []
    case .prototypesToggleDistance:
        state.episode.prototypeDistance = state.episode.prototypeDistance == .squaredEuclidean ? .cosine : .squaredEuclidean
        return []
    case .episodeReady(let view):
        guard view.id == state.episode.pendingRequest else { return [] }
        state.episode.view = view
        state.episode.pendingRequest = nil
        state.episode.selectedQuery = min(state.episode.selectedQuery, max(0, view.queries.count - 1))
        return []
    default:
        return []
    }
}

/// Asks for the current episode settings (once the data and the ProtoNet are there). Public for
/// the lecture, which asks only for the screen on show.
public func requestEpisode(_ state: inout AppState) -> [Effect] {
    guard state.resources.omniglot.isReady, state.resources.protoNet.isReady else {
        if case .missing(let hint) = state.resources.omniglot { state.message = hint }
        return []
    }
    let id = state.nextRequestID()
    state.episode.pendingRequest = id
    let e = state.episode
    return [
        .sampleEpisode(
            EpisodeRequest(
                id: id, seed: e.seed, episodeNumber: e.episodeNumber, ways: e.ways, shots: e.shots,
                queriesPerClass: EpisodeState.queriesPerClass, withinAlphabet: e.withinAlphabet))
    ]
}
