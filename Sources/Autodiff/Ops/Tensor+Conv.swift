extension Tensor {
    /// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) of `input` [n,c,h,w] with
    /// `weight` [o,c,kh,kw], zero padding on every side.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, stride: Int = 1, padding: Int = 0) -> Tensor {
        convolution(input, weight, bias: nil, stride: stride, padding: padding)
    }

    /// Convolution plus a per-channel `bias` [o], the bias added inside the kernel rather than
    /// in a separate pass over the output.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, bias: Tensor, stride: Int = 1, padding: Int = 0) -> Tensor {
        convolution(input, weight, bias: bias, stride: stride, padding: padding)
    }

    private static func convolution(_ input: Tensor, _ weight: Tensor, bias: Tensor?, stride: Int, padding: Int) -> Tensor {
        let g = ConvGeometry(input: input.shape, weight: weight.shape, stride: stride, padding: padding)
        if let bias { precondition(bias.shape == [g.outChannels], "conv2d: bias \(bias.shape) for \(g.outChannels) output channels") }
        let biasValues = bias?.scalars ?? []
        let values = makeScalars(g.outputShape.reduce(1, *)) { out in
            input.scalars.withUnsafeBufferPointer { x in
                weight.scalars.withUnsafeBufferPointer { w in
                    biasValues.withUnsafeBufferPointer { b in
                        ConvKernels.forward(
                            g, input: x.baseAddress!, weight: w.baseAddress!, bias: bias == nil ? nil : b.baseAddress,
                            output: out.baseAddress!)
                    }
                }
            }
        }
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        return result(shape: g.outputShape, scalars: values, inputs: inputs) { grad in
            if !GradientRecording.isEnabled && weight.node != nil {
                return fusedBackward(input: input, weight: weight, bias: bias, outputGradient: grad, geometry: g)
            }
            var rules: [Tensor?] = [
                input.node == nil ? nil : conv2dInputGradient(grad, weight, geometry: g),
                weight.node == nil ? nil : conv2dWeightGradient(input, grad, geometry: g)
            ]
            if let bias { rules.append(bias.node == nil ? nil : grad.sum(alongAxes: [0, 2, 3])) }
            return rules
        }
    }

    /// All of a convolution's gradients at once, as constants (first order: nothing records
    /// them), with the output gradient packed once for both products.
    private static func fusedBackward(input: Tensor, weight: Tensor, bias: Tensor?, outputGradient: Tensor, geometry g: ConvGeometry) -> [Tensor?] {
        let wantsInput = input.node != nil
        let wantsBias = bias?.node != nil
        var weightGradient: [Float] = []
        var biasGradient = [Float](repeating: 0, count: wantsBias ? g.outChannels : 0)
        // Both buffers are fully written by the sweep (the first group's product has beta 0,
        // and every group zeroes its own part of the input gradient), so they start uninitialised.
        let inputGradient = makeScalars(wantsInput ? g.inputShape.reduce(1, *) : 0) { dx in
            weightGradient = makeScalars(g.weightShape.reduce(1, *)) { dw in
                input.scalars.withUnsafeBufferPointer { x in
                    weight.scalars.withUnsafeBufferPointer { w in
                        outputGradient.scalars.withUnsafeBufferPointer { dy in
                            biasGradient.withUnsafeMutableBufferPointer { db in
                                ConvKernels.backward(
                                    g, input: x.baseAddress!, weight: w.baseAddress!, outputGradient: dy.baseAddress!,
                                    inputGradient: wantsInput ? dx.baseAddress! : nil, weightGradient: dw.baseAddress!,
                                    biasGradient: wantsBias ? db.baseAddress! : nil)
                            }
                        }
                    }
                }
            }
        }
        var rules: [Tensor?] = [
            wantsInput ? Tensor(shape: g.inputShape, scalars: inputGradient) : nil,
            Tensor(shape: g.weightShape, scalars: weightGradient)
        ]
        if bias != nil { rules.append(wantsBias ? Tensor(shape: [g.outChannels], scalars: biasGradient) : nil) }
        return rules
    }

    /// The gradient of a convolution with respect to its input, given the output gradient.
    /// Linear in both arguments, so its own gradients are a convolution and a weight gradient.
    static func conv2dInputGradient(_ outputGradient: Tensor, _ weight: Tensor, geometry g: ConvGeometry) -> Tensor {
        let values = makeScalars(g.inputShape.reduce(1, *)) { out in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                weight.scalars.withUnsafeBufferPointer { w in
                    ConvKernels.backwardInput(g, outputGradient: dy.baseAddress!, weight: w.baseAddress!, inputGradient: out.baseAddress!)
                }
            }
        }
        return result(shape: g.inputShape, scalars: values, inputs: [outputGradient, weight]) { u in
            // <Bi(g, w), u> = <conv(u, w), g>
            [
                outputGradient.node == nil ? nil : conv2d(u, weight, stride: g.stride, padding: g.padding),
                weight.node == nil ? nil : conv2dWeightGradient(u, outputGradient, geometry: g)
            ]
        }
    }

    /// The gradient of a convolution with respect to its weight, given input and output gradient.
    static func conv2dWeightGradient(_ input: Tensor, _ outputGradient: Tensor, geometry g: ConvGeometry) -> Tensor {
        let values = makeScalars(g.weightShape.reduce(1, *)) { out in
            input.scalars.withUnsafeBufferPointer { x in
                outputGradient.scalars.withUnsafeBufferPointer { dy in
                    ConvKernels.backwardWeight(g, input: x.baseAddress!, outputGradient: dy.baseAddress!, weightGradient: out.baseAddress!)
                }
            }
        }
        return result(shape: g.weightShape, scalars: values, inputs: [input, outputGradient]) { v in
            // <Bw(x, g), v> = <conv(x, v), g>
            [
                input.node == nil ? nil : conv2dInputGradient(outputGradient, v, geometry: g),
                outputGradient.node == nil ? nil : conv2d(input, v, stride: g.stride, padding: g.padding)
            ]
        }
    }
}
