/// What a class is: a character of an alphabet, seen at a rotation (the Vinyals splits count each
/// rotation of a character as a class of its own).
public struct ClassIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The alphabet's folder name.
    public let alphabet: String
    /// The character's number within its alphabet, 1-based (`character07` is 7).
    public let character: Int
    /// The rotation, counterclockwise.
    public let rotation: Rotation

    /// A class identity.
    public init(alphabet: String, character: Int, rotation: Rotation = .r0) {
        self.alphabet = alphabet
        self.character = character
        self.rotation = rotation
    }

    /// The split-file spelling, e.g. `Angelic/character01/rot090`.
    public var description: String {
        let degrees = rotation.degrees
        return "\(alphabet)/character\(twoDigits(character))/rot\(degrees < 10 ? "00" : degrees < 100 ? "0" : "")\(degrees)"
    }
}
