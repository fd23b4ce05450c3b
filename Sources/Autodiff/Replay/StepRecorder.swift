/// Collects the operations of one run of a fixed-shape computation, so that ``ReplayedStep``
/// can run them again over buffers it owns.
///
/// While a recorder is current (``ReplayedStep/record(_:_:)``), every operation that supports
/// replay appends one instruction: the slots of its inputs, the slot of its output and a
/// builder that, given the final buffers, returns the closure that recomputes the output.
/// Tensors are told apart by the address of their storage: a reshape or a detached copy shares
/// its input's storage and so its slot, and everything made during the recording is kept alive
/// until it ends, so no address is reused for another tensor meanwhile.
final class StepRecorder: @unchecked Sendable {
    /// The recorder of the computation running on this task, if one is being recorded.
    @TaskLocal static var current: StepRecorder?

    /// Builds the work of one instruction over its input buffers and its output buffer.
    typealias KernelBuilder = (_ inputs: [UnsafePointer<Float>], _ output: UnsafeMutablePointer<Float>) -> () -> Void

    struct Instruction {
        var inputs: [Int]
        var output: Int
        var build: KernelBuilder
    }

    /// Where a slot's values come from before the first instruction runs.
    enum Origin {
        /// An input of the step, written by the caller before each replay.
        case input(Int)
        /// Values fixed at recording time (a gradient seed, zeros, a constant of the model).
        case constant([Float])
        /// Computed by an instruction.
        case computed
    }

    private(set) var slotCounts: [Int] = []
    private(set) var origins: [Origin] = []
    private(set) var instructions: [Instruction] = []
    /// Why the computation cannot be replayed, when an operation without replay support ran.
    private(set) var failure: String?
    private var slotOfStorage: [UnsafeRawPointer: Int] = [:]
    /// Storage produced by an operation that appended no instruction (no replay support yet).
    private var unrecordedStorage: [UnsafeRawPointer: String] = [:]
    /// Everything seen while recording, so that no storage address is reused meanwhile.
    private var keptAlive: [[Float]] = []

    private static func address(_ t: Tensor) -> UnsafeRawPointer {
        t.scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) }
    }

    private func newSlot(_ t: Tensor, origin: Origin) -> Int {
        keptAlive.append(t.scalars)
        let slot = slotCounts.count
        slotCounts.append(t.count)
        origins.append(origin)
        slotOfStorage[Self.address(t)] = slot
        return slot
    }

    /// Registers a step input; its storage must be its own.
    func input(_ t: Tensor, index: Int) {
        precondition(t.count > 0 && slotOfStorage[Self.address(t)] == nil, "StepRecorder: inputs need storage of their own")
        _ = newSlot(t, origin: .input(index))
    }

    /// The slot holding `t`: an earlier output, an input, or else a constant taken as it is now.
    func slot(of t: Tensor) -> Int {
        precondition(t.count > 0, "StepRecorder: empty tensors cannot be replayed")
        let address = Self.address(t)
        if let slot = slotOfStorage[address] { return slot }
        if let op = unrecordedStorage[address] { fail("\(op) has no replay support") }
        return newSlot(t, origin: .constant(t.scalars))
    }

    /// Notes a result that an operation produced; until it is recorded it cannot be replayed.
    func produced(_ scalars: [Float], shape: [Int]) {
        guard !scalars.isEmpty else { return }
        let address = scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) }
        guard slotOfStorage[address] == nil else { return }  // a view of a known tensor (reshape)
        keptAlive.append(scalars)
        unrecordedStorage[address] = "an operation with a result of shape \(shape)"
    }

    /// Appends the instruction that computes `output` from `inputs`.
    func record(_ output: Tensor, from inputs: [Tensor], _ build: @escaping KernelBuilder) {
        let inputSlots = inputs.map(slot(of:))
        let address = Self.address(output)
        unrecordedStorage[address] = nil
        precondition(slotOfStorage[address] == nil, "StepRecorder: an operation's result shares storage with an earlier tensor")
        let outputSlot = newSlot(output, origin: .computed)
        instructions.append(Instruction(inputs: inputSlots, output: outputSlot, build: build))
    }

    /// Marks the recording as not replayable (work that escapes the recorder, such as other threads).
    func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }
}

extension Tensor {
    /// While a step is being recorded, appends the instruction that recomputes this result from
    /// `inputs` (see ``StepRecorder``); returns the result unchanged.
    /// Both arguments are evaluated only while recording, so the dynamic tape pays one
    /// task-local read per operation and allocates nothing for replay.
    @inline(__always)
    func recorded(from inputs: @autoclosure () -> [Tensor], kernel build: @autoclosure () -> StepRecorder.KernelBuilder) -> Tensor {
        if let recorder = StepRecorder.current { recorder.record(self, from: inputs(), build()) }
        return self
    }
}
