import Autodiff
import FewShot
import NeuralNets

extension ExplorerEngine {
    /// Classifies the audience's drawing against the episode the request names (sampled again
    /// from the same seed, so it is the episode on screen): as a query, its distances to the
    /// prototypes; as a new class's single support example, which queries it now claims.
    func classifyDrawing(_ request: DrawingRequest) throws -> DrawingVerdict {
        guard let data = omniglot, let model = protoNet else { throw ExplorerError.omniglotMissing }
        guard case .embedding(let encoder) = model.checkpoint.architecture else { throw ExplorerError.wrongModel("ProtoNet") }
        let side = DrawingRequest.side
        guard request.pixels.count == side * side else { throw ExplorerError.wrongModel("drawing") }
        let e = request.episode
        var generator = derivedGenerator(seed: e.seed, number: e.episodeNumber, stream: 1)
        let sampler = try EpisodeSampler(
            split: data.split, ways: e.ways, shots: e.shots, queries: e.queriesPerClass,
            withinAlphabet: e.withinAlphabet)
        let episode = sampler.sample(using: &generator)
        var tensors = EpisodeTensors(episode, from: data.dataset)
        let bitmap = Bitmap(width: side, height: side, pixels: request.pixels.map { $0 > 0 ? 1 : 0 })
        let image = Tensor(
            shape: [1, 1, 28, 28],
            scalars: AreaResampler(sourceWidth: side, sourceHeight: side, targetWidth: 28, targetHeight: 28)
                .averages(of: bitmap))
        var ways = tensors.ways
        if request.asNewClass {
            tensors.support = Tensor.concatenate([tensors.support, image], alongAxis: 0)
            tensors.supportLabels.append(ways)
            ways += 1
        } else {
            tensors.query = image
            tensors.queryLabels = [0]
        }
        let checkpoint = model.checkpoint
        let normalization: NormalizationMode = checkpoint.runningStatistics().map { .running($0) } ?? .batch(running: nil)
        let result = withoutRecording {
            ProtoNet(encoder: encoder).episode(
                parameters: checkpoint.parameters, support: tensors.support, supportLabels: tensors.supportLabels,
                query: tensors.query, queryLabels: tensors.queryLabels, ways: ways, normalization: normalization)
        }
        let distances = result.distances.scalars
        let queryCount = tensors.queryLabels.count
        let rows = (0..<queryCount).map { Array(distances[($0 * ways)..<(($0 + 1) * ways)]) }
        let nearest = rows.map { row in row.indices.min { row[$0] < row[$1] } ?? 0 }
        let drawing = Self.croppedGlyph(bitmap)
        if request.asNewClass {
            return DrawingVerdict(
                id: request.id, drawing: drawing, asNewClass: true, distances: [], probabilities: [], predicted: ways - 1,
                queriesClaimed: nearest.filter { $0 == ways - 1 }.count, modelCaption: model.caption)
        }
        return DrawingVerdict(
            id: request.id, drawing: drawing, asNewClass: false, distances: rows[0],
            probabilities: Self.softmax(rows[0].map { -$0 }), predicted: nearest[0], queriesClaimed: 0,
            modelCaption: model.caption)
    }
}
