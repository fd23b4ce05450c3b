import Autodiff
import FewShot
import Foundation

extension ExplorerEngine {
    /// The requested episode through every metric learner that has a model; with a search
    /// limit, the first episode after it on which they disagree (else the requested one, saying
    /// why the search came back empty).
    func compareView(for request: CompareRequest) throws -> CompareView {
        guard let data = omniglot else { throw ExplorerError.omniglotMissing }
        guard request.searchLimit > 0 else { return try compareView(for: request.episode, data: data) }
        guard metricModels.values.filter({ !$0.isEmpty }).count >= 2 else {
            var view = try compareView(for: request.episode, data: data)
            view.searchFailure = "a disagreement needs two learners with a model"
            return view
        }
        for offset in 1...request.searchLimit {
            var episode = request.episode
            episode.episodeNumber += offset
            var view = try compareView(for: episode, data: data)
            if view.firstDisagreement != nil {
                view.searchedEpisodes = offset
                return view
            }
        }
        var view = try compareView(for: request.episode, data: data)
        view.searchFailure = "the learners agree on every query of the next \(request.searchLimit) episodes"
        return view
    }

    private func compareView(for request: EpisodeRequest, data: OmniglotResources) throws -> CompareView {
        let episode = try sampledEpisode(for: request, from: data)
        let tensors = EpisodeTensors(episode, from: data.dataset)
        let learners = MetricLearnerKind.allCases.map { kind -> CompareView.Learner in
            guard let checkpoint = Self.model(among: metricModels[kind] ?? [], forShots: request.shots),
                let result = Evaluator(checkpoint: checkpoint).metricEpisode(tensors)
            else {
                return CompareView.Learner(
                    kind: kind, caption: "\(ModelLibrary.fileName(of: kind)) is not in assets/models", verdicts: nil)
            }
            // Which of a learner's models is on show, when it has one per setting.
            let caption =
                ModelLibrary.caption(checkpoint) + ((metricModels[kind]?.count ?? 0) > 1 ? ", \(checkpoint.configuration.shots)-shot model" : "")
            return CompareView.Learner(
                kind: kind, caption: caption, verdicts: Self.verdicts(result, queries: episode.queries.count))
        }
        let classes = episode.classes.map { c in
            EpisodeView.ClassInfo(
                alphabet: c.identity.alphabet, character: c.identity.character, rotationDegrees: c.identity.rotation.degrees,
                support: c.support.map { Self.croppedGlyph(data.dataset.bitmap($0)) })
        }
        let queries = episode.queries.enumerated().map { index, ref in
            CompareView.Query(drawing: Self.croppedGlyph(data.dataset.bitmap(ref)), label: episode.queryLabels[index])
        }
        return CompareView(
            id: request.id, episodeNumber: request.episodeNumber, classes: classes, supportLabels: tensors.supportLabels,
            queries: queries, learners: learners, splitName: data.split.name)
    }

    /// The model trained with the shots nearest `shots` (the first of equals), or nil for none.
    static func model(among models: [ModelCheckpoint], forShots shots: Int) -> ModelCheckpoint? {
        models.min { abs($0.configuration.shots - shots) < abs($1.configuration.shots - shots) }
    }

    /// Each query's row of the learner's own evidence, copied out of its tensors.
    static func verdicts(_ r: MetricLearner.EpisodeResult, queries: Int) -> [CompareView.Verdict] {
        func rows(_ t: Tensor?) -> [[Float]] {
            guard let t else { return Array(repeating: [], count: queries) }
            let columns = t.shape[1]
            return (0..<queries).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
        }
        let classEvidence: Tensor
        var supportEvidence: Tensor?, cosines: Tensor?
        if let proto = r.prototypical {
            classEvidence = proto.distances
        } else if let matching = r.matching {
            (classEvidence, supportEvidence, cosines) = (r.classProbabilities, matching.attention, matching.similarities)
        } else if let siamese = r.siamese {
            (classEvidence, supportEvidence) = (siamese.classScores, siamese.pairScores)
        } else {
            classEvidence = r.classScores
        }
        let predictions = r.classScores.argmaxAlongLastAxis()
        let (probabilities, perClass, perSupport, perCosine) = (rows(r.classProbabilities), rows(classEvidence), rows(supportEvidence), rows(cosines))
        return (0..<queries).map { i in
            CompareView.Verdict(
                predicted: predictions[i], probabilities: probabilities[i], classEvidence: perClass[i], supportEvidence: perSupport[i],
                supportCosines: perCosine[i])
        }
    }
}
