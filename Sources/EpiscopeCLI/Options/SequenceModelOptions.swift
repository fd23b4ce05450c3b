import ArgumentParser
import FewShot

/// `episcope train mann|lstm`'s sizes: the controller, and MANN's memory and heads. Unset, they
/// are Santoro et al.'s (``SequenceModelSettings``).
struct SequenceModelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "mann, lstm: LSTM units of the controller (paper: 200).") var controllerUnits: Int?
    @Option(parsing: .unconditional, help: "mann: memory slots (paper: 128).") var memorySlots: Int?
    @Option(parsing: .unconditional, help: "mann: width of a memory slot (paper: 40).") var memoryWidth: Int?
    @Option(parsing: .unconditional, help: "mann: read heads, each with a write head (paper: 4).") var readHeads: Int?
    @Option(parsing: .unconditional, help: "mann: decay γ of the usage weights, in (0, 1) (paper: 0.95).") var usageDecay: Float?

    /// The bound on every size: a checkpoint reader refuses larger ones, so training them would
    /// write a file nothing reads.
    static let largestSize = SequenceModelSettings.largestSize

    func validate() throws {
        for (value, option) in [
            (controllerUnits, "--controller-units"), (memorySlots, "--memory-slots"), (memoryWidth, "--memory-width"),
            (readHeads, "--read-heads")
        ] {
            try NumericCheck.within(1...Self.largestSize, value, option)
        }
        if let usageDecay, !(usageDecay > 0 && usageDecay < 1) {
            throw ValidationError("--usage-decay must lie strictly between 0 and 1 (got \(usageDecay))")
        }
        if let memorySlots, let readHeads, readHeads > memorySlots {
            throw ValidationError("--read-heads \(readHeads) exceed the \(memorySlots) memory slots they write to")
        }
    }

    /// The first of these options that was given, for the error when the algorithm has no memory.
    var givenOption: String? {
        [
            (controllerUnits != nil, "--controller-units"), (memorySlots != nil, "--memory-slots"), (memoryWidth != nil, "--memory-width"),
            (readHeads != nil, "--read-heads"), (usageDecay != nil, "--usage-decay")
        ].first { $0.0 }?.1
    }

    /// `defaults` with the given options applied.
    func settings(over defaults: SequenceModelSettings) -> SequenceModelSettings {
        var s = defaults
        if let controllerUnits { s.controllerUnits = controllerUnits }
        if let memorySlots { s.memorySlots = memorySlots }
        if let memoryWidth { s.memoryWidth = memoryWidth }
        if let readHeads { s.readHeads = readHeads }
        if let usageDecay { s.usageDecay = usageDecay }
        return s
    }
}
