import CBLAS

/// Process-wide settings of the C allocator for tensor workloads.
public enum TensorAllocator {
    /// Keeps freed large blocks in the heap instead of returning them to the kernel.
    ///
    /// glibc serves blocks above its mmap threshold (at most 32 MiB) with fresh mmap calls and
    /// unmaps them when freed, so every activation of a training step would cost page faults and
    /// the kernel zeroing those pages again (a fifth of a ConvNet4 step, measured). Serving all
    /// blocks from one heap that is never trimmed turns this into reuse, which is what PyTorch's
    /// caching allocator achieves.
    ///
    /// It changes the allocator of the whole process, so only an executable calls it, first
    /// thing in its `main` (as `episcope` does); no library initializer does, since a host
    /// program embedding the engine may have tuned its allocator otherwise.
    public static func keepLargeBlocks() {
        episcope_keep_large_blocks()
    }
}
