/// The alphabet / character / drawing structure of one Omniglot image archive, read from its
/// entry paths (`<top>/<Alphabet>/characterNN/<id>_<drawer>.png`) and checked for gaps.
struct ArchiveLayout: Sendable, Equatable {
    struct Character: Sendable, Equatable {
        var number: Int
        var id: Int
        /// Index into the listed entries of drawer 1...20's file.
        var entries: [Int]
    }
    struct Alphabet: Sendable, Equatable {
        var name: String
        var characters: [Character]
    }

    var alphabets: [Alphabet]

    var characterCount: Int { alphabets.reduce(0) { $0 + $1.characters.count } }
    var drawingCount: Int { characterCount * OmniglotDataset.drawingsPerCharacter }

    /// Parses entry paths; `archive` names the file in errors. Paths outside the pattern (other
    /// than PNGs) are ignored; a PNG with a malformed path, a character without exactly 20
    /// drawings, or character numbers with gaps make the archive invalid.
    init(paths: [String], archive: String) throws {
        var byAlphabet: [String: [Int: Character]] = [:]
        for (index, path) in paths.enumerated() where path.hasSuffix(".png") {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[2].hasPrefix("character"), let number = Int(parts[2].dropFirst("character".count)),
                let (id, drawer) = Self.parseFileName(parts[3])
            else { throw OmniglotError.unexpectedLayout(path: archive, reason: "entry \(path) is not <set>/<alphabet>/characterNN/<id>_NN.png") }
            guard (1...OmniglotDataset.drawingsPerCharacter).contains(drawer) else {
                throw OmniglotError.unexpectedLayout(path: archive, reason: "entry \(path): drawer \(drawer) is outside 01...20")
            }
            let alphabet = String(parts[1])
            var character = byAlphabet[alphabet, default: [:]][number] ?? Character(number: number, id: id, entries: Array(repeating: -1, count: 20))
            guard character.id == id else {
                throw OmniglotError.unexpectedLayout(
                    path: archive, reason: "entry \(path): id \(id) differs from its folder's other drawings (\(character.id))")
            }
            guard character.entries[drawer - 1] < 0 else {
                throw OmniglotError.unexpectedLayout(path: archive, reason: "entry \(path) appears twice")
            }
            character.entries[drawer - 1] = index
            byAlphabet[alphabet, default: [:]][number] = character
        }
        alphabets = try byAlphabet.keys.sorted().map { name in
            let characters = byAlphabet[name]!.values.sorted { $0.number < $1.number }
            for (offset, character) in characters.enumerated() {
                guard character.number == offset + 1 else {
                    throw OmniglotError.unexpectedLayout(path: archive, reason: "\(name) has no character\(twoDigits(offset + 1))")
                }
                if let missing = character.entries.firstIndex(of: -1) {
                    throw OmniglotError.unexpectedLayout(
                        path: archive, reason: "\(name)/character\(twoDigits(character.number)) lacks drawing \(twoDigits(missing + 1))")
                }
            }
            return Alphabet(name: name, characters: characters)
        }
        guard !alphabets.isEmpty else { throw OmniglotError.unexpectedLayout(path: archive, reason: "no drawings found") }
    }

    /// `0965_03.png` -> (965, 3).
    private static func parseFileName(_ name: Substring) -> (Int, Int)? {
        guard name.hasSuffix(".png") else { return nil }
        let stem = name.dropLast(4).split(separator: "_")
        guard stem.count == 2, let id = Int(stem[0]), let drawer = Int(stem[1]) else { return nil }
        return (id, drawer)
    }
}
