extension Tensor {
    /// Input channels up to which a block is computed directly rather than by Winograd.
    static let directBlockChannels = 4

    /// maxpool2x2(relu(conv3x3(input, weight) + bias)) of `input` [n, c, h, w] with `weight`
    /// [o, c, 3, 3], stride 1 and padding 1, pooled as ``maxPool2x2()`` (odd trailing rows and
    /// columns dropped): a convolutional block at inference, in one pass with Winograd's
    /// F(2x2, 3x3) (see `WinogradKernels`), 2.25x fewer multiply-adds than im2col; an input of a
    /// few channels (a first block) directly, 16 output channels at a time (`DirectBlockKernels`).
    ///
    /// Inference only: the result is a constant, so it must not be called while gradients are
    /// recorded for any of its inputs. The result equals the composed ops' up to rounding.
    public static func convolvedRectifiedPooled(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        precondition(
            input.rank == 4 && weight.rank == 4 && Array(weight.shape[2...]) == [3, 3],
            "convolvedRectifiedPooled: input \(input.shape), weight \(weight.shape)")
        let (batch, channels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let outChannels = weight.shape[0]
        precondition(
            weight.shape[1] == channels && bias.shape == [outChannels],
            "convolvedRectifiedPooled: weight \(weight.shape), bias \(bias.shape) for input \(input.shape)")
        precondition(
            !GradientRecording.isEnabled || [input, weight, bias].allSatisfy { $0.node == nil },
            "convolvedRectifiedPooled is for inference: its result has no gradient")
        let shape = [batch, outChannels, height / 2, width / 2]
        // A recorded step would replay this constant rather than recompute it.
        StepRecorder.current?.fail("convolvedRectifiedPooled is for inference and cannot be replayed")
        guard shape.reduce(1, *) > 0 else { return Tensor(shape: shape, scalars: []) }
        let values = makeScalars(shape.reduce(1, *)) { out in
            input.scalars.withUnsafeBufferPointer { x in
                weight.scalars.withUnsafeBufferPointer { w in
                    bias.scalars.withUnsafeBufferPointer { b in
                        if channels <= Self.directBlockChannels {
                            DirectBlockKernels.convolveRectifyPool(
                                input: x.baseAddress!, batch: batch, inChannels: channels, height: height, width: width,
                                weight: w.baseAddress!, outChannels: outChannels, bias: b.baseAddress!, output: out.baseAddress!)
                            return
                        }
                        let filters = WinogradKernels.transformedFilters(w.baseAddress!, outChannels: outChannels, inChannels: channels)
                        filters.withUnsafeBufferPointer { u in
                            WinogradKernels.convolveRectifyPool(
                                input: x.baseAddress!, batch: batch, inChannels: channels, height: height, width: width,
                                filters: u.baseAddress!, outChannels: outChannels, bias: b.baseAddress!, output: out.baseAddress!)
                        }
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: values)
    }
}
