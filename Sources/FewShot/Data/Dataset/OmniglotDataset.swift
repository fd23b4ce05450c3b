/// The 32,460 Omniglot drawings of the background and evaluation archives, decoded.
///
/// Characters are numbered globally in archive order (background alphabets first, each set sorted
/// by alphabet name, characters by number); character `c`'s 20 drawings are drawings
/// `20 c ..< 20 c + 20` of ``drawings``, in drawer order. (Omniglot's own character ids, the
/// numbers in the file names, follow a different order.)
public struct OmniglotDataset: Sendable, DrawingProvider {
    /// Every Omniglot character was drawn by 20 people.
    public static let drawingsPerCharacter = 20

    /// Which of Lake's two archives an alphabet comes from.
    public enum Set: String, Sendable, Hashable, Codable, CaseIterable {
        /// `images_background.zip`: 30 alphabets, used for meta-training in Lake's protocol.
        case background
        /// `images_evaluation.zip`: 20 alphabets, used for testing.
        case evaluation

        /// The archive's file name (and its top folder, without `.zip`).
        public var archiveName: String { "images_\(rawValue).zip" }
    }

    /// One alphabet and the global character indices it owns.
    public struct Alphabet: Sendable, Hashable, Codable {
        /// The folder name, e.g. `Japanese_(hiragana)`.
        public let name: String
        /// The archive it comes from.
        public let set: Set
        /// Its characters' global indices; character number n (1-based) is `characters.lowerBound + n - 1`.
        public let characters: Range<Int>
    }

    /// The alphabets, background ones first, each set sorted by name.
    public let alphabets: [Alphabet]
    /// For each character, the index of its alphabet in ``alphabets``.
    let alphabetOfCharacter: [Int]
    /// Omniglot's id of each character (the number in its file names, 1...1623).
    let characterIDs: [Int]
    /// All drawings, 20 per character, character-major.
    public let drawings: DrawingStore

    init(alphabets: [Alphabet], characterIDs: [Int], drawings: DrawingStore) {
        self.alphabets = alphabets
        self.characterIDs = characterIDs
        self.drawings = drawings
        var owner = [Int](repeating: 0, count: characterIDs.count)
        for (a, alphabet) in alphabets.enumerated() { for c in alphabet.characters { owner[c] = a } }
        alphabetOfCharacter = owner
    }

    /// The number of characters (1,623 for the full data).
    public var characterCount: Int { characterIDs.count }

    /// The alphabet that character `character` belongs to.
    public func alphabet(ofCharacter character: Int) -> Alphabet { alphabets[alphabetOfCharacter[character]] }

    /// The global index of character `number` (1-based, as in `character07`) of `alphabet`, if any.
    public func characterIndex(alphabet name: String, number: Int) -> Int? {
        guard let alphabet = alphabets.first(where: { $0.name == name }), number >= 1, number <= alphabet.characters.count else { return nil }
        return alphabet.characters.lowerBound + number - 1
    }

    /// The class identity of `character` seen at `rotation`.
    public func identity(ofCharacter character: Int, rotation: Rotation = .r0) -> ClassIdentity {
        let alphabet = alphabet(ofCharacter: character)
        return ClassIdentity(alphabet: alphabet.name, character: character - alphabet.characters.lowerBound + 1, rotation: rotation)
    }

    /// A reference to the drawing by drawer `drawer` (1...20) of `character`.
    public func ref(character: Int, drawer: Int, rotation: Rotation = .r0) -> DrawingRef {
        precondition(drawer >= 1 && drawer <= Self.drawingsPerCharacter, "OmniglotDataset: drawer \(drawer) out of 1...20")
        return DrawingRef(index: character * Self.drawingsPerCharacter + drawer - 1, rotation: rotation)
    }

    /// The character a drawing belongs to.
    public func character(of ref: DrawingRef) -> Int { Int(ref.index) / Self.drawingsPerCharacter }

    /// The drawing's path inside its archive, e.g. `images_evaluation/Angelic/character01/0965_03.png`.
    public func entryPath(of ref: DrawingRef) -> String {
        let character = character(of: ref)
        let alphabet = alphabet(ofCharacter: character)
        let number = character - alphabet.characters.lowerBound + 1
        let drawer = Int(ref.index) % Self.drawingsPerCharacter + 1
        return
            "images_\(alphabet.set.rawValue)/\(alphabet.name)/character\(twoDigits(number))/\(fourDigits(characterIDs[character]))_\(twoDigits(drawer)).png"
    }
}

/// `7` as `07`: Omniglot's folder and file names are zero-padded.
func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
/// `965` as `0965`.
func fourDigits(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
