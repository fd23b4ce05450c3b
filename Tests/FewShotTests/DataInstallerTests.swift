import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Data installer and folder resolution")
struct DataInstallerTests {
    @Test("with no download, every file comes from the mirror, checked by content; a second run keeps them")
    func mirror() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("data")
        let inventory = try DataInstaller.install(into: target, mirror: try TestData.omniglot().directory, download: false)
        #expect(inventory.items.map(\.file) == DataFile.all.map(\.name))
        #expect(inventory.items.allSatisfy { $0.source == "mirror" })
        let background = try #require(inventory.items.first)
        #expect((background.alphabets, background.characters, background.drawings) == (30, 964, 19_280))
        #expect(inventory.items.first { $0.file == "all_runs.zip" }?.drawings == 800)
        #expect(inventory.items.first { $0.file == "splits/vinyals/test.txt" }?.classes == 1692)
        #expect(DataLocation(directory: target).holdsArchives)
        let again = try DataInstaller.install(into: target, mirror: nil, download: false)
        #expect(again.items.allSatisfy { $0.source == "present" })
    }

    @Test("a mirror whose archive has the wrong content is refused with its name")
    func badMirror() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mirror = folder.appendingPathComponent("mirror")
        try FileManager.default.createDirectory(at: mirror, withIntermediateDirectories: true)
        // The small archive under the big one's name: a valid zip with the wrong counts.
        try FileManager.default.copyItem(at: try TestData.omniglot().smallArchive(1), to: mirror.appendingPathComponent("images_background.zip"))
        let error = #expect(throws: OmniglotError.self) {
            try DataInstaller.install(into: folder.appendingPathComponent("data"), mirror: mirror, download: false)
        }
        #expect(error.map { "\($0)" }?.contains("images_background.zip") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/images_background.zip").path))
    }

    @Test("resolution order: --data, EPISCOPE_DATA, the install folder, ../shared/omniglot")
    func resolution() throws {
        let root = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func makeData(_ path: String) throws -> URL {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for name in DataLocation.requiredArchives { try Data().write(to: url.appendingPathComponent(name)) }
            return url.standardizedFileURL
        }
        let explicit = try makeData("explicit"), env = try makeData("env"), installed = try makeData("xdg/episcope")
        let sibling = try makeData("shared/omniglot")
        let project = root.appendingPathComponent("project/Sources")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let environment = ["EPISCOPE_DATA": env.path, "XDG_DATA_HOME": root.appendingPathComponent("xdg").path, "HOME": root.path]
        #expect(
            try DataLocation.resolve(explicit: explicit.path, environment: environment, currentDirectory: project, executable: nil).directory.path
                == explicit.path)
        #expect(try DataLocation.resolve(environment: environment, currentDirectory: project, executable: nil).directory.path == env.path)
        var noEnv = environment
        noEnv["EPISCOPE_DATA"] = nil
        #expect(try DataLocation.resolve(environment: noEnv, currentDirectory: project, executable: nil).directory.path == installed.path)
        noEnv["XDG_DATA_HOME"] = root.appendingPathComponent("nothing").path
        #expect(try DataLocation.resolve(environment: noEnv, currentDirectory: project, executable: nil).directory.path == sibling.path)
        try FileManager.default.removeItem(at: sibling)
        let error = #expect(throws: OmniglotError.self) {
            try DataLocation.resolve(environment: noEnv, currentDirectory: project, executable: nil)
        }
        #expect(error.map { "\($0)" }?.contains("episcope data") == true)
        #expect(throws: OmniglotError.self) {
            try DataLocation.resolve(
                explicit: root.appendingPathComponent("typo").path, environment: environment, currentDirectory: project, executable: nil)
        }
    }
}
