import FewShot
import TerminalUI
import Testing

@testable import ExplorerApp

/// The Compare screen's and the Prototypes toggle's keys as state transitions.
@Suite("Compare keys")
struct CompareKeyTests {
    func readyState(_ screen: ScreenID) -> AppState { Fixture.readyState(screen, width: 160, height: 48) }

    func press(_ key: Key, _ state: inout AppState) -> [Effect] { Fixture.press(key, &state) }

    /// A view of `predictions[learner][query]` (nil: no model) for queries whose classes are `labels`.
    func view(id: Int, episode: Int, labels: [Int], predictions: [[Int]?], searched: Int? = nil, failure: String? = nil) -> CompareView {
        let glyph = GlyphImage(width: 1, height: 1, bytes: [0])
        let classes = (0..<5).map { EpisodeView.ClassInfo(alphabet: "Greek", character: $0, rotationDegrees: 0, support: [glyph]) }
        let learners = zip(MetricLearnerKind.allCases, predictions).map { kind, predicted in
            CompareView.Learner(
                kind: kind, caption: "test",
                verdicts: predicted?.map {
                    CompareView.Verdict(
                        predicted: $0, probabilities: [Float](repeating: 0.2, count: 5), classEvidence: [Float](repeating: 0.2, count: 5),
                        supportEvidence: [], supportCosines: [])
                })
        }
        return CompareView(
            id: id, episodeNumber: episode, classes: classes, supportLabels: [0, 1, 2, 3, 4],
            queries: labels.map { CompareView.Query(drawing: glyph, label: $0) }, learners: learners, splitName: "test",
            searchedEpisodes: searched, searchFailure: failure)
    }

    @Test("opening Compare asks for the current episode; r, +, ] and w ask again for the one on show")
    func requests() {
        var state = readyState(.episode)
        let effects = press(.char("6"), &state)
        guard case .compareEpisode(let request)? = effects.first else {
            Issue.record("expected a compare request, got \(effects)")
            return
        }
        #expect(request.searchLimit == 0)
        #expect(request.episode.episodeNumber == state.episode.episodeNumber && request.episode.ways == 5)
        for key in [Key.char("r"), .char("+"), .char("]"), .char("w")] {
            let next = press(key, &state)
            guard case .compareEpisode? = next.first, next.count == 1 else {
                Issue.record("\(key) on Compare should ask for the compare view only, got \(next)")
                return
            }
        }
        #expect(state.episode.episodeNumber == 1 && state.episode.ways == 6 && state.episode.shots == 2 && state.episode.withinAlphabet)
    }

    @Test("d searches onwards for a disagreement; the answer becomes the current episode everywhere")
    func disagreement() {
        var state = readyState(.compare)
        let id = state.compare.pendingRequest!
        _ = update(&state, .compareReady(view(id: id, episode: 0, labels: [0, 1], predictions: [[0, 1], [0, 1], [0, 1], nil])))
        #expect(state.compare.view?.firstDisagreement == nil)
        let effects = press(.char("d"), &state)
        guard case .compareEpisode(let request)? = effects.first else {
            Issue.record("expected a search, got \(effects)")
            return
        }
        #expect(request.searchLimit == CompareState.searchLimit)
        #expect(state.compare.searching)
        #expect(StatusLine.ambient(state)?.contains("looking for an episode") == true)
        let found = view(id: request.id, episode: 12, labels: [0, 1, 2], predictions: [[0, 1, 2], [0, 1, 2], [0, 3, 2], nil], searched: 12)
        _ = update(&state, .compareReady(found))
        #expect(state.episode.episodeNumber == 12)
        #expect(state.episode.selectedQuery == 1, "the first query they differ on is selected")
        #expect(state.episode.view == nil, "the Episode screen asks for the new episode when visited")
        #expect(!state.compare.searching)
        #expect(state.message?.contains("differ on q2") == true)
        let back = press(.char("1"), &state)
        guard case .sampleEpisode(let episodeRequest)? = back.first else {
            Issue.record("the Episode screen should ask for episode 12, got \(back)")
            return
        }
        #expect(episodeRequest.episodeNumber == 12)
    }

    @Test("d needs two learners with a model; a failed search leaves the episode as it was")
    func searchLimits() {
        var state = readyState(.compare)
        let id = state.compare.pendingRequest!
        _ = update(&state, .compareReady(view(id: id, episode: 0, labels: [0], predictions: [nil, nil, [0], nil])))
        #expect(press(.char("d"), &state).isEmpty)
        #expect(state.message?.contains("two learners") == true)
        var other = readyState(.compare)
        _ = update(&other, .compareReady(view(id: other.compare.pendingRequest!, episode: 0, labels: [0], predictions: [[0], [0], [0], [0]])))
        _ = press(.char("d"), &other)
        let search = other.compare.pendingRequest!
        _ = update(&other, .compareReady(view(id: search, episode: 0, labels: [0], predictions: [[0], [0], [0], [0]], failure: "they agree")))
        #expect(!other.compare.searching && other.compare.pendingRequest == nil)
        #expect(other.episode.episodeNumber == 0 && other.compare.view?.episodeNumber == 0)
        #expect(other.message == "they agree")
        _ = press(.char("d"), &other)
        _ = update(&other, .requestFailed(id: other.compare.pendingRequest!, message: "episode: broken"))
        #expect(!other.compare.searching && other.compare.pendingRequest == nil && other.compare.view != nil)
    }

    @Test("arrows move through the Compare screen's list of queries one at a time")
    func selection() {
        var state = readyState(.compare)
        _ = update(
            &state,
            .compareReady(view(id: state.compare.pendingRequest!, episode: 0, labels: [0, 1, 2, 3], predictions: [[0, 1, 2, 3], nil, nil, nil])))
        _ = press(.down, &state)
        _ = press(.down, &state)
        #expect(state.episode.selectedQuery == 2)
        _ = press(.up, &state)
        #expect(state.episode.selectedQuery == 1)
        for _ in 0..<9 { _ = press(.right, &state) }
        #expect(state.episode.selectedQuery == 3)
    }

    @Test("c on Prototypes switches between squared Euclidean and cosine distance; help and status list the new keys")
    func prototypesToggle() {
        var state = readyState(.prototypes)
        #expect(state.episode.prototypeDistance == .squaredEuclidean)
        #expect(press(.char("c"), &state).isEmpty, "both distances are in the view already")
        #expect(state.episode.prototypeDistance == .cosine)
        _ = press(.char("c"), &state)
        #expect(state.episode.prototypeDistance == .squaredEuclidean)
        #expect(KeyMap.hints(for: .prototypes, charset: .unicode).contains(KeyHint("c", "metric")))
        #expect(KeyMap.hints(for: .compare, charset: .unicode).contains(KeyHint("d", "differ")))
        #expect(KeyMap.helpRows(for: .compare, charset: .unicode).screen.contains { $0.0 == "d" && $0.1.contains("disagree") })
        #expect(KeyMap.helpRows(for: .compare, charset: .unicode).global.contains { $0.0 == "1-7" })
    }

    @Test("a learner with a model per setting shows an episode through the one trained nearest its shots")
    func modelNearestTheEpisodesShots() {
        func relation(shots: Int) -> ModelCheckpoint {
            var checkpoint = Fixture.untrainedModel(.relation)
            checkpoint.configuration.shots = shots
            return checkpoint
        }
        let models = [relation(shots: 1), relation(shots: 5)]
        let chosen = (1...5).map { ExplorerEngine.model(among: models, forShots: $0)?.configuration.shots }
        // Three shots sit as near one as five: the first model listed (the one-shot) wins.
        #expect(chosen == [1, 1, 1, 5, 5])
        #expect(ExplorerEngine.model(among: [], forShots: 1) == nil)
    }
}
