import ArgumentParser
import Lecture

/// `--theme`: standard or projector; a wrong name lists them.
extension LectureTheme: ExpressibleByArgument {}
