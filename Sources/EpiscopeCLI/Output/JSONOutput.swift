import Foundation

/// Every `--json` of the program: `Encodable` values through one encoder, so a path with a quote
/// or a backslash is escaped, a slash is not, and keys come in one order.
enum JSONOutput {
    /// One indented object (a listing a person reads as well).
    static func pretty(_ value: some Encodable) throws -> String {
        try encode(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// One object on one line (a record among others, as `bench` prints them).
    static func line(_ value: some Encodable) throws -> String {
        try encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func encode(_ value: some Encodable, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
