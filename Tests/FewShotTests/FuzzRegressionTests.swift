import Autodiff
import Foundation
import NeuralNets
import TestSupport
import Testing

@testable import FewShot

/// Replays every input the fuzzer made a reader crash, hang or run out of memory with (kept in
/// `Tests/FuzzRegressions/<reader>/` by `make fuzz`, see docs/fuzzing.md): each must now be read
/// or rejected with an error, without a sanitizer, in the normal test run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The files kept for `reader`, in name order (none while the fuzzer has found nothing).
    static func inputs(_ reader: String) -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("FuzzRegressions/\(reader)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Reads every kept input of `reader` with `read`, which may throw; a crash names the file
    /// on the line before.
    static func replay(_ reader: String, _ read: (Data) throws -> Void) throws {
        for file in inputs(reader) {
            print("fuzz regression: \(reader)/\(file.lastPathComponent)")
            do { try read(Data(contentsOf: file)) } catch {}
        }
    }

    @Test("PNG decoder")
    func png() throws { try Self.replay("png") { _ = try PNGDecoder.decodeInk($0) } }

    @Test("zip archive, entry layout and drawings")
    func zip() throws {
        // Through a file, as Episcope reads archives.
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fuzz.zip")
        try Self.replay("zip") { data in
            try data.write(to: file)
            _ = try OmniglotDataset.decode(archive: file, set: .background)
        }
    }

    @Test("safetensors and model checkpoint")
    func safetensors() throws {
        try Self.replay("safetensors") {
            _ = try? SafeTensors.decode($0, path: "fuzz.safetensors")
            _ = try ModelCheckpoint.decode($0, path: "fuzz.safetensors")
        }
    }

    @Test("drawing cache")
    func cache() throws {
        // The key is the file's own, as the fuzzer passes it, so the input reaches past the key check.
        try Self.replay("cache") { data in
            let key = data.count >= 24 ? data[data.startIndex + 16..<data.startIndex + 24].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : 0
            _ = DatasetCache.decode(data, key: key)
        }
    }
}

/// The limits the fuzzing added to the readers, each with the smallest input that broke it.
@Suite("Reader limits")
struct ReaderLimitTests {
    /// A safetensors file with `header` as its JSON header and `body` as its data.
    static func safetensors(_ header: String, body: Data = Data()) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        return data + Data(header.utf8) + body
    }

    @Test("a shape whose element count overflows is rejected, not trapped on")
    func overflowingShape() {
        let file = Self.safetensors(#"{"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}}"#)
        #expect(throws: SafeTensors.Failure.self) { try SafeTensors.decode(file, path: "big.safetensors") }
    }

    @Test("a state dict's classifier may not have more ways than Omniglot has classes")
    func hugeClassifier() {
        // [2^40, 0] holds no bytes, so only the ways bound keeps the head from being allocated.
        let file = Self.safetensors(#"{"classifier.weight":{"dtype":"F32","shape":[1099511627776,0],"data_offsets":[0,0]}}"#)
        #expect(throws: SafeTensors.Failure.self) { try ModelCheckpoint.decode(file, path: "wide.safetensors") }
    }

    @Test("a batch counter that is no count, and buffers of the wrong shape, are rejected")
    func badBuffers() throws {
        var rng = SeededGenerator(seed: 1)
        let configuration = TrainingConfiguration.standard(.protonet, .omniglot)
        let parameters = ModelArchitecture(configuration).initialParameters(using: &rng)
        let running = RunningStatistics(layers: 4, channels: 64)
        let checkpoint = ModelCheckpoint(
            configuration: configuration, parameters: parameters, running: running, iteration: 1, wallSeconds: 0, command: "")
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("m.safetensors").path
        try checkpoint.write(to: path)
        var contents = try SafeTensors.read(path: path)
        #expect(throws: Never.self) { try ModelCheckpoint.decode(SafeTensors.encode(contents), path: path) }
        let counter = contents.tensors.firstIndex { $0.name == "encoder.2.1.num_batches_tracked" }!
        for value in [Float.nan, .infinity, 1e30, -1] {
            contents.tensors[counter].tensor = Tensor(shape: [], scalars: [value])
            #expect(throws: SafeTensors.Failure.self, "\(value)") { try ModelCheckpoint.decode(SafeTensors.encode(contents), path: path) }
        }
        contents.tensors[counter].tensor = Tensor(shape: [], scalars: [3])
        let mean = contents.tensors.firstIndex { $0.name == "encoder.1.1.running_mean" }!
        contents.tensors[mean].tensor = Tensor([1, 2, 3])
        #expect(throws: SafeTensors.Failure.self) { try ModelCheckpoint.decode(SafeTensors.encode(contents), path: path) }
    }

    @Test("cache header lengths near 2^63 read as a miss")
    func hugeCacheLengths() {
        for (metaLength, count) in [(UInt64.max, UInt64(0)), (0, UInt64(Int.max)), (UInt64(Int.max) - 40, 0)] {
            var data = Data("EPSCOMNI".utf8)
            for value in [UInt64(CacheFormat.version), 7, metaLength, count] {
                withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
            }
            #expect(DatasetCache.decode(data + Data(count: 64), key: 7) == nil)
        }
    }

    @Test("a PNG whose size its image data cannot fill is rejected before allocating it")
    func pngSizeBeyondItsData() {
        let ihdr = DataTestPNGWriter.bigEndian(16384) + DataTestPNGWriter.bigEndian(16384) + [8, 0, 0, 0, 0]
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += DataTestPNGWriter.chunk("IHDR", ihdr)
        bytes += DataTestPNGWriter.chunk("IDAT", DataTestPNGWriter.zlibStored([0, 0, 0]))
        bytes += DataTestPNGWriter.chunk("IEND", [])
        #expect(throws: PNGError.self) { try PNGDecoder.decodeInk(Data(bytes)) }
    }

    /// One stored entry holding `data` whose sizes claim `claimed` bytes, in the 32-bit fields or
    /// (`zip64`) in a zip64 field of the local header and the central directory.
    static func storedEntry(path: String, data: Data, claiming claimed: UInt64, zip64: Bool) -> Data {
        entry(path: path, data: data, payload: Array(data), method: 0, sizes: (claimed, claimed), zip64: zip64)
    }

    /// One deflated entry holding `data` as a single stored deflate block, the stream's last one
    /// when `final`; without it the stream never ends.
    static func deflatedEntry(path: String, data: Data, final: Bool) -> Data {
        let length = UInt16(data.count)
        let block = [UInt8(final ? 1 : 0), UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + Array(data)
        return entry(path: path, data: data, payload: block, method: 8, sizes: (UInt64(block.count), UInt64(data.count)), zip64: false)
    }

    /// A one-entry archive: `payload` stored with `method`, the directory giving `data`'s CRC and
    /// `sizes` (compressed, uncompressed), in zip64 fields when `zip64`.
    static func entry(path: String, data: Data, payload: [UInt8], method: UInt16, sizes: (UInt64, UInt64), zip64: Bool) -> Data {
        var bytes: [UInt8] = []
        func one<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        func put(_ values: any FixedWidthInteger...) { for v in values { one(v) } }
        let name = Array(path.utf8)
        let crc = Array(data).withUnsafeBufferPointer { PNGChunk.crc32($0) }
        let (compressed, uncompressed) = zip64 ? (UInt32.max, UInt32.max) : (UInt32(sizes.0), UInt32(sizes.1))
        func header(central: Bool) {
            put(UInt32(central ? 0x0201_4b50 : 0x0403_4b50))
            if central { put(UInt16(45)) }  // made by
            put(UInt16(45), UInt16(0), method, UInt16(0), UInt16(0))  // needed, flags, method, time, date
            put(crc, compressed, uncompressed, UInt16(name.count), UInt16(zip64 ? 20 : 0))
            if central { put(UInt16(0), UInt16(0), UInt16(0), UInt32(0), UInt32(0)) }  // comment, disk, attributes, offset 0
            bytes += name
            if zip64 { put(UInt16(1), UInt16(16), sizes.1, sizes.0) }
        }
        header(central: false)
        bytes += payload
        let centralStart = bytes.count
        header(central: true)
        let centralSize = bytes.count - centralStart
        put(UInt32(0x0605_4b50), UInt16(0), UInt16(0), UInt16(1), UInt16(1), UInt32(centralSize), UInt32(centralStart), UInt16(0))
        return Data(bytes)
    }

    /// Every file of the archive `bytes`, read through a file as Episcope reads archives.
    static func read(_ bytes: Data) throws -> [ZipReader.File] {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.zip")
        try bytes.write(to: url)
        return try ZipReader.readFiles(at: url) { _ in true }
    }

    /// The reason `readFiles` gives for refusing the archive `bytes`, or nil when it reads it.
    static func refusal(_ bytes: Data) throws -> String? {
        do {
            _ = try read(bytes)
            return nil
        } catch { return "\(error)" }
    }

    @Test("a deflated entry is read when its stream ends within it, and refused when it does not")
    func deflateStreamThatNeverEnds() throws {
        // The zip fuzzer's third finding: ZIPFoundation's Linux inflate read a stream whose last
        // block never comes for ever, past the entry and then past the end of the file.
        let hello = Data("hello".utf8)
        #expect(try Self.refusal(Self.deflatedEntry(path: "a/x.png", data: hello, final: true)) == nil)
        let reason = try Self.refusal(Self.deflatedEntry(path: "a/x.png", data: hello, final: false))
        #expect(reason?.contains("does not end within the entry") == true, "\(String(describing: reason))")
        let files = try Self.read(Self.deflatedEntry(path: "a/x.png", data: hello, final: true))
        #expect(files.map(\.path) == ["a/x.png"] && files.first?.data == hello)
    }

    @Test("zip64 archives are refused, since Omniglot's are not and a 64-bit size there is damage")
    func zip64IsRefused() throws {
        // The zip fuzzer's first finding: 2^62 stored bytes read for ever, in empty chunks; its
        // second: sizes past 2^63 trapped in ZIPFoundation's entry iterator.
        for claimed: UInt64 in [1 << 62, UInt64.max - 3] {
            let reason = try Self.refusal(Self.storedEntry(path: "a/x.png", data: Data("hello".utf8), claiming: claimed, zip64: true))
            #expect(reason?.contains("zip64") == true, "\(String(describing: reason))")
        }
    }

    @Test("a stored entry claiming more bytes than the file holds ends where the file does")
    func storedEntryPastTheEnd() throws {
        let reason = try Self.refusal(Self.storedEntry(path: "a/x.png", data: Data("hello".utf8), claiming: 0xFFFF_FFF0, zip64: false))
        #expect(reason?.contains("runs past the end of the archive") == true, "\(String(describing: reason))")
        #expect(try Self.refusal(Self.storedEntry(path: "a/x.png", data: Data("hello".utf8), claiming: 5, zip64: false)) == nil)
    }

    @Test("a zip entry claiming 4 GB is refused before that much is reserved")
    func zipEntryClaimingHugeSize() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.zip")
        try DataTestZipWriter.write([(path: "a/x.txt", data: Data("hello".utf8))], to: url)
        var bytes = try Data(contentsOf: url)
        // The central directory's uncompressed size (after its signature at the end of the
        // entry's local header and data) says 0xFFFFFFFE: past the 64 MB an entry may hold.
        let central = bytes.firstRange(of: Data([0x50, 0x4B, 0x01, 0x02]))!.lowerBound
        bytes.replaceSubrange((central + 24)..<(central + 28), with: [0xFE, 0xFF, 0xFF, 0xFF])
        let reason = try Self.refusal(bytes)
        #expect(reason?.contains("larger than 64 MB") == true, "\(String(describing: reason))")
    }
}
