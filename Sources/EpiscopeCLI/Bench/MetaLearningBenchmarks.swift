import Autodiff
import FewShot
import Foundation
import NeuralNets

/// Meta-iterations per second of MAML on sine regression and on Omniglot-sized episodes.
enum MetaLearningBenchmarks {
    /// The training's step (``SineMetaStep``, replayed) on the `maml_sine` line and the dynamic
    /// tape on `maml_sine_tape`, second and first order, measured in interleaved rounds of `round`
    /// seconds each (so a shared machine's drift falls on both): medians, and their ratio.
    static func sine(rounds: Int = 5, round: Double = 0.4) -> [BenchReport] {
        var replayed: [(String, any Encodable)] = []
        var taped: [(String, any Encodable)] = []
        for order in [MAML.Order.secondOrder, .firstOrder] {
            var rng = SeededGenerator(seed: 3)
            let learner = SineMAML(order: order)
            let initial = learner.model.initialParameters(using: &rng)
            // The training's own tasks (Finn et al.'s K = 10, meta-batch 25), drawn before timing starts.
            let batches = (0..<16).map { _ in SineTaskFamily().sampleBatch(tasks: 25, shots: 10, queries: 10, using: &rng) }
            let steps = [SineMetaStep(learner), SineMetaStep(learner, replaying: false)]
            var thetas = [initial, initial]
            var adams = [Adam(learningRate: 0.001), Adam(learningRate: 0.001)]
            var iterations = [0, 0]
            var rates: [[Double]] = [[], []]
            for _ in 0..<rounds {
                for which in 0..<2 {
                    var count = 0
                    let start = DispatchTime.now().uptimeNanoseconds
                    var elapsed = 0.0
                    while elapsed < round {
                        let step = steps[which](thetas[which], batch: batches[iterations[which] % batches.count])
                        adams[which].step(&thetas[which], gradients: step.gradients)
                        iterations[which] += 1
                        count += 1
                        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    }
                    rates[which].append(Double(count) / elapsed)
                }
            }
            let name = order == .secondOrder ? "second_order" : "first_order"
            replayed.append(("\(name)_per_s", median(rates[0])))
            taped += [("\(name)_per_s", median(rates[1])), ("\(name)_replay_over_tape", median(rates[0]) / median(rates[1]))]
        }
        return [BenchReport(name: .mamlSine, figures: replayed), BenchReport(name: .mamlSineTape, figures: taped)]
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

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
