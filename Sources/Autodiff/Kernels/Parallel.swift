import Dispatch
import Foundation

/// Splits `count` independent items over the cores when there is enough work to pay for the
/// threads (memory-bound passes over a training batch's activations); small tensors, such as
/// sine MAML's, stay on the calling thread.
@inline(__always)
func parallelChunks(_ count: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let threads = ParallelSettings.threads
    guard threads > 1, work >= ParallelSettings.minimumWork, count > 1 else {
        body(0..<count)
        return
    }
    let chunks = Swift.min(threads, count)
    withoutActuallyEscaping(body) { body in
        // Each chunk writes a disjoint range; the caller's buffers outlive this call.
        nonisolated(unsafe) let run = body
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            run((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
        }
    }
}

public enum ParallelSettings {
    /// Worker count: the machine's cores, or fewer when `EPISCOPE_THREADS` (else
    /// `OPENBLAS_NUM_THREADS`) says so, so that runs sharing a machine do not fight over its cores.
    public static let threads = Swift.max(1, Swift.min(8, sysconfThreads(), requestedThreads() ?? .max))

    private static func requestedThreads() -> Int? {
        let env = ProcessInfo.processInfo.environment
        return (env["EPISCOPE_THREADS"] ?? env["OPENBLAS_NUM_THREADS"]).flatMap { Int($0) }.map { Swift.max($0, 1) }
    }
    /// Elements below which splitting costs more than it saves.
    static let minimumWork = 1 << 18

    private static func sysconfThreads() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// Runs `body` for every index in `0..<count` on up to `workers` threads (the engine's worker
/// count by default; one runs them in turn) and returns the results in index order.
///
/// For independent pieces of work such as the tasks of a meta-batch: each call must build its
/// own graph and share nothing mutable. Recording follows the caller's setting, and OpenBLAS
/// runs one thread per product meanwhile, since the parallelism is here.
public func concurrentMap<T>(_ count: Int, workers: Int = ParallelSettings.threads, _ body: (Int) -> T) -> [T] {
    let threads = Swift.min(workers, count)
    guard threads > 1 else { return (0..<count).map(body) }
    // Other threads do not see the recorder: their operations would be frozen into constants.
    StepRecorder.current?.fail("concurrentMap runs work on other threads")
    let recording = GradientRecording.isEnabled
    SingleThreadHold.blas.acquire()
    defer { SingleThreadHold.blas.release() }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
        withoutActuallyEscaping(body) { body in
            // Each index is written by exactly one worker; the buffer outlives the call.
            nonisolated(unsafe) let run = body
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for index in stride(from: worker, to: count, by: threads) {
                    slots[index] = GradientRecording.$isDisabled.withValue(!recording) { run(index) }
                }
            }
        }
    }
    return results.map { $0! }
}

/// Holds a process-wide thread setting at one while any holder runs, and restores it when the
/// last one ends. OpenBLAS's thread count is global: saving and restoring it per call let
/// overlapping calls (the explorer's workers, tests run side by side) restore two threads under
/// another call's workers, whose products then ran multithreaded from several threads at once
/// and changed its results.
final class SingleThreadHold: @unchecked Sendable {
    private let lock = NSLock()
    private var holders = 0
    private var saved = 1
    private let read: () -> Int
    private let write: (Int) -> Void

    init(read: @escaping () -> Int, write: @escaping (Int) -> Void) {
        (self.read, self.write) = (read, write)
    }

    /// The hold every ``concurrentMap(_:workers:_:)`` takes on OpenBLAS.
    static let blas = SingleThreadHold(read: { BLAS.threadCount }, write: { BLAS.threadCount = $0 })

    func acquire() {
        lock.lock()
        defer { lock.unlock() }
        if holders == 0 {
            saved = read()
            write(1)
        }
        holders += 1
    }

    func release() {
        lock.lock()
        defer { lock.unlock() }
        holders -= 1
        if holders == 0 { write(saved) }
    }
}
