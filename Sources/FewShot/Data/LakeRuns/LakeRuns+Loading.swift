import Foundation

extension LakeRuns {
    /// Reads `all_runs.zip` from `location`. With `dataset`, each training image is matched
    /// pixel for pixel to its drawing in the evaluation archive, so classes get their real
    /// alphabet and character; without it they are named `runNN` / class number.
    public static func load(from location: DataLocation, matching dataset: OmniglotDataset? = nil) throws -> LakeRuns {
        let url = location.runsArchive
        let path = url.path
        var bytes: [String: Data] = [:]
        for file in try ZipReader.readFiles(at: url, where: { $0.hasSuffix(".png") || $0.hasSuffix("class_labels.txt") }) {
            bytes[file.path] = file.data
        }
        var bitmaps: [Bitmap] = []
        bitmaps.reserveCapacity(runCount * 2 * perRun)
        for run in 1...runCount {
            for name in imageNames(run) {
                guard let data = bytes[name] else { throw OmniglotError.unexpectedLayout(path: path, reason: "missing entry \(name)") }
                let bitmap: Bitmap
                do { bitmap = try PNGDecoder.decodeInk(data) } catch let error as PNGError {
                    throw OmniglotError.badImage(archive: path, entry: name, reason: error)
                }
                guard bitmap.width == DrawingStore.side, bitmap.height == DrawingStore.side else {
                    throw OmniglotError.badImage(
                        archive: path, entry: name,
                        reason: .wrongSize(
                            width: bitmap.width, height: bitmap.height, expectedWidth: DrawingStore.side, expectedHeight: DrawingStore.side))
                }
                bitmaps.append(bitmap)
            }
        }
        let store = DrawingStore(bitmaps: bitmaps)
        let finder = dataset.map { DrawingFinder(dataset: $0, set: .evaluation) }
        var runs: [Run] = []
        for run in 1...runCount {
            let labels = try queryLabels(run: run, text: bytes["\(runFolder(run))/class_labels.txt"], archive: path)
            let base = (run - 1) * 2 * perRun
            let classes = (0..<perRun).map { c -> Episode.Class in
                let ref = DrawingRef(index: base + c)
                let identity =
                    finder.flatMap { $0.identity(of: store, index: base + c) }
                    ?? ClassIdentity(alphabet: runFolder(run), character: c + 1)
                return Episode.Class(identity: identity, support: [ref])
            }
            let queries = (0..<perRun).map { DrawingRef(index: base + perRun + $0) }
            let alphabets = Swift.Set(classes.map(\.identity.alphabet))
            let alphabet = finder != nil && alphabets.count == 1 ? alphabets.first : nil
            runs.append(Run(number: run, episode: Episode(classes: classes, queries: queries, queryLabels: labels), alphabet: alphabet))
        }
        return LakeRuns(runs: runs, drawings: store)
    }

    static func runFolder(_ run: Int) -> String { "run\(twoDigits(run))" }

    /// The run's entries in store order: training class01...20, then test item01...20.
    private static func imageNames(_ run: Int) -> [String] {
        (1...perRun).map { "\(runFolder(run))/training/class\(twoDigits($0)).png" }
            + (1...perRun).map { "\(runFolder(run))/test/item\(twoDigits($0)).png" }
    }

    /// Parses `class_labels.txt`: `runNN/test/itemXX.png runNN/training/classYY.png` a line,
    /// giving each test item's true class (0-based).
    private static func queryLabels(run: Int, text data: Data?, archive: String) throws -> [Int] {
        let entry = "\(runFolder(run))/class_labels.txt"
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw OmniglotError.unexpectedLayout(path: archive, reason: "missing or unreadable entry \(entry)")
        }
        var labels = [Int?](repeating: nil, count: perRun)
        for (offset, line) in text.split(whereSeparator: \.isNewline).enumerated() where !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, let item = number(in: fields[0], after: "/test/item"),
                let cls = number(in: fields[1], after: "/training/class"), (1...perRun).contains(item), (1...perRun).contains(cls)
            else { throw OmniglotError.unexpectedLayout(path: archive, reason: "\(entry) line \(offset + 1) is malformed: \(line)") }
            labels[item - 1] = cls - 1
        }
        guard labels.allSatisfy({ $0 != nil }) else {
            throw OmniglotError.unexpectedLayout(path: archive, reason: "\(entry) does not label all \(perRun) test items")
        }
        return labels.map { $0! }
    }

    /// 17 from `run01/test/item17.png` after `/test/item`.
    private static func number(in field: Substring, after marker: String) -> Int? {
        guard let range = field.range(of: marker), field.hasSuffix(".png") else { return nil }
        return Int(field[range.upperBound...].dropLast(4))
    }
}
