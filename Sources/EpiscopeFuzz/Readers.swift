import FewShot
import Foundation
import Lecture

/// The readers of outside bytes, each fed one input the way Episcope feeds it a file. A reader
/// may reject an input (that is its job); it must never crash, hang or allocate without bound.
enum Reader: String, CaseIterable {
    /// PNG drawings (``PNGDecoder``).
    case png
    /// An Omniglot image archive: the zip, its entry layout, then every drawing in it.
    case zip
    /// A safetensors file read as a model checkpoint, metadata included.
    case safetensors
    /// A decoded-drawings cache file.
    case cache
    /// A lecture file.
    case lecture

    /// Where the zip reader's input is written: one file per process, rewritten for each input.
    static let scratchArchive = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-fuzz-\(getpid()).zip")

    /// Reads `data`; returns what the reader made of it, in one line.
    func read(_ data: Data) -> String {
        do {
            switch self {
            case .png:
                let bitmap = try PNGDecoder.decodeInk(data)
                return "ok: \(bitmap.width)x\(bitmap.height)"
            case .zip:
                // Through a file, as Episcope reads archives (ZipReader explains why).
                try data.write(to: Self.scratchArchive)
                let dataset = try OmniglotDataset.decode(archive: Self.scratchArchive, set: .background)
                return "ok: \(dataset.drawings.count) drawings"
            case .safetensors:
                // The tensors alone first, so inputs the checkpoint rejects still exercise them.
                let contents = try SafeTensors.decode(data, path: "fuzz.safetensors")
                let checkpoint = try ModelCheckpoint.decode(data, path: "fuzz.safetensors")
                return "ok: \(contents.tensors.count) tensors, \(checkpoint.architecture)"
            case .cache:
                // The key a cache file must carry comes from the file's own header (bytes 16..<24),
                // so inputs get past the key check and reach the metadata and drawings.
                let key =
                    data.count >= 24 ? data[data.startIndex + 16..<data.startIndex + 24].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : 0
                guard let dataset = DatasetCache.decode(data, key: key) else { return "rejected: not a cache file" }
                return "ok: \(dataset.drawings.count) drawings"
            case .lecture:
                // `LectureParser.load(path:)` rejects bytes that are not UTF-8 before parsing.
                guard let text = String(data: data, encoding: .utf8) else { return "rejected: not UTF-8" }
                let lecture = try LectureParser.parse(text, source: "fuzz.lecture")
                return "ok: \(lecture.steps.count) steps"
            }
        } catch {
            return "rejected: \(error)"
        }
    }
}
