import Autodiff

/// The tensors of a batch of sequences, step-major, ready for a sequence learner: at step t the
/// input is drawing x_t (20x20, flattened) with the one-hot label of step t − 1 (zeros at t = 0).
public struct SequenceBatch: Sendable {
    /// The side of the downscaled drawings (Santoro et al.: 20x20).
    public static let imageSide = 20
    /// Features of one drawing.
    public static let imageFeatures = imageSide * imageSide
    private static let resampler = AreaResampler(
        sourceWidth: DrawingStore.side, sourceHeight: DrawingStore.side, targetWidth: imageSide, targetHeight: imageSide)

    /// Drawings [steps, batch, 400], ink = 1.
    public let images: Tensor
    /// The previous step's label, one-hot: [steps, batch, classes].
    public let previousLabels: Tensor
    /// The true label of every step and sequence, step-major (row t · batch + b).
    public let targets: [Int]
    /// Steps, sequences and classes.
    public let steps: Int, batch: Int, classes: Int

    /// The batch of `episodes` (all of one length and class count), drawings from `provider`.
    public init(_ episodes: [SequenceEpisode], from provider: some DrawingProvider) {
        precondition(!episodes.isEmpty, "SequenceBatch: no episodes")
        let (steps, batch, classes) = (episodes[0].length, episodes.count, episodes[0].classes.count)
        precondition(
            episodes.allSatisfy { $0.length == steps && $0.classes.count == classes }, "SequenceBatch: episodes differ in length or classes")
        let features = Self.imageFeatures
        var pixels = [Float](repeating: 0, count: steps * batch * features)
        var targets = [Int](repeating: 0, count: steps * batch)
        for (b, episode) in episodes.enumerated() {
            for t in 0..<steps {
                let row = t * batch + b
                let image = Self.resampler.averages(of: provider.bitmap(episode.drawings[t]))
                pixels.replaceSubrange((row * features)..<((row + 1) * features), with: image)
                targets[row] = episode.labels[t]
            }
        }
        self.init(images: Tensor(shape: [steps, batch, features], scalars: pixels), targets: targets, classes: classes)
    }

    /// A batch of given drawings [steps, batch, 400] and labels (step-major); the label inputs
    /// are the targets shifted by one step.
    public init(images: Tensor, targets: [Int], classes: Int) {
        precondition(
            images.rank == 3 && images.shape[2] == Self.imageFeatures && targets.count == images.shape[0] * images.shape[1],
            "SequenceBatch: images \(images.shape) with \(targets.count) labels")
        let (steps, batch) = (images.shape[0], images.shape[1])
        var previous = [Float](repeating: 0, count: steps * batch * classes)
        for row in batch..<(steps * batch) { previous[row * classes + targets[row - batch]] = 1 }
        self.images = images
        previousLabels = Tensor(shape: [steps, batch, classes], scalars: previous)
        self.targets = targets
        (self.steps, self.batch, self.classes) = (steps, batch, classes)
    }

    /// Step t's input: the drawing joined with the previous label, [batch, 400 + classes].
    public func input(atStep t: Int) -> Tensor {
        let image = images.slice(alongAxis: 0, t..<(t + 1)).reshaped(to: [batch, Self.imageFeatures])
        let label = previousLabels.slice(alongAxis: 0, t..<(t + 1)).reshaped(to: [batch, classes])
        return Tensor.concatenate([image, label], alongAxis: 1)
    }
}
