import Autodiff
import NeuralNets

/// Relation Networks (Sung et al., 2018) as the paper's Omniglot model: an embedding module of
/// four conv blocks (unpadded with max-pooling in the first two, padded without in the last two:
/// 28x28 → 64x5x5), a class's feature map is the sum of its support maps, and a relation module
/// (two padded conv blocks with max-pooling, then 64 → 8 → 1 fully connected, sigmoid) scores
/// each query map concatenated with each class map. Trained by MSE of the scores to one-hot.
///
/// Weights: `encoder.{0..3}.0` convs and `encoder.{0..3}.1` norms, `relation.{0,1}.0` convs and
/// `relation.{0,1}.1` norms, `relation.fc1`, `relation.fc2`. Batch norm layers 0-3 are the
/// encoder's, 4-5 the relation module's.
public struct RelationNetwork: Sendable {
    public let channels: Int
    public let hiddenUnits: Int
    /// Batch-norm layers, for running statistics.
    public static let normalizationLayers = 6

    public init(channels: Int = 64, hiddenUnits: Int = 8) {
        self.channels = channels
        self.hiddenUnits = hiddenUnits
    }

    private func encoderConv(_ block: Int) -> Conv2D {
        Conv2D(block == 0 ? 1 : channels, channels, kernelSize: 3, padding: block < 2 ? 0 : 1)
    }

    private func relationConv(_ block: Int) -> Conv2D { Conv2D(block == 0 ? 2 * channels : channels, channels, kernelSize: 3, padding: 1) }

    private var fc1: Linear { Linear(channels, hiddenUnits) }
    private var fc2: Linear { Linear(hiddenUnits, 1) }

    /// Fresh weights: PyTorch's default initialisation, unit scale for norms.
    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var parts: [ParameterList] = []
        for block in 0..<4 {
            parts.append(encoderConv(block).initialParameters(prefix: "encoder.\(block).0", using: &generator))
            parts.append(BatchNorm2D(channels).initialParameters(prefix: "encoder.\(block).1"))
        }
        for block in 0..<2 {
            parts.append(relationConv(block).initialParameters(prefix: "relation.\(block).0", using: &generator))
            parts.append(BatchNorm2D(channels).initialParameters(prefix: "relation.\(block).1"))
        }
        parts.append(fc1.initialParameters(prefix: "relation.fc1", using: &generator))
        parts.append(fc2.initialParameters(prefix: "relation.fc2", using: &generator))
        var list = ParameterList()
        for part in parts { for (name, tensor) in zip(part.names, part.tensors) { list.append(name, tensor) } }
        return list
    }

    private func block(
        _ x: Tensor, conv: Conv2D, prefix: String, layer: Int, pooled: Bool, parameters: ParameterList,
        normalization: NormalizationMode
    ) -> Tensor {
        let y = BatchNorm2D(channels)(
            conv(x, weight: parameters["\(prefix).0.weight"], bias: parameters["\(prefix).0.bias"]),
            scale: parameters["\(prefix).1.weight"], shift: parameters["\(prefix).1.bias"], mode: normalization,
            layer: layer, rectified: true)
        return pooled ? y.maxPool2x2() : y
    }

    /// Feature maps of images [n, 1, 28, 28]: [n, channels, 5, 5].
    public func embed(_ images: Tensor, parameters: ParameterList, normalization: NormalizationMode) -> Tensor {
        var x = images
        for b in 0..<4 {
            x = block(
                x, conv: encoderConv(b), prefix: "encoder.\(b)", layer: b, pooled: b < 2, parameters: parameters,
                normalization: normalization)
        }
        return x
    }

    /// Relation scores in (0, 1) of every query map [q, c, h, w] with every class map [k, c, h, w]: [q, k].
    ///
    /// The first relation conv sees a pair's channels concatenated, query's first, so it is a conv
    /// of the query map with the weight's first half plus a conv of the class map with its second
    /// half. Each query and each class is convolved once and the pairs only add: q + k convs of
    /// half width instead of q·k of full width (at 20 ways, 300 queries: 320 instead of 6,000).
    public func relations(queryMaps: Tensor, classMaps: Tensor, parameters: ParameterList, normalization: NormalizationMode) -> Tensor {
        let (q, k) = (queryMaps.shape[0], classMaps.shape[0])
        let weight = parameters["relation.0.0.weight"]
        let fromQueries = Tensor.conv2d(
            queryMaps, weight.slice(alongAxis: 1, 0..<channels), bias: parameters["relation.0.0.bias"], padding: 1)
        let fromClasses = Tensor.conv2d(classMaps, weight.slice(alongAxis: 1, channels..<2 * channels), padding: 1)
        let plane = fromQueries.count / q
        let spatial = Array(fromQueries.shape.dropFirst(2))
        let pairs = (fromQueries.reshaped(to: [q, 1, plane]) + fromClasses.reshaped(to: [1, k, plane]))
            .reshaped(to: [q * k, channels] + spatial)
        var x = BatchNorm2D(channels)(
            pairs, scale: parameters["relation.0.1.weight"], shift: parameters["relation.0.1.bias"], mode: normalization,
            layer: 4, rectified: true
        ).maxPool2x2()
        x = block(
            x, conv: relationConv(1), prefix: "relation.1", layer: 5, pooled: true, parameters: parameters,
            normalization: normalization)
        let hidden = fc1(
            x.reshaped(to: [q * k, channels]), weight: parameters["relation.fc1.weight"],
            bias: parameters["relation.fc1.bias"]
        ).relu()
        return fc2(hidden, weight: parameters["relation.fc2.weight"], bias: parameters["relation.fc2.bias"]).sigmoid().reshaped(to: [q, k])
    }

    /// A class's feature map is the sum of its support maps: [ways, c, h, w] from [n, c, h, w].
    public func classMaps(of supportMaps: Tensor, labels: [Int], ways: Int) -> Tensor {
        let shape = Array(supportMaps.shape.dropFirst())
        return supportMaps.reshaped(to: [supportMaps.shape[0], -1]).scatteringAdd(rows: labels, rowCount: ways).reshaped(to: [ways] + shape)
    }

    /// What one episode looks like inside the model.
    public struct EpisodeResult {
        /// Mean squared error of the relation scores to the one-hot labels.
        public var loss: Tensor
        public var accuracy: Float
        /// Relation score of each query with each class, [queries, ways].
        public var scores: Tensor
    }

    /// Runs one episode; support and query are embedded in one batch (the reference embeds them
    /// apart, but with batch statistics one batch keeps both on the same scale).
    public func episode(
        parameters: ParameterList, support: Tensor, supportLabels: [Int], query: Tensor, queryLabels: [Int],
        ways: Int, normalization: NormalizationMode
    ) -> EpisodeResult {
        let (supportMaps, queryMaps) = EpisodeEmbedding.together(support: support, query: query) {
            embed($0, parameters: parameters, normalization: normalization)
        }
        let scores = relations(
            queryMaps: queryMaps, classMaps: classMaps(of: supportMaps, labels: supportLabels, ways: ways), parameters: parameters,
            normalization: normalization)
        let targets = MatchingNetwork.oneHot(queryLabels, ways: ways)
        return EpisodeResult(loss: scores.meanSquaredError(targets), accuracy: scores.accuracy(labels: queryLabels), scores: scores)
    }
}
