import Autodiff
import FewShot
import Foundation

/// What a trained model makes of the episode `episode --json --checkpoint M` prints, as
/// `eval` computes it (``Evaluator/classify(_:)``, the sine fine-tuning of the Sine screen):
/// for checking another implementation of the same model (the PyTorch companion in
/// interop/pytorch) query by query.
struct ModelAnswerJSON: Encodable {
    var checkpoint: String
    var algorithm: String
    /// What the numbers of ``scores`` are: "squared distance" (the lowest is predicted),
    /// "log probability", "pair score", "relation score" or "logit" (the highest is predicted).
    var score: String?
    /// Per query, one number per class.
    var scores: [[Float]]?
    /// The predicted class of each query.
    var predictions: [Int]?
    /// Sine: the inner step size α of the fine-tuning.
    var stepSize: Float?
    /// Sine: the prediction at each query point after 0, 1, ..., 10 fine-tuning steps on the support points.
    var predictionsByStep: [[Float]]?

    enum CodingKeys: String, CodingKey {
        case checkpoint, algorithm, score, scores, predictions
        case stepSize = "step_size", predictionsByStep = "predictions_by_step"
    }

    /// Fine-tuning steps on a sine task, as `eval` reports them (up to 10).
    static let sineSteps = 10

    /// The model's scores and predictions for an Omniglot episode; throws a one-line error when
    /// the model cannot classify it (a sine or sequence model, a classifier of other ways).
    static func classifying(_ episode: Episode, from provider: some DrawingProvider, checkpoint path: String) throws -> ModelAnswerJSON {
        let model = try reportingEngineFailures { try ModelCheckpoint.read(path: path) }
        let c = model.configuration
        guard c.dataset == .omniglot, !c.algorithm.isModelBased else {
            let hint = c.algorithm.isModelBased ? " (it labels sequences: add --sequence)" : ""
            throw failing("\(path) is a \(c.algorithm.rawValue) model on \(c.dataset.rawValue); it does not classify N-way K-shot episodes\(hint)")
        }
        if case .classifier(let net) = model.architecture, net.ways != episode.ways {
            throw failing("\(path) classifies \(net.ways) ways; the episode has \(episode.ways) (--ways \(net.ways))")
        }
        let (predictions, scores) = Evaluator(checkpoint: model).classify(EpisodeTensors(episode, from: provider))
        let kind: String
        switch c.algorithm {
        case .protonet: kind = "squared distance"
        case .matching: kind = "log probability"
        case .siamese: kind = "pair score"
        case .relation: kind = "relation score"
        default: kind = "logit"
        }
        let ways = scores.shape[1]
        let rows = (0..<scores.shape[0]).map { Array(scores.scalars[($0 * ways)..<(($0 + 1) * ways)]) }
        return ModelAnswerJSON(checkpoint: path, algorithm: c.algorithm.rawValue, score: kind, scores: rows, predictions: predictions)
    }

    /// The sine model's predictions at the query points after each fine-tuning step on the
    /// support points (plain SGD with the model's inner step size).
    static func fineTuning(_ episode: SineTaskFamily.Episode, checkpoint path: String) throws -> ModelAnswerJSON {
        let model = try reportingEngineFailures { try ModelCheckpoint.read(path: path) }
        guard case .sine(let net) = model.architecture else {
            throw failing("\(path) is a \(model.configuration.algorithm.rawValue) model on Omniglot; a sine episode needs a sine model")
        }
        let alpha = model.configuration.innerStepSize
        let task = episode.objective(for: net).probing { p in net(episode.queryX, parameters: p).scalars }
        let trace = MAML.fineTuning(model.parameters, on: task, inner: InnerLoop(steps: sineSteps, stepSize: alpha), tracingQuery: false)
        return ModelAnswerJSON(
            checkpoint: path, algorithm: model.configuration.algorithm.rawValue, stepSize: alpha, predictionsByStep: trace.probeOutputs)
    }
}
