import ArgumentParser

/// The checks behind every numeric option, run from the commands' `validate()` so that a bad
/// count is one line naming the option before anything is loaded or trained. The options
/// themselves parse `.unconditional`ly, or `-5` would read as an unknown flag and the error
/// would be "Missing value" instead of this.
enum NumericCheck {
    /// `value`, when given, is 1 or more.
    static func positive(_ value: Int?, _ option: String) throws {
        if let value, value < 1 { throw ValidationError("\(option) must be positive (got \(value))") }
    }

    /// `value`, when given, is 0 or more.
    static func notNegative(_ value: Int?, _ option: String) throws {
        if let value, value < 0 { throw ValidationError("\(option) must be 0 or more (got \(value))") }
    }

    /// `value`, when given, is a finite number above 0.
    static func positive(_ value: Float?, _ option: String) throws {
        if let value, !(value > 0 && value.isFinite) { throw ValidationError("\(option) must be a positive number (got \(value))") }
    }

    /// `value`, when given, lies in `range`; `why` says where the bounds come from.
    static func within(_ range: ClosedRange<Int>, _ value: Int?, _ option: String, why: String? = nil) throws {
        if let value, !range.contains(value) {
            throw ValidationError("\(option) must be \(range.lowerBound)...\(range.upperBound) (got \(value))" + (why.map { ": \($0)" } ?? ""))
        }
    }
}
