extension Tensor {
    /// 2x2 max-pool with stride 2 over [n,c,h,w] (odd trailing rows and columns dropped, as
    /// PyTorch's default). The gradient routes to the position of each maximum.
    public func maxPool2x2() -> Tensor {
        precondition(rank == 4 && shape[2] >= 2 && shape[3] >= 2, "maxPool2x2: needs [n,c,h>=2,w>=2], got \(shape)")
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let (oh, ow) = (h / 2, w / 2)
        var winners = [Int32](repeating: 0, count: planes * oh * ow)
        let values = makeScalars(planes * oh * ow) { out in
            scalars.withUnsafeBufferPointer { p in
                winners.withUnsafeMutableBufferPointer { arg in
                    parallelChunks(planes, work: count) { planeRange in
                        for plane in planeRange {
                            for y in 0..<oh {
                                let top = (plane * h + 2 * y) * w
                                let bottom = top + w
                                let o = (plane * oh + y) * ow
                                for x in 0..<ow {
                                    // Branch-free: on random activations a branch per
                                    // comparison mispredicts half the time.
                                    let a = top + 2 * x, c = bottom + 2 * x
                                    let (va, vb, vc, vd) = (p[a], p[a + 1], p[c], p[c + 1])
                                    let ab = a + bit(vb > va)
                                    let cd = c + bit(vd > vc)
                                    let mab = Swift.max(va, vb), mcd = Swift.max(vc, vd)
                                    let takeCD = bit(mcd > mab)
                                    out[o + x] = Swift.max(mab, mcd)
                                    arg[o + x] = Int32(ab + takeCD * (cd - ab))
                                }
                            }
                        }
                    }
                }
            }
        }
        let source = shape
        return Tensor.result(shape: [shape[0], shape[1], oh, ow], scalars: values, input: self) { g in
            g.placing(at: winners, intoShape: source)
        }
    }

    /// Zeros of `target` shape with element i of this tensor at flat position `positions[i]`
    /// (positions distinct): max-pool's gradient. Its own gradient picks those positions back.
    func placing(at positions: [Int32], intoShape target: [Int]) -> Tensor {
        let values = makeScalars(target.reduce(1, *)) { out in
            out.initialize(repeating: 0)
            scalars.withUnsafeBufferPointer { p in
                positions.withUnsafeBufferPointer { pos in
                    // positions are distinct, so chunks never write the same element
                    parallelChunks(pos.count, work: out.count) { range in for i in range { out[Int(pos[i])] = p[i] } }
                }
            }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.picking(at: positions, shape: source) }
    }

    /// The elements at flat `positions`, shaped `shape`: the adjoint of ``placing(at:intoShape:)``.
    func picking(at positions: [Int32], shape target: [Int]) -> Tensor {
        let values = makeScalars(positions.count) { out in
            scalars.withUnsafeBufferPointer { p in
                positions.withUnsafeBufferPointer { pos in
                    for i in 0..<pos.count { out[i] = p[Int(pos[i])] }
                }
            }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.placing(at: positions, intoShape: source) }
    }
}
