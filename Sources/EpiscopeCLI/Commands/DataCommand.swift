import ArgumentParser
import FewShot
import Foundation

/// `episcope data`: fetch Omniglot into the default data folder.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Download Omniglot (or copy it from a mirror folder) into the default data folder.")

    @Option(name: .long, help: "Copy from this folder when downloading fails (default: ../shared/omniglot when it exists).")
    var mirror: String?

    @Flag(name: .long, help: "Skip the download and copy from the mirror.")
    var offline = false

    @Flag(name: .long, help: "Print what was installed as JSON.")
    var json = false

    func run() throws {
        let destination = DataLocation.installDirectory()
        let mirrorFolder = mirror.map { URL(fileURLWithPath: $0) } ?? defaultMirror()
        let inventory = try reportingFailures {
            try DataInstaller.install(into: destination, mirror: mirrorFolder, download: !offline) { line in
                FileHandle.standardError.write(Data("episcope: \(line)\n".utf8))
            }
        }
        if json {
            print(try JSONOutput.pretty(inventory))
            return
        }
        print("Omniglot data in \(inventory.directory):")
        for item in inventory.items {
            let counts: String
            if let alphabets = item.alphabets, let characters = item.characters, let drawings = item.drawings {
                counts = "\(alphabets) alphabets, \(characters) characters, \(drawings) drawings"
            } else if let runs = item.runs, let drawings = item.drawings {
                counts = "\(runs) runs, \(drawings) drawings"
            } else {
                counts = "\(item.classes ?? 0) classes"
            }
            print("  \(item.file.padding(toLength: 30, withPad: " ", startingAt: 0)) \(counts) (\(item.source))")
        }
    }

    private func defaultMirror() -> URL? {
        ProjectFolders.findUpwards("../shared/omniglot") { DataLocation(directory: $0).holdsArchives }
    }
}

/// Runs `body`; a data or episode error becomes one line on stderr and a failing exit code.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as OmniglotError {
        throw fail("\(error)")
    } catch let error as EpisodeError {
        throw fail("\(error)")
    }
}

private func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("episcope: error: \(message)\n".utf8))
    return .failure
}
