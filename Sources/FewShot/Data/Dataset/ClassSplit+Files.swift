import Foundation

extension ClassSplit {
    /// Parses a Vinyals list: one `<Alphabet>/characterNN/rotDDD` a line.
    static func vinyalsClasses(file: URL, dataset: OmniglotDataset) throws -> [Class] {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw OmniglotError.missingFile(path: file.path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OmniglotError.badSplit(path: file.path, line: 1, reason: "not UTF-8 text")
        }
        var classes: [Class] = []
        var seen = Set<ClassIdentity>()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parts = line.split(separator: "/")
            guard parts.count == 3, parts[1].hasPrefix("character"), let number = Int(parts[1].dropFirst("character".count)),
                parts[2].hasPrefix("rot"), let degrees = Int(parts[2].dropFirst(3)), let rotation = Rotation(degrees: degrees)
            else {
                throw OmniglotError.badSplit(path: file.path, line: offset + 1, reason: "expected <Alphabet>/characterNN/rotDDD, got \"\(line)\"")
            }
            guard let character = dataset.characterIndex(alphabet: String(parts[0]), number: number) else {
                throw OmniglotError.badSplit(path: file.path, line: offset + 1, reason: "class \(line) is not in the archives")
            }
            let identity = ClassIdentity(alphabet: String(parts[0]), character: number, rotation: rotation)
            guard seen.insert(identity).inserted else {
                throw OmniglotError.badSplit(path: file.path, line: offset + 1, reason: "class \(line) is listed twice")
            }
            classes.append(Class(identity: identity, character: character))
        }
        guard !classes.isEmpty else { throw OmniglotError.badSplit(path: file.path, line: 1, reason: "no classes") }
        return classes
    }

    /// The characters of a small background archive, matched to the full dataset by alphabet,
    /// character number and Omniglot id.
    static func smallClasses(archive: URL, dataset: OmniglotDataset) throws -> [Class] {
        let layout = try ArchiveLayout(paths: ZipReader.listFiles(at: archive), archive: archive.path)
        var classes: [Class] = []
        for alphabet in layout.alphabets {
            for character in alphabet.characters {
                guard let index = dataset.characterIndex(alphabet: alphabet.name, number: character.number),
                    dataset.characterIDs[index] == character.id
                else {
                    throw OmniglotError.unexpectedLayout(
                        path: archive.path, reason: "\(alphabet.name)/character\(twoDigits(character.number)) does not match images_background.zip")
                }
                classes.append(Class(identity: dataset.identity(ofCharacter: index), character: index))
            }
        }
        return classes
    }
}
