extension Tensor {
    /// 2x2 max-pool with stride 2 over [n,c,h,w] (odd trailing rows and columns dropped, as
    /// PyTorch's default). The gradient routes to the position of each maximum.
    public func maxPool2x2() -> Tensor {
        precondition(rank == 4 && shape[2] >= 2 && shape[3] >= 2, "maxPool2x2: needs [n,c,h>=2,w>=2], got \(shape)")
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let (oh, ow) = (h / 2, w / 2)
        var winners = [Int](repeating: 0, count: planes * oh * ow)
        let values = makeScalars(planes * oh * ow) { out in
            scalars.withUnsafeBufferPointer { p in
                winners.withUnsafeMutableBufferPointer { arg in
                    for plane in 0..<planes {
                        for y in 0..<oh {
                            let top = (plane * h + 2 * y) * w
                            let bottom = top + w
                            let o = (plane * oh + y) * ow
                            for x in 0..<ow {
                                var best = top + 2 * x
                                if p[top + 2 * x + 1] > p[best] { best = top + 2 * x + 1 }
                                if p[bottom + 2 * x] > p[best] { best = bottom + 2 * x }
                                if p[bottom + 2 * x + 1] > p[best] { best = bottom + 2 * x + 1 }
                                out[o + x] = p[best]
                                arg[o + x] = best
                            }
                        }
                    }
                }
            }
        }
        let source = shape
        let total = count
        return Tensor.result(shape: [shape[0], shape[1], oh, ow], scalars: values, input: self) { g in
            g.reshaped(to: [g.count, 1]).scatteringAdd(rows: winners, rowCount: total).reshaped(to: source)
        }
    }
}
