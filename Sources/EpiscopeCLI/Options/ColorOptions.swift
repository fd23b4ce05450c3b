import ArgumentParser
import Foundation

/// `--no-color`, shared by the commands that draw in a terminal.
struct ColorOptions: ParsableArguments {
    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    /// Whether to draw in colour: not asked off, and NO_COLOR (https://no-color.org) unset or empty.
    var usesColor: Bool {
        !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
