import ArgumentParser

/// `--size WIDTHxHEIGHT`: a screen size in terminal cells.
struct TerminalSize: Equatable, CustomStringConvertible, ExpressibleByArgument {
    /// The widths and heights accepted: beyond these a screen is no terminal's.
    static let widths = 1...1000, heights = 1...500

    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `100x30`; the error says what is wanted, for `@Option(transform:)`.
    init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), Self.widths.contains(w), Self.heights.contains(h) else {
            throw ValidationError(
                "wants WIDTHxHEIGHT between \(Self.widths.lowerBound)x\(Self.heights.lowerBound) and "
                    + "\(Self.widths.upperBound)x\(Self.heights.upperBound), e.g. 100x30")
        }
        self.init(width: w, height: h)
    }

    init?(argument: String) { try? self.init(parsing: argument) }

    var description: String { "\(width)x\(height)" }
    var defaultValueDescription: String { description }
}
