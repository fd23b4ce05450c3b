import FewShot
import Foundation

/// Where the pad's drawings are saved and loaded: `drawing-1.png`, `drawing-2.png`, ... in a
/// folder, as 105x105 greyscale PNGs with black ink on white, like Omniglot's own files.
public final class DrawingFiles: @unchecked Sendable {
    public let directory: URL
    /// The file name last saved or given to load first.
    public private(set) var lastName: String?

    /// The folder drawings go to unless the user names one: `drawings` in the data folder
    /// `episcope data` fills, never the current folder (a lecture is often started from a
    /// project or a home folder that should not fill with PNGs).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        DataLocation.installDirectory(environment: environment).appendingPathComponent("drawings")
    }

    /// Drawings in `directory`; `preload` names a PNG for `l` to load before any save.
    public init(directory: URL, preload: String? = nil) {
        self.directory = directory
        self.lastName = preload
    }

    /// Saves `pad` (creating the folder when missing); returns the line for the status bar,
    /// which names the folder.
    public func save(_ pad: DrawingPad) -> String {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return "cannot create \(directory.path): \(error.localizedDescription)"
        }
        var number = 1
        while FileManager.default.fileExists(atPath: directory.appendingPathComponent("drawing-\(number).png").path) { number += 1 }
        let name = "drawing-\(number).png"
        let pixels = pad.ink.map { $0 > 0 ? UInt8(0) : 255 }
        guard let png = PNGEncoder.greyscale(pixels, width: DrawingPad.side, height: DrawingPad.side) else { return "could not encode the drawing" }
        do {
            try AtomicFile.write(png, to: directory.appendingPathComponent(name))
            lastName = name
            return "saved \(name) in \(directory.path)"
        } catch {
            return "could not save \(name): \((error as? AtomicFile.WriteError)?.reason ?? "\(error)")"
        }
    }

    /// Why a drawing could not be loaded.
    public struct LoadError: Error { public var message: String }

    /// Loads the last saved (or preloaded) drawing.
    public func loadLatest() -> Result<DrawingPad, LoadError> {
        guard let name = lastName else { return .failure(LoadError(message: "no drawing saved yet (s saves)")) }
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : directory.appendingPathComponent(name)
        return Self.load(url)
    }

    /// Reads a 105x105 PNG into a pad.
    public static func load(_ url: URL) -> Result<DrawingPad, LoadError> {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(LoadError(message: "cannot read \(url.path)")) }
        do {
            let bitmap = try PNGDecoder.decodeInk(data)
            guard let pad = DrawingPad(pixels: bitmap.pixels, width: bitmap.width, height: bitmap.height) else {
                return .failure(LoadError(message: "\(url.lastPathComponent) is \(bitmap.width)x\(bitmap.height); the pad needs 105x105"))
            }
            return .success(pad)
        } catch {
            return .failure(LoadError(message: "\(url.lastPathComponent): \(error)"))
        }
    }
}
