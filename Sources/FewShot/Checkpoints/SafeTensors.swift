import Autodiff
import Foundation

/// Reading and writing the safetensors format (Hugging Face): an 8-byte little-endian header
/// length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
/// little-endian data. `__metadata__` holds string pairs.
public enum SafeTensors {
    /// What went wrong with a file; every case names the file.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
            case .malformed(let path, let reason): return "\(path) is not a valid safetensors checkpoint: \(reason)"
            case .unwritable(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// The element types Episcope reads; it writes F32, and I64 for integer buffers such as
    /// batch norm's `num_batches_tracked`, as PyTorch stores them.
    public enum DType: String, Sendable {
        case f32 = "F32", i32 = "I32", i64 = "I64", f64 = "F64"

        /// Bytes per element.
        public var width: Int { self == .f32 || self == .i32 ? 4 : 8 }
    }

    /// Named tensors and metadata, in file order.
    public struct Contents: Sendable {
        public var tensors: [(name: String, tensor: Tensor)]
        public var metadata: [String: String]
        /// The stored type of each tensor not stored as F32 (read from the file, or to write).
        public var dtypes: [String: DType]

        public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String], dtypes: [String: DType] = [:]) {
            self.tensors = tensors
            self.metadata = metadata
            self.dtypes = dtypes
        }

        /// The type `name` is written as: I64 when asked and every value is a whole number an
        /// Int64 holds exactly; otherwise F32, which loses nothing of a Float tensor.
        func storedType(of name: String, _ tensor: Tensor) -> DType {
            guard dtypes[name] == .i64, tensor.scalars.allSatisfy({ Int64(exactly: $0) != nil }) else { return .f32 }
            return .i64
        }

        /// The tensor called `name`, if present.
        public subscript(name: String) -> Tensor? { tensors.first { $0.name == name }?.tensor }
    }

    /// The bytes of a file holding `contents`: F32 tensors, and I64 where `contents.dtypes` asks
    /// for it (``Contents/storedType(of:_:)``).
    public static func encode(_ contents: Contents) -> Data {
        var header: [String: Any] = [:]
        var offset = 0
        let types = contents.tensors.map { contents.storedType(of: $0.name, $0.tensor) }
        for ((name, tensor), type) in zip(contents.tensors, types) {
            let bytes = tensor.count * type.width
            header[name] = ["dtype": type.rawValue, "shape": tensor.shape, "data_offsets": [offset, offset + bytes]]
            offset += bytes
        }
        if !contents.metadata.isEmpty { header["__metadata__"] = contents.metadata }
        var json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8)
        while json.count % 8 != 0 { json.append(0x20) }  // pad so tensor data starts aligned
        var data = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for ((_, tensor), type) in zip(contents.tensors, types) {
            guard type == .f32 else {
                for value in tensor.scalars {
                    withUnsafeBytes(of: Int64(exactly: value)!.littleEndian) { data.append(contentsOf: $0) }
                }
                continue
            }
            tensor.scalars.withUnsafeBufferPointer { buffer in
                // Float's bit pattern is little-endian on every platform Swift runs Episcope on.
                data.append(
                    UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
            }
        }
        return data
    }

    /// Parses `data` (from `path`, for messages), rejecting malformed headers, unknown dtypes,
    /// sizes that disagree with shapes, and byte ranges outside the file or overlapping.
    public static func decode(_ data: Data, path: String) throws -> Contents {
        func fail(_ reason: String) -> Failure { .malformed(path: path, reason: reason) }
        guard data.count >= 8 else { throw fail("file is \(data.count) bytes, shorter than the 8-byte header length") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8), headerLength <= 100_000_000 else {
            throw fail("header length \(headerLength) exceeds the file size \(data.count)")
        }
        let headerStart = data.startIndex + 8
        let headerData = data[headerStart..<(headerStart + Int(headerLength))]
        guard let object = try? JSONSerialization.jsonObject(with: headerData), let header = object as? [String: Any] else {
            throw fail("header is not a JSON object")
        }
        let body = data[(headerStart + Int(headerLength))...]
        var metadata: [String: String] = [:]
        if let meta = header["__metadata__"] {
            guard let pairs = meta as? [String: Any] else { throw fail("__metadata__ is not an object") }
            for (k, v) in pairs {
                guard let s = v as? String else { throw fail("metadata value of \(k) is not a string") }
                metadata[k] = s
            }
        }
        var entries: [(name: String, begin: Int, end: Int, dtype: DType, shape: [Int])] = []
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = (info["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                let offsets = (info["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                offsets.count == 2, shape.count == (info["shape"] as? [Any])?.count
            else { throw fail("entry \(name) lacks dtype, shape or data_offsets") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("entry \(name) has a negative extent") }
            guard let type = DType(rawValue: dtype) else {
                throw fail("entry \(name) has dtype \(dtype); Episcope reads F32 (and integer counters)")
            }
            let width = type.width
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, end >= begin, end <= body.count else {
                throw fail("entry \(name) has byte range \(begin)..<\(end) outside the \(body.count) data bytes")
            }
            // Extents from the file may multiply past Int.max (and trap); such a shape cannot
            // match the byte range, which is at most the file's size.
            let bytes = shape.reduce((1, false)) { acc, extent in
                let product = acc.0.multipliedReportingOverflow(by: extent)
                return (product.partialValue, acc.1 || product.overflow)
            }
            let byteCount = bytes.0.multipliedReportingOverflow(by: width)
            guard !bytes.1, !byteCount.overflow, end - begin == byteCount.partialValue else {
                throw fail("entry \(name) has \(end - begin) bytes for shape \(shape) of \(dtype)")
            }
            entries.append((name, begin, end, type, shape))
        }
        entries.sort { $0.begin < $1.begin }
        for (a, b) in zip(entries, entries.dropFirst()) where b.begin < a.end {
            throw fail("entries \(a.name) and \(b.name) overlap")
        }
        var tensors: [(name: String, tensor: Tensor)] = []
        var dtypes: [String: DType] = [:]
        for e in entries {
            if e.dtype != .f32 { dtypes[e.name] = e.dtype }
            let bytes = body[(body.startIndex + e.begin)..<(body.startIndex + e.end)]
            let count = e.shape.reduce(1, *)
            var values = [Float](repeating: 0, count: count)
            bytes.withUnsafeBytes { raw in
                for i in 0..<count {
                    switch e.dtype {
                    case .f32: values[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    case .i32: values[i] = Float(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
                    case .i64: values[i] = Float(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
                    case .f64: values[i] = Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    }
                }
            }
            tensors.append((e.name, Tensor(shape: e.shape, scalars: values)))
        }
        return Contents(tensors: tensors, metadata: metadata, dtypes: dtypes)
    }

    /// Reads and validates the file at `path`.
    public static func read(path: String) throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure.unreadable(path: path, reason: "no such file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.unreadable(path: path, reason: "permission denied or not a file")
        }
        return try decode(data, path: path)
    }

    /// Writes atomically (``AtomicFile``), so a crash never leaves a half-written checkpoint in
    /// place of a good one.
    public static func write(_ contents: Contents, to path: String) throws {
        do {
            try AtomicFile.write(encode(contents), to: URL(fileURLWithPath: path))
        } catch let error as AtomicFile.WriteError {
            throw Failure.unwritable(path: path, reason: error.reason)
        }
    }
}
