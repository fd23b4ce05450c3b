import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Atomic writes and project folders")
struct FilesTests {
    @Test("an atomic write replaces the file whole, creates its folder and leaves no temporary behind")
    func atomicWrite() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nested/out.bin")
        try AtomicFile.write(Data("first".utf8), to: file)
        try AtomicFile.write(Data("second, longer".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("second, longer".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["out.bin"])
    }

    @Test("a write that cannot happen names the path, keeps the old file and cleans up")
    func atomicWriteFailure() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the file should be: rename(2) cannot replace a folder with a file.
        let target = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let error = #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: target) }
        #expect(error?.path == target.path)
        #expect(error.map { "\($0)" }?.hasPrefix("cannot write \(target.path): ") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
        // Under a regular file no folder can be created, even by root.
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("x".utf8), to: blocker.appendingPathComponent("a/b")) }
    }

    @Test("folders are looked for from each start upwards, nearest first, without repeats")
    func findUpwards() throws {
        let root = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("project")
        let build = project.appendingPathComponent(".build/release")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("assets/models"), withIntermediateDirectories: true)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let candidates = ProjectFolders.candidates("assets/models", from: [build, project])
        #expect(
            Array(candidates.prefix(3)).map(\.path) == [
                build.appendingPathComponent("assets/models").path,
                project.appendingPathComponent(".build/assets/models").path,
                project.appendingPathComponent("assets/models").path
            ])
        #expect(Set(candidates.map(\.path)).count == candidates.count)

        // From a folder outside the project only the executable's folder leads to it.
        let starts = ProjectFolders.starts(currentDirectory: elsewhere, executable: build.appendingPathComponent("episcope"))
        #expect(ProjectFolders.findUpwards("assets/models", from: starts)?.path == project.appendingPathComponent("assets/models").path)
        #expect(ProjectFolders.findUpwards("assets/models", from: [elsewhere]) == nil)
        #expect(ProjectFolders.findUpwards("assets", from: [build]) { _ in false } == nil)
    }
}
