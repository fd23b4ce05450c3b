import Foundation

/// What a data folder holds, checked by content: `episcope data` prints it.
public struct DataInventory: Sendable, Codable, Equatable {
    /// One file's summary.
    public struct Item: Sendable, Codable, Equatable {
        /// Path inside the folder.
        public var file: String
        /// For image archives: alphabets, characters, drawings. For runs: runs and drawings.
        /// For splits: classes.
        public var alphabets: Int?, characters: Int?, drawings: Int?, runs: Int?, classes: Int?
        /// Where it came from: `download`, `mirror` or `present`.
        public var source: String
    }

    /// The folder described.
    public var directory: String
    /// Its files.
    public var items: [Item]

    /// Checks `file` inside `folder` against its expectation and summarises it; throws an
    /// ``OmniglotError`` naming the file when the content is wrong.
    static func check(_ file: DataFile, at url: URL, source: String) throws -> Item {
        var item = Item(file: file.name, source: source)
        switch file.expected {
        case .images(let alphabets, let characters, let drawings):
            let layout = try ArchiveLayout(paths: ZipReader.listFiles(at: url), archive: url.path)
            item.alphabets = layout.alphabets.count
            item.characters = layout.characterCount
            item.drawings = layout.drawingCount
            guard (item.alphabets, item.characters, item.drawings) == (alphabets, characters, drawings) else {
                throw OmniglotError.unexpectedLayout(
                    path: url.path,
                    reason:
                        "has \(layout.alphabets.count) alphabets, \(layout.characterCount) characters, \(layout.drawingCount) drawings; expected \(alphabets), \(characters), \(drawings)"
                )
            }
        case .runs:
            let paths = try ZipReader.listFiles(at: url)
            let pngs = paths.filter { $0.hasSuffix(".png") }.count
            let labels = paths.filter { $0.hasSuffix("class_labels.txt") }.count
            item.runs = labels
            item.drawings = pngs
            guard pngs == 800, labels == 20 else {
                throw OmniglotError.unexpectedLayout(path: url.path, reason: "has \(pngs) images and \(labels) label files; expected 800 and 20")
            }
        case .split(let classes):
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw OmniglotError.missingFile(path: url.path)
            }
            let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            item.classes = lines.count
            guard lines.count == classes else {
                throw OmniglotError.badSplit(path: url.path, line: lines.count, reason: "has \(lines.count) classes, expected \(classes)")
            }
        }
        return item
    }
}
