/// An episode request that cannot be met by the chosen split.
public enum EpisodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More classes were asked for than the split (or any single alphabet of it) has.
    case tooFewClasses(split: String, requested: Int, available: Int, withinAlphabet: Bool)
    /// Support plus query drawings per class exceed the 20 drawings a character has.
    case tooManyDrawings(shots: Int, queries: Int, available: Int)
    /// A count that must be positive is not.
    case invalidCount(name: String, value: Int)

    public var description: String {
        switch self {
        case .tooFewClasses(let split, let requested, let available, let within):
            return within
                ? "split \(split): no alphabet has \(requested) classes for a within-alphabet episode (the largest has \(available))"
                : "split \(split) has \(available) classes, fewer than the \(requested) ways asked for"
        case .tooManyDrawings(let shots, let queries, let available):
            return "\(shots) shots + \(queries) queries per class exceed the \(available) drawings of each character"
        case .invalidCount(let name, let value):
            return "\(name) must be at least 1 (got \(value))"
        }
    }
}
