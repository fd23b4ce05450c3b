/// Why a PNG could not be read. The archive reader adds the file and entry names.
public enum PNGError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes do not start with the PNG signature.
    case notPNG
    /// The data ends inside a chunk or before the IEND chunk.
    case truncated
    /// A chunk's stored CRC does not match its contents.
    case badCRC(chunk: String)
    /// The header names a color type, bit depth or interlace method this reader does not handle.
    case unsupported(String)
    /// The compressed image data is corrupt or has the wrong length.
    case corruptData(String)
    /// The image has a size other than the one the caller requires.
    case wrongSize(width: Int, height: Int, expectedWidth: Int, expectedHeight: Int)

    public var description: String {
        switch self {
        case .notPNG: return "not a PNG file (bad signature)"
        case .truncated: return "PNG data is truncated"
        case .badCRC(let chunk): return "PNG chunk \(chunk) has a bad CRC"
        case .unsupported(let what): return "unsupported PNG: \(what)"
        case .corruptData(let why): return "corrupt PNG image data: \(why)"
        case .wrongSize(let w, let h, let ew, let eh): return "PNG is \(w)x\(h), expected \(ew)x\(eh)"
        }
    }
}
