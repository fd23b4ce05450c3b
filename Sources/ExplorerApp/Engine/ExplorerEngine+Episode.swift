import Autodiff
import FewShot
import Foundation
import NeuralNets

extension ExplorerEngine {
    /// Samples the requested episode from the test classes and classifies its queries with the ProtoNet.
    func episodeView(for request: EpisodeRequest) throws -> EpisodeView {
        guard let data = omniglot, let model = protoNet else { throw ExplorerError.omniglotMissing }
        guard case .embedding(let encoder) = model.checkpoint.architecture else { throw ExplorerError.wrongModel("ProtoNet") }
        let episode = try sampledEpisode(for: request, from: data)
        let tensors = EpisodeTensors(episode, from: data.dataset)
        let checkpoint = model.checkpoint
        let normalization: NormalizationMode = checkpoint.runningStatistics().map { .running($0) } ?? .batch(running: nil)
        let result = withoutRecording {
            ProtoNet(encoder: encoder).episode(
                parameters: checkpoint.parameters, support: tensors.support, supportLabels: tensors.supportLabels,
                query: tensors.query, queryLabels: tensors.queryLabels, ways: tensors.ways,
                normalization: normalization)
        }
        let ways = episode.ways
        let distances = result.distances.scalars
        let cosine = ProtoNet.distances(result.queryEmbeddings, result.prototypes, .cosine)
        let cosineDistances = cosine.scalars, cosineProbabilities = (-cosine).softmax().scalars
        let cosinePredicted = (-cosine).argmaxAlongLastAxis()
        let classes = episode.classes.map { c in
            EpisodeView.ClassInfo(
                alphabet: c.identity.alphabet, character: c.identity.character, rotationDegrees: c.identity.rotation.degrees,
                support: c.support.map { Self.croppedGlyph(data.dataset.bitmap($0)) })
        }
        let queries = episode.queries.enumerated().map { index, ref -> EpisodeView.QueryInfo in
            let row = Array(distances[(index * ways)..<((index + 1) * ways)])
            let probabilities = Self.softmax(row.map { -$0 })
            let predicted = row.indices.min { row[$0] < row[$1] } ?? 0
            let input = data.dataset.image28(ref).map { UInt8(min(max($0, 0), 1) * 255) }
            let bitmap = data.dataset.bitmap(ref)
            return EpisodeView.QueryInfo(
                drawing: Self.croppedGlyph(bitmap), original: Self.glyph(bitmap), input: GlyphImage(width: 28, height: 28, bytes: input),
                label: episode.queryLabels[index], predicted: predicted, distances: row, probabilities: probabilities,
                cosineDistances: Array(cosineDistances[(index * ways)..<((index + 1) * ways)]),
                cosineProbabilities: Array(cosineProbabilities[(index * ways)..<((index + 1) * ways)]),
                cosinePredicted: cosinePredicted[index])
        }
        let features = result.prototypes.shape[1]
        let projection = PCA.project(
            [result.supportEmbeddings.scalars, result.prototypes.scalars, result.queryEmbeddings.scalars], features: features)
        let projected = EpisodeView.Projection(
            support: projection.groups[0], supportLabels: episode.supportLabels, prototypes: projection.groups[1],
            queries: projection.groups[2], explained: projection.explained)
        return EpisodeView(
            id: request.id, classes: classes, queries: queries, projection: projected, modelCaption: model.caption,
            splitName: data.split.name)
    }

    /// Episode `request.episodeNumber` of the seed's sequence, its queries shuffled: the Episode,
    /// Prototypes and Compare screens draw the same episode from the same request.
    func sampledEpisode(for request: EpisodeRequest, from data: OmniglotResources) throws -> Episode {
        var generator = derivedGenerator(seed: request.seed, number: request.episodeNumber, stream: 1)
        let sampler = try EpisodeSampler(
            split: data.split, ways: request.ways, shots: request.shots, queries: request.queriesPerClass,
            withinAlphabet: request.withinAlphabet)
        let sampled = sampler.sample(using: &generator)
        // The sampler lists queries class by class; shuffled, the screen does not give the answer away.
        var order = Array(sampled.queries.indices)
        order.shuffle(using: &generator)
        return Episode(
            classes: sampled.classes, queries: order.map { sampled.queries[$0] },
            queryLabels: order.map { sampled.queryLabels[$0] })
    }

    static func glyph(_ bitmap: Bitmap) -> GlyphImage {
        GlyphImage(width: bitmap.width, height: bitmap.height, bytes: bitmap.pixels.map { $0 > 0 ? 255 : 0 })
    }

    /// The drawing cut to a square around its ink (plus a margin): Omniglot characters sit in
    /// a lot of white space, and a few terminal cells cannot afford to draw it.
    static func croppedGlyph(_ bitmap: Bitmap) -> GlyphImage {
        var left = bitmap.width, right = -1, top = bitmap.height, bottom = -1
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] > 0 {
                left = min(left, x); right = max(right, x); top = min(top, y); bottom = max(bottom, y)
            }
        }
        guard right >= left else { return glyph(bitmap) }
        let side = min(bitmap.width, max(right - left, bottom - top) + 1 + 8)
        let originX = min(max(0, (left + right + 1) / 2 - side / 2), bitmap.width - side)
        let originY = min(max(0, (top + bottom + 1) / 2 - side / 2), bitmap.height - side)
        var bytes = [UInt8](repeating: 0, count: side * side)
        for y in 0..<side where originY + y < bitmap.height {
            for x in 0..<side where originX + x < bitmap.width && bitmap[originX + x, originY + y] > 0 {
                bytes[y * side + x] = 255
            }
        }
        return GlyphImage(width: side, height: side, bytes: bytes)
    }

    static func softmax(_ logits: [Float]) -> [Float] {
        guard let top = logits.max(), top.isFinite else { return logits.map { _ in 1 / Float(max(1, logits.count)) } }
        let exps = logits.map { expf($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}

/// Failures the engine reports to the status bar.
enum ExplorerError: Error, CustomStringConvertible {
    case omniglotMissing
    case wrongModel(String)

    var description: String {
        switch self {
        case .omniglotMissing: return ExplorerEngine.dataHint
        case .wrongModel(let what): return "the \(what) checkpoint has the wrong architecture"
        }
    }
}
