import Foundation
@testable import FewShot

/// Where the tests find the real data and scratch space.
enum DataTestSupport {
    /// `/work/shared/omniglot`: `../shared/omniglot` beside the package root.
    static let omniglot: DataLocation = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return DataLocation(directory: packageRoot.appendingPathComponent("../shared/omniglot"))
    }()

    /// The full dataset, decoded once per test process (without touching any cache folder).
    static let dataset: OmniglotDataset = {
        do { return try OmniglotDataset.decode(from: omniglot) } catch { fatalError("test data: \(error)") }
    }()

    /// A fresh empty folder under the system temporary folder.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
