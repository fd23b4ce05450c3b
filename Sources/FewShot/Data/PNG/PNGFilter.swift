import Foundation

/// Reverses PNG's per-scanline filters (PNG spec §9) in place.
enum PNGFilter {
    /// Unfilters `rows` scanlines stored back to back in `data`, each a filter-type byte followed
    /// by `stride` bytes, and packs the unfiltered bytes (without filter bytes) at the start of
    /// `data`. `bpp` is the filter's left-neighbour distance in bytes (1 for gray up to 8 bits).
    /// Returns false when a row names an unknown filter type.
    static func unfilter(_ data: UnsafeMutableBufferPointer<UInt8>, rows: Int, stride: Int, bytesPerPixel bpp: Int) -> Bool {
        guard let base = data.baseAddress, rows > 0 else { return true }
        for y in 0..<rows {
            let type = base[y * (stride + 1)]
            // Rows shift left by one byte per earlier row; memmove copes with the overlap.
            let row = base + y * stride
            memmove(row, base + y * (stride + 1) + 1, stride)
            let hasPrior = y > 0
            let prior = hasPrior ? row - stride : row
            switch type {
            case 0:
                break
            case 1:
                var x = bpp
                while x < stride { row[x] &+= row[x - bpp]; x += 1 }
            case 2:
                if hasPrior { for x in 0..<stride { row[x] &+= prior[x] } }
            case 3:
                for x in 0..<stride {
                    let left = x >= bpp ? Int(row[x - bpp]) : 0
                    let up = hasPrior ? Int(prior[x]) : 0
                    row[x] &+= UInt8((left + up) >> 1)
                }
            case 4:
                for x in 0..<stride {
                    let a = x >= bpp ? Int(row[x - bpp]) : 0
                    let b = hasPrior ? Int(prior[x]) : 0
                    let c = hasPrior && x >= bpp ? Int(prior[x - bpp]) : 0
                    row[x] &+= UInt8(truncatingIfNeeded: paeth(a, b, c))
                }
            default:
                return false
            }
        }
        return true
    }

    @inline(__always)
    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
