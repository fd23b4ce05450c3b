import Foundation
import ArgumentParser
import Autodiff

@main
struct Episcope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episcope",
        abstract: "Look inside meta-learning: episodes, prototypes, and MAML's inner loop.",
        subcommands: [ExploreCommand.self, RenderCommand.self, LectureCommand.self, DataCommand.self, EpisodeCommand.self, RunsCommand.self,
                      TrainCommand.self, EvalCommand.self, ShipCommand.self, ModelsCommand.self, BenchCommand.self],
        defaultSubcommand: ExploreCommand.self
    )

    static func main() {
        // Must happen before any BLAS call: OpenBLAS picks its kernels once, at load.
        BLASCoreSelection.reexecuteWithOpenBLASSettings()
        TensorAllocator.keepLargeBlocks()
        if let threads = ProcessInfo.processInfo.environment["EPISCOPE_THREADS"].flatMap({ Int($0) }), threads > 0 {
            BLAS.threadCount = threads
        }
        main(nil)
    }
}
