import Foundation

/// Runs `body(chunk)` for `chunks` chunks on all cores and rethrows the first error (by chunk
/// order, so the message does not depend on thread timing).
func concurrentChunks(_ chunks: Int, _ body: @Sendable (Int) throws -> Void) throws {
    let errors = ErrorSlots(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        do { try body(chunk) } catch { errors.set(chunk, error) }
    }
    if let first = errors.first { throw first }
}

/// Per-chunk error slots written from worker threads.
private final class ErrorSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Error?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ error: Error) { lock.lock(); slots[index] = error; lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return slots.lazy.compactMap { $0 }.first }
}

/// A mutable buffer shared by workers that write disjoint ranges of it.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(rebasing: base[range]) }
}
