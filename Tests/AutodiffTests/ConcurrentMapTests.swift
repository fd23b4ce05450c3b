import Dispatch
import Testing
@testable import Autodiff

/// OpenBLAS's thread count is process-wide; overlapping meta-batches must not leave it wrong.
@Suite(.serialized) struct ConcurrentMapTests {
    @Test func overlappingCallsKeepBLASOnOneThreadUntilTheLastEndsThenRestoreIt() {
        let original = BLAS.threadCount
        BLAS.threadCount = 2
        defer { BLAS.threadCount = original }
        let aStarted = DispatchSemaphore(value: 0), bStarted = DispatchSemaphore(value: 0), aEnded = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        nonisolated(unsafe) var seenInBAfterAEnded = -1
        nonisolated(unsafe) var timedOut = false
        // A starts, B starts inside A, A ends while B's workers still run, then B ends.
        DispatchQueue.global().async(group: done) {
            _ = concurrentMap(2, workers: 2) { i in
                if i == 0 {
                    aStarted.signal()
                    if bStarted.wait(timeout: .now() + 20) == .timedOut { timedOut = true }
                }
                return i
            }
            aEnded.signal()
        }
        DispatchQueue.global().async(group: done) {
            if aStarted.wait(timeout: .now() + 20) == .timedOut { timedOut = true }
            _ = concurrentMap(2, workers: 2) { i in
                if i == 0 {
                    bStarted.signal()
                    if aEnded.wait(timeout: .now() + 20) == .timedOut { timedOut = true }
                    seenInBAfterAEnded = BLAS.threadCount
                }
                return i
            }
        }
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(!timedOut)
        #expect(seenInBAfterAEnded == 1, "B's workers ran with \(seenInBAfterAEnded) BLAS threads after A ended")
        #expect(BLAS.threadCount == 2, "left at \(BLAS.threadCount) threads")
    }
}
