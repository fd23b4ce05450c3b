import FewShot
import Foundation

/// Where the tests find Omniglot and scratch space.
///
/// The data is found the way the program finds it (`DataLocation.resolve`: `$EPISCOPE_DATA`,
/// the folder `episcope data` fills, `../shared/omniglot` beside the project), looked for from
/// the package root. `make test` prepares that folder with `episcope data` before the tests
/// run. Without data a test that needs it throws ``MissingTestData``, which fails it with one
/// line saying what to do: never a crash of the whole run, never a silent pass.
public enum TestData {
    /// The package's root folder (this file is `Tests/TestSupport/TestData.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let resolved: Result<DataLocation, MissingTestData> = {
        do {
            return .success(try DataLocation.resolve(currentDirectory: packageRoot))
        } catch {
            return .failure(MissingTestData(reason: "\(error)"))
        }
    }()

    /// The Omniglot folder, or ``MissingTestData``.
    public static func omniglot() throws -> DataLocation { try resolved.get() }

    /// Whether Omniglot was found (for tests that only add checks when it is there).
    public static var hasOmniglot: Bool { (try? resolved.get()) != nil }

    private static let decoded: Result<OmniglotDataset, any Error> = Result { try OmniglotDataset.decode(from: omniglot()) }

    /// The full dataset, decoded once per test process (without touching any cache folder).
    public static func dataset() throws -> OmniglotDataset { try decoded.get() }

    /// A fresh empty folder under the system temporary folder.
    public static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// No Omniglot folder for the tests: the message names what was tried and what to do.
public struct MissingTestData: Error, CustomStringConvertible {
    /// The program's own message (the folders it looked in).
    public let reason: String

    public var description: String {
        "no Omniglot data for the tests: \(reason). `make test` prepares it with `episcope data`; or set EPISCOPE_DATA to a folder holding the archives"
    }
}

/// The binary users run, for the tests that drive it as a user would.
public enum TestBinary {
    /// `$EPISCOPE_BINARY` (`make test` sets it to the release binary it built), else
    /// `.build/release/episcope` in the package.
    public static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["EPISCOPE_BINARY"], !explicit.isEmpty { return explicit }
        return TestData.packageRoot.appendingPathComponent(".build/release/episcope").path
    }()

    /// ``path``, or an error saying how to build it: a test that drives the binary fails
    /// without it rather than passing having run nothing.
    public static func require() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw MissingTestBinary(path: path) }
        return path
    }
}

/// No executable where ``TestBinary`` looked.
public struct MissingTestBinary: Error, CustomStringConvertible {
    /// Where it looked.
    public let path: String

    public var description: String {
        "no episcope binary at \(path): run `make test` (it builds the release binary and sets EPISCOPE_BINARY) or `make build`"
    }
}

/// A value used from one test at a time: the tests of a target run in parallel, and some share
/// one engine that is not thread-safe.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// Guards `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` on the value while holding the lock.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
