import ArgumentParser
import FewShot
import Foundation

/// Runs `body`; a checkpoint, training, data or episode error becomes one line on stderr and a
/// failing exit code, never a stack trace.
func reportingEngineFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try reportingFailures(body)
    } catch let error as SafeTensors.Failure {
        throw failing(error.description)
    } catch let error as TrainingError {
        throw failing(error.description)
    }
}

func failing(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("episcope: error: \(message)\n".utf8))
    return .failure
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
