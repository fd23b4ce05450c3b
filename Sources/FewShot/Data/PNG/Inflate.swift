import ZlibC

/// zlib-stream decompression (RFC 1950) for PNG image data.
enum Inflate {
    /// Inflates a complete zlib stream into `output`, which must have room for exactly the
    /// expected number of bytes; returns how many bytes were produced, or nil when the stream
    /// is corrupt or does not end where it should.
    ///
    /// The caller passes the size it expects because a PNG's raw size is known from its header:
    /// a stream that would produce more is corrupt, and a stream that produces less is truncated.
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return nil }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: inBase)
        stream.avail_in = uInt(input.count)
        stream.next_out = outBase
        stream.avail_out = uInt(output.count)
        let status = ZlibC.inflate(&stream, Z_FINISH)
        guard status == Z_STREAM_END else { return nil }
        return output.count - Int(stream.avail_out)
    }
}
