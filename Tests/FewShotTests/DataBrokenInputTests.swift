import Foundation
import TestSupport
import Testing

@testable import FewShot

/// Every broken input is built here, in a temporary folder: each must give one clear error
/// naming the file, never a crash, and never leave a cache file behind.
@Suite("Broken inputs")
struct DataBrokenInputTests {
    /// A valid 105x105 drawing: a filled square with a diagonal.
    static let drawing: Bitmap = {
        var pixels = [UInt8](repeating: 0, count: 105 * 105)
        for y in 20..<60 { for x in 30..<70 { pixels[y * 105 + x] = 1 } }
        for i in 0..<105 { pixels[i * 105 + i] = 1 }
        return Bitmap(width: 105, height: 105, pixels: pixels)
    }()

    /// A folder with small but valid background and evaluation archives.
    static func validFolder(_ name: String = #function, tamperBackground: @escaping (String, Data) -> Data = { $1 }) throws -> URL {
        let folder = try TestData.temporaryFolder(name)
        _ = try DataTestZipWriter.omniglotArchive(set: "background", in: folder, characters: 2, drawing: drawing, tamper: tamperBackground)
        _ = try DataTestZipWriter.omniglotArchive(set: "evaluation", in: folder, alphabet: "Other", characters: 1, firstID: 3, drawing: drawing)
        return folder
    }

    @Test("a valid hand-made folder loads, and the cache round-trips it")
    func valid() throws {
        let folder = try Self.validFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DatasetCache(directory: folder.appendingPathComponent("cache"))
        let first = try OmniglotDataset.load(from: DataLocation(directory: folder), cache: cache) { Issue.record("warning: \($0)") }
        #expect(first.drawings.count == 60 && first.alphabets.map(\.name) == ["Testish", "Other"])
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory!.path)
        #expect(files.count == 1 && files[0].hasPrefix("omniglot-v1-"))
        let second = try OmniglotDataset.load(from: DataLocation(directory: folder), cache: cache)
        #expect(second.drawings.packed == first.drawings.packed && second.drawings.levels28 == first.drawings.levels28)
        #expect(second.alphabets == first.alphabets && second.characterIDs == first.characterIDs)
        #expect(second.bitmap(DrawingRef(index: 5)) == Self.drawing)
    }

    @Test("a missing archive names the file")
    func missingArchive() throws {
        let folder = try Self.validFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let evaluation = folder.appendingPathComponent("images_evaluation.zip")
        try FileManager.default.removeItem(at: evaluation)
        #expect(throws: OmniglotError.missingFile(path: evaluation.path)) {
            try OmniglotDataset.load(from: DataLocation(directory: folder), cache: .disabled)
        }
        #expect(throws: OmniglotError.self) { try DataLocation.resolve(explicit: folder.path) }
    }

    @Test("a truncated zip is a corrupt-archive error naming it")
    func truncatedZip() throws {
        let folder = try Self.validFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let background = folder.appendingPathComponent("images_background.zip")
        let bytes = try Data(contentsOf: background)
        try bytes.prefix(bytes.count / 2).write(to: background)
        let error = #expect(throws: OmniglotError.self) { try OmniglotDataset.decode(from: DataLocation(directory: folder)) }
        guard case .corruptArchive(let path, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(path == background.path)
    }

    @Test("a real archive with flipped bytes fails with its name, not a crash")
    func corruptedRealZip() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: try TestData.omniglot().smallArchive(1)))
        for i in stride(from: 5_000, to: 600_000, by: 997) { bytes[i] ^= 0x5A }
        let url = folder.appendingPathComponent("images_background_small1.zip")
        try Data(bytes).write(to: url)
        let error = #expect(throws: OmniglotError.self) { _ = try ZipReader.readFiles(at: url) { $0.hasSuffix(".png") } }
        #expect(error.map { "\($0)" }?.contains(url.path) == true)
    }

    @Test("a PNG with a bad CRC names the archive and the entry")
    func badCRC() throws {
        let victim = "images_background/Testish/character02/0002_07.png"
        let folder = try Self.validFolder { path, data in
            guard path == victim else { return data }
            var bytes = [UInt8](data)
            bytes[50] ^= 0x01  // inside the IDAT body
            return Data(bytes)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DatasetCache(directory: folder.appendingPathComponent("cache"))
        #expect(
            throws: OmniglotError.badImage(
                archive: folder.appendingPathComponent("images_background.zip").path, entry: victim, reason: .badCRC(chunk: "IDAT"))
        ) {
            try OmniglotDataset.load(from: DataLocation(directory: folder), cache: cache)
        }
        #expect(!FileManager.default.fileExists(atPath: cache.directory!.path))
    }

    @Test("a PNG of the wrong size names the entry")
    func wrongSize() throws {
        let victim = "images_background/Testish/character01/0001_20.png"
        let small = DataTestPNGWriter.omniglotPNG(Bitmap(width: 104, height: 105, pixels: Array(repeating: 0, count: 104 * 105)))
        let folder = try Self.validFolder { path, data in path == victim ? small : data }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            throws: OmniglotError.badImage(
                archive: folder.appendingPathComponent("images_background.zip").path, entry: victim,
                reason: .wrongSize(width: 104, height: 105, expectedWidth: 105, expectedHeight: 105))
        ) {
            try OmniglotDataset.decode(from: DataLocation(directory: folder))
        }
    }

    @Test("a character missing a drawing is a layout error")
    func missingDrawing() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = DataTestPNGWriter.omniglotPNG(Self.drawing)
        let entries = (1...19).map { ("images_background/A/character01/0001_\(twoDigits($0)).png", png) }
        let url = folder.appendingPathComponent("images_background.zip")
        try DataTestZipWriter.write(entries, to: url)
        #expect(throws: OmniglotError.unexpectedLayout(path: url.path, reason: "A/character01 lacks drawing 20")) {
            try OmniglotDataset.decode(from: DataLocation(directory: folder))
        }
    }

    @Test("an unwritable cache folder warns once and the load still succeeds")
    func unwritableCache() throws {
        let folder = try Self.validFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A path under a regular file can never be created, even by root.
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let cache = DatasetCache(directory: blocker.appendingPathComponent("cache"))
        let warnings = WarningLog()
        for _ in 0..<3 {
            let data = try OmniglotDataset.load(from: DataLocation(directory: folder), cache: cache) { warnings.append($0) }
            #expect(data.drawings.count == 60)
        }
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains(blocker.path) == true)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "images_background.zip", "images_evaluation.zip", "not-a-folder"
            ])
    }

    @Test("a damaged cache file is ignored and rewritten")
    func damagedCache() throws {
        let folder = try Self.validFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DatasetCache(directory: folder.appendingPathComponent("cache"))
        let location = DataLocation(directory: folder)
        _ = try OmniglotDataset.load(from: location, cache: cache)
        let file = cache.directory!.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: cache.directory!.path)[0])
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count - 10).write(to: file)
        #expect(try OmniglotDataset.load(from: location, cache: cache).drawings.count == 60)
        #expect(try Data(contentsOf: file).count == bytes.count)
    }
}

/// Collects warnings from the loader.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
