import Autodiff
import NeuralNets

/// Santoro et al.'s memory-augmented neural network (2016): an LSTM controller with an external
/// memory of `slots` × `width`, read by content and written with least-recently-used access.
///
/// At step t, with the controller's hidden state h_t, each head i emits a key k = tanh(·) and a
/// gate α, both linear in h_t. Writes go to the slot read at t − 1 or to the least-used slots:
/// w^w = σ(α)·w^r_{t−1} + (1 − σ(α))·w^lu_{t−1}, the least-used slot zeroed first, then
/// M_t = M_{t−1} + Σ_i w^w_i k_iᵀ. Reads are a softmax over the cosine similarities of the key
/// with every slot, w^r = softmax(K(k, M_t)) (the paper's equation, without key strength), and
/// r = Σ w^r(j) M_t(j). Usage decays and collects both: w^u_t = γ·w^u_{t−1} + Σ_i (w^r_i + w^w_i);
/// w^lu marks the `readHeads` smallest usages. The read vectors join h_t for the output, and the
/// next step's controller input (drawing, previous label, previous reads).
///
/// Weights: `controller.*` (PyTorch's `nn.LSTMCell`), `heads.weight` [heads · (width + 1), units]
/// and `heads.bias` (per head: key, then α), `output.weight` [classes, units + heads · width] and
/// `output.bias`.
public struct MANN: SequenceLearner {
    public let classes: Int
    public let settings: SequenceModelSettings
    public let controller: LSTMCell
    let heads: Linear
    let output: Linear

    /// A MANN for `classes`-class sequences with the given sizes.
    public init(classes: Int, settings: SequenceModelSettings) {
        self.classes = classes
        self.settings = settings
        let reads = settings.readHeads * settings.memoryWidth
        controller = LSTMCell(inputFeatures: SequenceBatch.imageFeatures + classes + reads, hiddenUnits: settings.controllerUnits)
        heads = Linear(settings.controllerUnits, settings.readHeads * (settings.memoryWidth + 1))
        output = Linear(settings.controllerUnits + reads, classes)
    }

    public func initialParameters(using generator: inout SeededGenerator) -> ParameterList {
        var p = controller.initialParameters(prefix: "controller", using: &generator)
        for part in [heads.initialParameters(prefix: "heads", using: &generator), output.initialParameters(prefix: "output", using: &generator)] {
            for (name, tensor) in zip(part.names, part.tensors) { p.append(name, tensor) }
        }
        return p
    }

    /// What the memory did at one step, for the first sequence of the batch (the explorer's
    /// Memory screen draws it): plain numbers, no graph.
    public struct StepTrace: Sendable, Equatable {
        /// Read weights [heads][slots] and write weights [heads][slots].
        public var readWeights: [[Float]], writeWeights: [[Float]]
        /// Usage weights after the step [slots].
        public var usage: [Float]
        /// The memory after the write, row-major [slots × width].
        public var memory: [Float]
    }

    public func logits(parameters p: ParameterList, batch: SequenceBatch) -> Tensor {
        run(parameters: p, batch: batch, trace: nil)
    }

    /// The logits, and per step what the memory of sequence 0 did.
    public func tracedLogits(parameters p: ParameterList, batch: SequenceBatch) -> (logits: Tensor, trace: [StepTrace]) {
        var trace: [StepTrace] = []
        let logits = run(parameters: p, batch: batch) { trace.append($0) }
        return (logits, trace)
    }

    private func run(parameters p: ParameterList, batch: SequenceBatch, trace: ((StepTrace) -> Void)?) -> Tensor {
        let (b, n, w, r) = (batch.batch, settings.memorySlots, settings.memoryWidth, settings.readHeads)
        let weights = controller.fused(p, prefix: "controller")
        var state = LSTMCell.State.zeros(batch: b, hiddenUnits: controller.hiddenUnits)
        // Start as the reference implementations do: a nearly empty memory (not zero, so that
        // cosines are defined), every head last read slot 0, which counts as used.
        var memory = Tensor(repeating: 1e-6, shape: [b, n, w])
        var previousReads = Tensor(zeros: [b, r * w])
        var readWeights = Tensor(shape: [b, r, n], scalars: (0..<(b * r * n)).map { $0 % n == 0 ? 1 : 0 })
        var usage = [Float](repeating: 0, count: b * n)
        for i in 0..<b { usage[i * n] = 1 }
        var features: [Tensor] = []
        for t in 0..<batch.steps {
            let input = Tensor.concatenate([batch.input(atStep: t), previousReads], alongAxis: 1)
            state = controller.step(input, state: state, weights: weights)
            let emitted = heads(state.hidden, weight: p["heads.weight"], bias: p["heads.bias"]).reshaped(to: [b, r, w + 1])
            let keys = emitted.slice(alongAxis: 2, 0..<w).tanh()  // [b, r, w]
            let gate = emitted.slice(alongAxis: 2, w..<(w + 1)).sigmoid()  // [b, r, 1]
            let leastUsed = LeastUsed(usage: usage, batch: b, slots: n, count: r)
            let writeWeights = gate * (readWeights - leastUsed.weights) + leastUsed.weights  // [b, r, n]
            memory = memory * leastUsed.keepMask + Tensor.matmul(writeWeights, keys, transposeA: true)
            readWeights = Tensor.pairwiseCosineSimilarities(keys, memory).softmax(alongAxis: -1)  // [b, r, n]
            let reads = Tensor.matmul(readWeights, memory).reshaped(to: [b, r * w])
            usage = Self.decayedUsage(usage, decay: settings.usageDecay, reads: readWeights, writes: writeWeights)
            features.append(Tensor.concatenate([state.hidden, reads], alongAxis: 1))
            previousReads = reads
            if let trace {
                let firstHeads = { (x: Tensor) in (0..<r).map { Array(x.scalars[($0 * n)..<(($0 + 1) * n)]) } }
                trace(
                    StepTrace(
                        readWeights: firstHeads(readWeights), writeWeights: firstHeads(writeWeights), usage: Array(usage[0..<n]),
                        memory: Array(memory.scalars[0..<(n * w)])))
            }
        }
        // One product for all steps: the features stacked step-major.
        return output(Tensor.concatenate(features, alongAxis: 0), weight: p["output.weight"], bias: p["output.bias"])
    }

    /// γ·w^u + Σ over heads of (w^r + w^w), per sequence. Usage only picks the least-used slots,
    /// a discrete choice with no gradient, so it is kept as plain numbers.
    static func decayedUsage(_ usage: [Float], decay: Float, reads: Tensor, writes: Tensor) -> [Float] {
        let (b, r, n) = (reads.shape[0], reads.shape[1], reads.shape[2])
        var next = usage.map { $0 * decay }
        reads.scalars.withUnsafeBufferPointer { rp in
            writes.scalars.withUnsafeBufferPointer { wp in
                for i in 0..<b {
                    for h in 0..<r {
                        let base = (i * r + h) * n
                        for j in 0..<n { next[i * n + j] += rp[base + j] + wp[base + j] }
                    }
                }
            }
        }
        return next
    }
}

/// The least-used slots of each sequence's memory, from its usage weights: w^lu (1 at the
/// `count` smallest usages, ties to the lower slot) and the mask that zeroes the one least-used
/// slot before writing. Constants: the choice of slots has no gradient.
struct LeastUsed {
    /// [batch, 1, slots].
    let weights: Tensor
    /// [batch, slots, 1]: 0 at the least-used slot, 1 elsewhere.
    let keepMask: Tensor

    init(usage: [Float], batch: Int, slots: Int, count: Int) {
        var marks = [Float](repeating: 0, count: batch * slots)
        var keep = [Float](repeating: 1, count: batch * slots)
        for i in 0..<batch {
            let order = (0..<slots).sorted { a, b in
                let (ua, ub) = (usage[i * slots + a], usage[i * slots + b])
                return ua < ub || (ua == ub && a < b)
            }
            for j in order.prefix(count) { marks[i * slots + j] = 1 }
            keep[i * slots + order[0]] = 0
        }
        weights = Tensor(shape: [batch, 1, slots], scalars: marks)
        keepMask = Tensor(shape: [batch, slots, 1], scalars: keep)
    }
}
