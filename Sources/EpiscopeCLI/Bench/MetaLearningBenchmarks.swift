import Autodiff
import FewShot
import Foundation
import NeuralNets

/// Meta-iterations per second of MAML on sine regression and on Omniglot-sized episodes.
enum MetaLearningBenchmarks {
    static func sine(seconds budget: Double = 2) -> BenchReport {
        var rates: [(String, any Encodable)] = []
        for order in [MAML.Order.secondOrder, .firstOrder] {
            var rng = SeededGenerator(seed: 3)
            let learner = SineMAML(order: order)
            var theta = learner.model.initialParameters(using: &rng)
            var adam = Adam(learningRate: 0.001)
            // The training's own tasks (Finn et al.'s K = 10, meta-batch 25), drawn before timing starts.
            let batches = (0..<16).map { _ in SineTaskFamily().sampleBatch(tasks: 25, shots: 10, queries: 10, using: &rng) }
            var iterations = 0
            let seconds = measureSeconds {
                let start = DispatchTime.now().uptimeNanoseconds
                while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < budget {
                    let step = learner.metaGradient(theta, batch: batches[iterations % batches.count])
                    adam.step(&theta, gradients: step.gradients)
                    iterations += 1
                }
            }
            rates.append((order == .secondOrder ? "second_order_per_s" : "first_order_per_s", Double(iterations) / seconds))
        }
        return BenchReport(name: .mamlSine, figures: rates)
    }

    /// Second-order MAML, 5-way 1-shot with one query per class, meta-batch 32, one inner step.
    static func omniglot(iterations: Int = 2) -> BenchReport {
        var rng = SeededGenerator(seed: 4)
        let model = ConvClassifier(ways: 5)
        var theta = model.initialParameters(using: &rng)
        var adam = Adam(learningRate: 0.001)
        let labels = Array(0..<5)
        let tasks = (0..<32).map { _ -> TaskObjective in
            let support = Tensor.randomUniform(shape: [5, 1, 28, 28], in: 0...1, using: &rng)
            let query = Tensor.randomUniform(shape: [5, 1, 28, 28], in: 0...1, using: &rng)
            return TaskObjective(
                support: { p in
                    let l = model(support, parameters: p); return (l.crossEntropy(labels: labels), nil)
                },
                query: { p in
                    let l = model(query, parameters: p); return (l.crossEntropy(labels: labels), nil)
                })
        }
        let inner = InnerLoop(steps: 1, stepSize: 0.4)
        _ = MAML.metaStep(theta, tasks: Array(tasks.prefix(2)), inner: inner, order: .secondOrder)
        let seconds =
            measureSeconds {
                for _ in 0..<iterations {
                    let step = MAML.metaStep(theta, tasks: tasks, inner: inner, order: .secondOrder)
                    adam.step(&theta, gradients: step.gradients)
                }
            } / Double(iterations)
        return BenchReport(name: .mamlOmniglot, figures: [("seconds_per_meta_iteration", seconds)])
    }
}
