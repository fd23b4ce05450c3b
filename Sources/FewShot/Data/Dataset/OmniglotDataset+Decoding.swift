import Foundation

extension OmniglotDataset {
    /// Decodes both archives of `location` from scratch (no cache): reads every entry into
    /// memory, then decodes the PNGs on all cores.
    public static func decode(from location: DataLocation) throws -> OmniglotDataset {
        try decode(archives: Set.allCases.map { ($0, location.directory.appendingPathComponent($0.archiveName)) })
    }

    /// Decodes the one Omniglot image archive at `url` as the archive of `set`: the zip, its
    /// entry layout and every drawing are checked as ``decode(from:)`` checks them, which lets
    /// the fuzzer reach all three readers with one file.
    public static func decode(archive url: URL, set: Set) throws -> OmniglotDataset {
        try decode(archives: [(set, url)])
    }

    /// Reads and checks each archive in turn (a broken first archive is reported before a
    /// missing second one), then decodes all drawings.
    private static func decode(archives: [(set: Set, url: URL)]) throws -> OmniglotDataset {
        var alphabets: [Alphabet] = []
        var characterIDs: [Int] = []
        var sources: [(archive: String, files: [ZipReader.File], layout: ArchiveLayout)] = []
        for (set, url) in archives {
            let name = url.path
            let files = try ZipReader.readFiles(at: url) { $0.hasSuffix(".png") }
            let layout = try ArchiveLayout(paths: files.map(\.path), archive: name)
            for alphabet in layout.alphabets {
                let first = characterIDs.count
                characterIDs += alphabet.characters.map(\.id)
                alphabets.append(Alphabet(name: alphabet.name, set: set, characters: first..<characterIDs.count))
            }
            sources.append((name, files, layout))
        }
        // Work items in global drawing order: (archive, file index) of each slot.
        var work: [(source: Int, file: Int)] = []
        work.reserveCapacity(characterIDs.count * drawingsPerCharacter)
        for (s, source) in sources.enumerated() {
            for alphabet in source.layout.alphabets { for character in alphabet.characters { for e in character.entries { work.append((s, e)) } } }
        }
        let store = try decodeDrawings(work: work, sources: sources.map { ($0.archive, $0.files) })
        return OmniglotDataset(alphabets: alphabets, characterIDs: characterIDs, drawings: store)
    }

    /// Decodes `work` (one PNG per drawing slot) in parallel into a new store.
    private static func decodeDrawings(work: [(source: Int, file: Int)], sources: [(archive: String, files: [ZipReader.File])]) throws -> DrawingStore
    {
        let count = work.count
        var packed = [UInt8](repeating: 0, count: count * DrawingStore.packedBytes)
        var levels = [UInt8](repeating: 0, count: count * DrawingStore.imageBytes)
        let chunks = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        try packed.withUnsafeMutableBufferPointer { p in
            try levels.withUnsafeMutableBufferPointer { l in
                let packedOut = SharedBuffer(base: p), levelsOut = SharedBuffer(base: l)
                try concurrentChunks(chunks) { chunk in
                    var sums = [Int32](repeating: 0, count: DrawingStore.imageBytes)
                    try sums.withUnsafeMutableBufferPointer { scratch in
                        for slot in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                            let (archive, files) = sources[work[slot].source]
                            let file = files[work[slot].file]
                            let bitmap: Bitmap
                            do {
                                bitmap = try PNGDecoder.decodeInk(file.data)
                            } catch let error as PNGError {
                                throw OmniglotError.badImage(archive: archive, entry: file.path, reason: error)
                            }
                            guard bitmap.width == DrawingStore.side, bitmap.height == DrawingStore.side else {
                                throw OmniglotError.badImage(
                                    archive: archive, entry: file.path,
                                    reason: .wrongSize(
                                        width: bitmap.width, height: bitmap.height, expectedWidth: DrawingStore.side,
                                        expectedHeight: DrawingStore.side))
                            }
                            bitmap.pixels.withUnsafeBufferPointer { px in
                                DrawingStore.encode(
                                    px, packedInto: packedOut.slice((slot * DrawingStore.packedBytes)..<((slot + 1) * DrawingStore.packedBytes)),
                                    levelsInto: levelsOut.slice((slot * DrawingStore.imageBytes)..<((slot + 1) * DrawingStore.imageBytes)),
                                    scratch: scratch)
                            }
                        }
                    }
                }
            }
        }
        return DrawingStore(count: count, packed: packed, levels28: levels)
    }
}
