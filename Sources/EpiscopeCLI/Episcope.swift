import ArgumentParser

@main
struct Episcope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episcope",
        abstract: "Look inside meta-learning: episodes, prototypes, and MAML's inner loop.",
        subcommands: [DataCommand.self, EpisodeCommand.self, RunsCommand.self]
    )
}
