/// A problem with the Omniglot files that the user can fix: every case names the file involved.
public enum OmniglotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No folder with the archives was found; `searched` lists the folders tried, in order.
    case dataNotFound(searched: [String])
    /// A file the operation needs is missing.
    case missingFile(path: String)
    /// A zip archive could not be opened or read (truncated, corrupt, unreadable).
    case corruptArchive(path: String, reason: String)
    /// An entry of an archive failed to decode.
    case badImage(archive: String, entry: String, reason: PNGError)
    /// An archive opened fine but does not have Omniglot's layout or counts.
    case unexpectedLayout(path: String, reason: String)
    /// A split file has a line that is malformed or names a class the archives lack.
    case badSplit(path: String, line: Int, reason: String)
    /// A split name or part this program does not know.
    case unknownSplit(String)
    /// Downloading a file failed, or it arrived with the wrong checksum.
    case downloadFailed(url: String, reason: String)

    public var description: String {
        switch self {
        case .dataNotFound(let searched):
            return "Omniglot archives not found (looked in \(searched.joined(separator: ", "))); run `episcope data` to fetch them or pass --data DIR"
        case .missingFile(let path):
            return "\(path): file not found"
        case .corruptArchive(let path, let reason):
            return "\(path): cannot read zip archive: \(reason)"
        case .badImage(let archive, let entry, let reason):
            return "\(archive): entry \(entry): \(reason)"
        case .unexpectedLayout(let path, let reason):
            return "\(path): not an Omniglot archive: \(reason)"
        case .badSplit(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .unknownSplit(let name):
            return "unknown split \(name) (known: vinyals, lake, small1, small2; parts: train, val, trainval, test)"
        case .downloadFailed(let url, let reason):
            return "download of \(url) failed: \(reason)"
        }
    }
}
