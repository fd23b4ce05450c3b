/// The explorer's screens, in tab order (the digit keys 1 to 7 follow this order).
public enum ScreenID: Int, CaseIterable, Sendable, Hashable {
    case episode, prototypes, inner, sine, training, compare, memory

    /// The tab title.
    public var title: String {
        switch self {
        case .episode: return "Episode"
        case .prototypes: return "Prototypes"
        case .inner: return "Inner loop"
        case .sine: return "Sine"
        case .training: return "Training"
        case .compare: return "Compare"
        case .memory: return "Memory"
        }
    }

    /// The tab title where the row is narrow (80 columns).
    public var shortTitle: String {
        switch self {
        case .prototypes: return "Protos"
        case .inner: return "Inner"
        default: return title
        }
    }

    /// The name `episcope render --screen` accepts.
    public var commandName: String {
        switch self {
        case .episode: return "episode"
        case .prototypes: return "prototypes"
        case .inner: return "inner"
        case .sine: return "sine"
        case .training: return "training"
        case .compare: return "compare"
        case .memory: return "memory"
        }
    }

    /// The screen called `name` on the command line, if any.
    public init?(commandName name: String) {
        guard let match = ScreenID.allCases.first(where: { $0.commandName == name.lowercased() }) else { return nil }
        self = match
    }

    /// The next screen in tab order, wrapping around.
    public var next: ScreenID { ScreenID(rawValue: (rawValue + 1) % ScreenID.allCases.count)! }
    /// The previous screen in tab order, wrapping around.
    public var previous: ScreenID {
        ScreenID(rawValue: (rawValue + ScreenID.allCases.count - 1) % ScreenID.allCases.count)!
    }
}
