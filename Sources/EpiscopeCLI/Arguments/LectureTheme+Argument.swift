import ArgumentParser
import ExplorerApp

/// `--theme`: standard or projector; a wrong name lists them.
extension LectureTheme: ExpressibleByArgument {}
