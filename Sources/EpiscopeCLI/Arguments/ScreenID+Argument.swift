import ArgumentParser
import ExplorerApp

/// `--screen`: the explorer's screens by their command names; a wrong name lists them.
extension ScreenID: ExpressibleByArgument {
    public init?(argument: String) { self.init(commandName: argument) }
    public var defaultValueDescription: String { commandName }
    public static var allValueStrings: [String] { allCases.map(\.commandName) }
}
