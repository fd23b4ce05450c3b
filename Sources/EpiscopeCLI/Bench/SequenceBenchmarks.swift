import Autodiff
import FewShot
import NeuralNets

/// MANN's training speed at the paper's settings: one batch of 16 sequences of 50 steps through
/// the 200-unit controller and the 128 x 40 memory, backpropagated through every step.
enum SequenceBenchmarks {
    /// Forward, backward and Adam step on random drawings; sequences per second, the median of
    /// `repeats` after a warm-up.
    static func mannTraining(repeats: Int = 3) -> BenchReport {
        let c = TrainingConfiguration.standard(.mann, .omniglot)
        guard case .mann(let learner) = ModelArchitecture(c) else { preconditionFailure("the mann configuration builds no MANN") }
        var rng = SeededGenerator(seed: 5)
        var parameters = learner.initialParameters(using: &rng)
        let steps = c.ways * c.shots
        let images = Tensor.randomUniform(shape: [steps, c.metaBatch, SequenceBatch.imageFeatures], in: 0...1, using: &rng)
        let batch = SequenceBatch(images: images, targets: (0..<(steps * c.metaBatch)).map { _ in rng.nextInt(below: c.ways) }, classes: c.ways)
        var adam = Adam(learningRate: c.metaStepSize)
        func step() {
            GradientStep.descend(&parameters, with: &adam) { p in
                let r = learner.loss(parameters: p, batch: batch)
                return (r.loss, r.accuracy)
            }
        }
        step()
        let seconds = medianSeconds(repeats: repeats) { step() }
        let s = learner.settings
        return BenchReport(
            name: .mannTrain,
            figures: [
                ("episodes_per_s", Double(c.metaBatch) / seconds),
                (
                    "batch",
                    "\(c.metaBatch) sequences of \(steps) steps, LSTM \(s.controllerUnits), memory \(s.memorySlots)x\(s.memoryWidth), \(s.readHeads) heads"
                )
            ])
    }
}
