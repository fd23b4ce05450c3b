import Foundation

/// Per-thread scratch memory reused across kernel calls, so the hot convolution path does not
/// allocate its im2col matrices on every step.
final class ScratchSpace {
    private var buffers: [UnsafeMutablePointer<Float>] = []
    private var capacities: [Int] = []

    deinit { for b in buffers { b.deallocate() } }

    /// A buffer of at least `count` floats in `slot`, reused while big enough.
    func buffer(_ slot: Int, count: Int) -> UnsafeMutablePointer<Float> {
        while buffers.count <= slot {
            buffers.append(.allocate(capacity: 1))
            capacities.append(1)
        }
        if capacities[slot] < count {
            buffers[slot].deallocate()
            buffers[slot] = .allocate(capacity: count)
            capacities[slot] = count
        }
        return buffers[slot]
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ScratchSpace>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The scratch space of the calling thread.
    static var current: ScratchSpace {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<ScratchSpace>.fromOpaque(existing).takeUnretainedValue()
        }
        let space = ScratchSpace()
        pthread_setspecific(key, Unmanaged.passRetained(space).toOpaque())
        return space
    }
}
