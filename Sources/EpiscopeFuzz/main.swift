import FewShot
import Foundation

// `EpiscopeFuzz <reader> ARGS...` (reader: png, zip, safetensors, cache, lecture).
//
// Built plainly (as `swift build` does), it replays the files and folders in ARGS through the
// reader and prints what it made of each: crash inputs can be checked without a sanitizer.
// Built by `make fuzz` (scripts/fuzz.sh) with EPISCOPE_FUZZ, coverage and the address sanitizer,
// it hands ARGS to libFuzzer instead (corpus folders and -flags).

let arguments = CommandLine.arguments

// `EpiscopeFuzz seed-cache ARCHIVES OUT`: the cache reader's seed, written by the project's own
// cache writer from the two small archives in folder ARCHIVES into folder OUT.
if arguments.count == 4, arguments[1] == "seed-cache" {
    do {
        let cache = DatasetCache(directory: URL(fileURLWithPath: arguments[3]))
        _ = try OmniglotDataset.load(from: DataLocation(directory: URL(fileURLWithPath: arguments[2])), cache: cache) { _ in }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("EpiscopeFuzz: cannot write the cache seed: \(error)\n".utf8))
        exit(1)
    }
}

guard arguments.count >= 2, let reader = Reader(rawValue: arguments[1]) else {
    let names = Reader.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: EpiscopeFuzz <\(names)> [files, folders or libFuzzer flags...]\n".utf8))
    exit(2)
}

#if EPISCOPE_FUZZ
    exit(runLibFuzzer(reader, arguments: [arguments[0]] + arguments.dropFirst(2)))
#else
    for path in arguments.dropFirst(2) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            FileHandle.standardError.write(Data("EpiscopeFuzz: no such file \(path)\n".utf8))
            exit(1)
        }
        let files =
            isFolder.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" } : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            print("\(file): \(reader.read(data))")
        }
    }
#endif
