import Dispatch
import Testing

@testable import Autodiff

/// OpenBLAS's thread count is process-wide; overlapping meta-batches must not leave it wrong.
/// The hold is tested on a setting of its own, since other tests run concurrent maps meanwhile.
@Suite struct ConcurrentMapTests {
    final class Setting: @unchecked Sendable {
        var value = 2
    }

    @Test func overlappingHoldsKeepOneThreadUntilTheLastEndsThenRestore() {
        let setting = Setting()
        let hold = SingleThreadHold(read: { setting.value }, write: { setting.value = $0 })
        hold.acquire()  // A starts
        #expect(setting.value == 1)
        hold.acquire()  // B starts inside A
        hold.release()  // A ends while B's workers still run
        #expect(setting.value == 1, "B's workers would run with \(setting.value) threads")
        hold.release()  // B ends
        #expect(setting.value == 2)
    }

    @Test func holdsTakenFromManyThreadsAtOnceRestoreTheSetting() {
        let setting = Setting()
        let hold = SingleThreadHold(read: { setting.value }, write: { setting.value = $0 })
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            for _ in 0..<200 {
                hold.acquire()
                hold.release()
            }
        }
        #expect(setting.value == 2)
    }

    @Test func workersOfAConcurrentMapRunBLASOnOneThread() {
        let seen = concurrentMap(4, workers: 2) { _ in BLAS.threadCount }
        #expect(seen == [1, 1, 1, 1])
    }
}
