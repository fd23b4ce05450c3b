@preconcurrency import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C into a request that a long loop polls, so it can finish its step and save.
final class StopRequest: @unchecked Sendable {
    private let flag = Atomic<Bool>(false)
    private let source: DispatchSourceSignal

    private init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    }

    /// Whether Ctrl-C was pressed.
    var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Starts listening for SIGINT; a second Ctrl-C ends the program at once.
    static func installForInterrupt() -> StopRequest {
        let request = StopRequest()
        request.source.setEventHandler { [request] in
            if request.flag.exchange(true, ordering: .relaxed) { exit(130) }
            FileHandle.standardError.write(Data("\nstopping after this iteration (Ctrl-C again to quit now)\n".utf8))
        }
        request.source.resume()
        return request
    }
}
