extension Tensor {
    /// 2-D convolution (cross-correlation, as PyTorch's `conv2d`) of `input` [n,c,h,w] with
    /// `weight` [o,c,kh,kw], zero padding on every side.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, stride: Int = 1, padding: Int = 0) -> Tensor {
        let g = ConvGeometry(input: input.shape, weight: weight.shape, stride: stride, padding: padding)
        let values = makeScalars(g.outputShape.reduce(1, *)) { out in
            input.scalars.withUnsafeBufferPointer { x in
                weight.scalars.withUnsafeBufferPointer { w in
                    ConvKernels.forward(g, input: x.baseAddress!, weight: w.baseAddress!, output: out.baseAddress!)
                }
            }
        }
        return result(shape: g.outputShape, scalars: values, inputs: [input, weight]) { grad in
            [input.node == nil ? nil : conv2dInputGradient(grad, weight, geometry: g),
             weight.node == nil ? nil : conv2dWeightGradient(input, grad, geometry: g)]
        }
    }

    /// Convolution plus a per-channel `bias` [o], the bias added inside the kernel rather than
    /// in a separate pass over the output.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, bias: Tensor, stride: Int = 1, padding: Int = 0) -> Tensor {
        let g = ConvGeometry(input: input.shape, weight: weight.shape, stride: stride, padding: padding)
        precondition(bias.shape == [g.outChannels], "conv2d: bias \(bias.shape) for \(g.outChannels) output channels")
        let values = makeScalars(g.outputShape.reduce(1, *)) { out in
            input.scalars.withUnsafeBufferPointer { x in
                weight.scalars.withUnsafeBufferPointer { w in
                    bias.scalars.withUnsafeBufferPointer { b in
                        ConvKernels.forward(g, input: x.baseAddress!, weight: w.baseAddress!, bias: b.baseAddress!, output: out.baseAddress!)
                    }
                }
            }
        }
        return result(shape: g.outputShape, scalars: values, inputs: [input, weight, bias]) { grad in
            [input.node == nil ? nil : conv2dInputGradient(grad, weight, geometry: g),
             weight.node == nil ? nil : conv2dWeightGradient(input, grad, geometry: g),
             bias.node == nil ? nil : grad.sum(alongAxes: [0, 2, 3])]
        }
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
            [outputGradient.node == nil ? nil : conv2d(u, weight, stride: g.stride, padding: g.padding),
             weight.node == nil ? nil : conv2dWeightGradient(u, outputGradient, geometry: g)]
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
            [input.node == nil ? nil : conv2dInputGradient(outputGradient, v, geometry: g),
             outputGradient.node == nil ? nil : conv2d(input, v, stride: g.stride, padding: g.padding)]
        }
    }
}
