/// Eight floats at a time from unaligned memory: the element-wise kernels whose scalar loops
/// the compiler leaves branchy (selects on a sign) go through these.
typealias FloatVector = SIMD8<Float>

@inline(__always)
func loadVector(_ p: UnsafePointer<Float>, _ i: Int) -> FloatVector {
    UnsafeRawPointer(p + i).loadUnaligned(as: FloatVector.self)
}

@inline(__always)
func storeVector(_ v: FloatVector, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
    UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: FloatVector.self)
}

/// 1 for true and 0 for false, without a branch.
@inline(__always)
func bit(_ condition: Bool) -> Int { Int(unsafeBitCast(condition, to: UInt8.self)) }
