import ArgumentParser

/// `--test-setting WAYSxSHOTS`: an N-way K-shot setting, e.g. `5x1`.
struct EpisodeSetting: Equatable, CustomStringConvertible, ExpressibleByArgument {
    var ways: Int
    var shots: Int

    /// Parses `5x1`; the error says what is wanted, for `@Option(transform:)`.
    init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let ways = Int(parts[0]), let shots = Int(parts[1]) else {
            throw ValidationError("wants WAYSxSHOTS, e.g. 5x1")
        }
        // One way is no classification, and a class needs at least one example to be learned from.
        guard ways >= 2, shots >= 1 else { throw ValidationError("wants at least 2 ways and 1 shot, e.g. 5x1") }
        (self.ways, self.shots) = (ways, shots)
    }

    init?(argument: String) { try? self.init(parsing: argument) }

    var description: String { "\(ways)x\(shots)" }
    var defaultValueDescription: String { description }
}
