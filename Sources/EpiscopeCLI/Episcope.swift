import ArgumentParser
import Autodiff
import Foundation

@main
struct Episcope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episcope",
        abstract: "Look inside meta-learning: episodes, prototypes, and MAML's inner loop.",
        subcommands: [
            ExploreCommand.self, RenderCommand.self, LectureCommand.self, DataCommand.self, EpisodeCommand.self, RunsCommand.self,
            TrainCommand.self, EvalCommand.self, ShipCommand.self, ModelsCommand.self, BenchCommand.self
        ],
        defaultSubcommand: ExploreCommand.self
    )

    static func main() {
        // Must happen before any BLAS call: OpenBLAS picks its kernels once, at load.
        BLASCoreSelection.reexecuteWithOpenBLASSettings()
        TensorAllocator.keepLargeBlocks()
        if let threads = ProcessInfo.processInfo.environment["EPISCOPE_THREADS"].flatMap({ Int($0) }), threads > 0 {
            BLAS.threadCount = threads
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// Ends the program for `error`: help in full, a mistake on the command line as the one line
    /// `episcope: error: ...` that the engine's failures print too (a usage block after it would
    /// bury the line that says what was wrong; `--help` shows the usage).
    private static func exit(reporting error: Error) -> Never {
        let code = exitCode(for: error)
        // ArgumentParser lists six or more valid values as bullets: one line reads them as well.
        let message = self.message(for: error).replacingOccurrences(of: " the following:\n  - ", with: " ")
            .replacingOccurrences(of: "\n  - ", with: ", ")
        guard code != .success, !message.isEmpty else { exit(withError: error) }
        printError("episcope: error: " + message)
        exit(withError: code)
    }
}
