import ArgumentParser
import FewShot
import Foundation

/// `episcope runs`: Lake's 20 one-shot runs.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List Lake's 20 one-shot classification runs (show one with `episcope episode --run N`).")

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Print the runs as JSON.")
    var json = false

    func run() throws {
        let location = try dataOptions.location()
        let runs = try reportingFailures {
            try LakeRuns.load(from: location, matching: try OmniglotDataset.load(from: location))
        }
        let rows = runs.runs.map {
            RunRow(run: $0.number, alphabet: $0.alphabet, ways: $0.episode.ways, shots: $0.episode.shots, queries: $0.episode.queries.count)
        }
        if json {
            print(try JSONOutput.pretty(rows))
            return
        }
        print("Lake's one-shot runs (all_runs.zip), scored by error rate averaged over runs:")
        for row in rows {
            print(
                "  run \(row.run < 10 ? "0" : "")\(row.run)  \(row.ways)-way \(row.shots)-shot, \(row.queries) queries  \(row.alphabet ?? "(mixed alphabets)")"
            )
        }
    }
}

private struct RunRow: Codable {
    var run: Int
    var alphabet: String?
    var ways: Int, shots: Int, queries: Int
}
