/// Carries out effects and hands back the actions they produce. The live app runs them on
/// background threads (`BackgroundRunner`); `episcope render`, the tests and the benchmark
/// run them inline (`InlineRunner`) so a screen is fully computed before it is drawn.
public protocol EffectRunner: AnyObject {
    /// Queues effects; never blocks the caller for long.
    func submit(_ effects: [Effect])
    /// The actions produced since the last call, oldest first.
    func drain() -> [Action]
    /// Whether work is under way whose answers are still to come (so the loop polls often).
    var isBusy: Bool { get }
}

/// The actions a worker has produced and the UI has not yet taken.
final class Outbox: @unchecked Sendable {
    private let actions = Locked<[Action]>([])
    private let training = Locked<[TrainingUpdate]>([])

    func post(_ action: Action) { actions.withLock { $0.append(action) } }
    func post(_ update: TrainingUpdate) { training.withLock { $0.append(update) } }

    /// Everything posted, training updates folded into one action so a fast run (thousands
    /// of iterations a second) costs the UI one update per frame.
    func take() -> [Action] {
        var taken = actions.withLock { list -> [Action] in
            defer { list.removeAll(keepingCapacity: true) }; return list
        }
        let updates = training.withLock { list -> [TrainingUpdate] in
            defer { list.removeAll(keepingCapacity: true) }; return list
        }
        if !updates.isEmpty { taken.append(.trainingEvents(updates)) }
        return taken
    }
}
