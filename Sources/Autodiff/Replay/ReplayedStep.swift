/// A fixed-shape computation (a training step: forward pass, gradients, gradients of gradients)
/// recorded once through the dynamic tape and then replayed with new input values.
///
/// Replaying runs the recorded operations in order, each a closure built at recording time over
/// buffers allocated once: no graph node, no closure and no array per operation. Buffers are
/// shared by values whose lifetimes do not overlap, so the step's working set stays as small as
/// the tape's. Data-dependent values (ReLU's mask, a sign) are recomputed from the new inputs;
/// only the control flow and the shapes are fixed by the recording, which is why a step must
/// not branch on its values. A replay gives the same bits as the tape: it runs the same kernels
/// in the same order.
///
/// Operations without replay support make ``record(_:_:)`` return nil (the caller keeps the
/// tape). A replayed step is not for concurrent use: it owns its buffers.
public final class ReplayedStep {
    /// The shapes the inputs must have, in order.
    public let inputShapes: [[Int]]
    /// The shapes of the outputs, in order.
    public let outputShapes: [[Int]]
    /// The number of operations replayed per call.
    public var operationCount: Int { kernels.count }
    /// Floats held in the step's buffers.
    public let bufferedScalarCount: Int

    private let kernels: [() -> Void]
    private let inputBuffers: [UnsafeMutablePointer<Float>]
    private let outputBuffers: [UnsafePointer<Float>]
    private let arena: UnsafeMutablePointer<Float>

    /// Records `body` run on `inputs`, or nil when it uses an operation that cannot be replayed.
    /// `body` runs once, on copies of `inputs`, through the dynamic tape.
    public static func record(_ inputs: [Tensor], _ body: ([Tensor]) -> [Tensor]) -> ReplayedStep? {
        let recorder = StepRecorder()
        // Copies with storage of their own: one input's storage must be one slot.
        let copies = inputs.map { t in Tensor(shape: t.shape, scalars: makeScalars(t.count) { _ = $0.initialize(from: t.scalars) }) }
        for (index, copy) in copies.enumerated() { recorder.input(copy, index: index) }
        let outputs = StepRecorder.$current.withValue(recorder) { body(copies) }
        let outputSlots = outputs.map { recorder.slot(of: $0) }
        if recorder.failure != nil { return nil }
        return ReplayedStep(recorder, inputShapes: inputs.map(\.shape), outputs: outputs, outputSlots: outputSlots)
    }

    private init(_ recorder: StepRecorder, inputShapes: [[Int]], outputs: [Tensor], outputSlots: [Int]) {
        self.inputShapes = inputShapes
        self.outputShapes = outputs.map(\.shape)
        let instructions = Self.needed(recorder.instructions, for: outputSlots)
        let plan = BufferPlan(recorder.slotCounts, recorder.origins, instructions, pinned: Set(outputSlots))
        arena = .allocate(capacity: max(plan.arenaCount, 1))
        bufferedScalarCount = plan.arenaCount
        let arena = arena
        func buffer(_ slot: Int) -> UnsafeMutablePointer<Float> { arena + plan.offsets[slot] }
        var inputBuffers = [UnsafeMutablePointer<Float>?](repeating: nil, count: inputShapes.count)
        for (slot, origin) in recorder.origins.enumerated() {
            switch origin {
            case .input(let index): inputBuffers[index] = buffer(slot)
            case .constant(let values): values.withUnsafeBufferPointer { buffer(slot).update(from: $0.baseAddress!, count: values.count) }
            case .computed: break
            }
        }
        self.inputBuffers = inputBuffers.map { $0! }
        outputBuffers = outputSlots.map { UnsafePointer(buffer($0)) }
        kernels = instructions.map { i in i.build(i.inputs.map { UnsafePointer(buffer($0)) }, buffer(i.output)) }
    }

    deinit { arena.deallocate() }

    /// The instructions that some output depends on, in order: the tape computes values that
    /// nothing reads in the end (losses for a report, gradients no one asked for), a replay need not.
    private static func needed(_ instructions: [StepRecorder.Instruction], for outputs: [Int]) -> [StepRecorder.Instruction] {
        var wanted = Set(outputs)
        var kept: [StepRecorder.Instruction] = []
        for instruction in instructions.reversed() where wanted.contains(instruction.output) {
            kept.append(instruction)
            wanted.formUnion(instruction.inputs)
        }
        return kept.reversed()
    }

    /// Runs the step on new input values (of the recorded shapes) and returns its outputs.
    public func callAsFunction(_ inputs: [Tensor]) -> [Tensor] {
        replay(inputs)
        return zip(outputShapes, outputBuffers).map { shape, buffer in
            Tensor(
                shape: shape,
                scalars: makeScalars(shape.reduce(1, *)) { _ = $0.initialize(from: UnsafeBufferPointer(start: buffer, count: $0.count)) })
        }
    }

    /// Runs the step on new input values and lets `body` read the outputs in place (valid only
    /// inside `body`): the replay then allocates nothing at all.
    public func replay<T>(_ inputs: [Tensor], reading body: ([UnsafeBufferPointer<Float>]) throws -> T) rethrows -> T {
        replay(inputs)
        return try body(zip(outputShapes, outputBuffers).map { UnsafeBufferPointer(start: $1, count: $0.reduce(1, *)) })
    }

    private func replay(_ inputs: [Tensor]) {
        precondition(inputs.count == inputShapes.count, "ReplayedStep: \(inputs.count) inputs for \(inputShapes.count)")
        for (i, input) in inputs.enumerated() {
            precondition(input.shape == inputShapes[i], "ReplayedStep: input \(i) has shape \(input.shape), recorded \(inputShapes[i])")
            input.scalars.withUnsafeBufferPointer { inputBuffers[i].update(from: $0.baseAddress!, count: $0.count) }
        }
        for kernel in kernels { kernel() }
    }
}

/// Where each slot of a recording lives in one arena: a computed slot takes the place of slots
/// whose last reader has run, so the working set is the live values, not every value.
struct BufferPlan {
    var offsets: [Int]
    var arenaCount: Int

    init(_ counts: [Int], _ origins: [StepRecorder.Origin], _ instructions: [StepRecorder.Instruction], pinned: Set<Int>) {
        var lastUse = [Int](repeating: -1, count: counts.count)
        for (step, instruction) in instructions.enumerated() {
            for slot in instruction.inputs { lastUse[slot] = step }
        }
        offsets = [Int](repeating: 0, count: counts.count)
        var end = 0
        func place(_ count: Int) -> Int {
            defer { end += Self.rounded(count) }
            return end
        }
        // Inputs, constants and outputs keep their own places for the whole step.
        var isFixed = [Bool](repeating: false, count: counts.count)
        for (slot, origin) in origins.enumerated() {
            if case .computed = origin, !pinned.contains(slot) { continue }
            isFixed[slot] = true
            offsets[slot] = place(counts[slot])
        }
        // Free places by rounded size; a slot is freed after the instruction that reads it last,
        // and only after that instruction's output has its place (no kernel runs in place).
        var free: [Int: [Int]] = [:]
        var readersDone = [[Int]](repeating: [], count: instructions.count)
        for slot in counts.indices where !isFixed[slot] && lastUse[slot] >= 0 { readersDone[lastUse[slot]].append(slot) }
        for (step, instruction) in instructions.enumerated() {
            let slot = instruction.output
            if !isFixed[slot] {
                let size = Self.rounded(counts[slot])
                if let reused = free[size]?.popLast() {
                    offsets[slot] = reused
                } else {
                    offsets[slot] = place(counts[slot])
                }
                // Never read again (a value no output depends on): its place is free at once.
                if lastUse[slot] < step { free[size, default: []].append(offsets[slot]) }
            }
            for done in readersDone[step] { free[Self.rounded(counts[done]), default: []].append(offsets[done]) }
        }
        arenaCount = end
    }

    /// Sizes rounded up to 16 floats (a cache line), so places align and are shared by size.
    static func rounded(_ count: Int) -> Int { (count + 15) / 16 * 16 }
}
