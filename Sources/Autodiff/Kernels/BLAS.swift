import CBLAS
import Foundation

/// Thin access to OpenBLAS.
public enum BLAS {
    /// The name of the kernel family OpenBLAS chose for this CPU (e.g. "SkylakeX", "Haswell").
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name).trimmingCharacters(in: .whitespaces)
    }

    /// Threads OpenBLAS uses for one product.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }

    /// Runs `body` with OpenBLAS at one thread per product, whatever other threads of the process
    /// ask for meanwhile (they share the same hold as ``concurrentMap(_:workers:_:)``).
    ///
    /// For work made of small products, such as a sequence model's steps: OpenBLAS 0.3.21's
    /// threaded path gives them no speed, and different bits (a 16 x 469 by 469 x 256 product
    /// differs between one and two threads), so a seeded run that let the thread count float
    /// with whatever else the process runs would not repeat.
    public static func withOneThread<T>(_ body: () throws -> T) rethrows -> T {
        SingleThreadHold.blas.acquire()
        defer { SingleThreadHold.blas.release() }
        return try body()
    }

    /// `c = alpha * op(a) * op(b) + beta * c`, row-major, with op a transpose when asked.
    @inline(__always)
    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
