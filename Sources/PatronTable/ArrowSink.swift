import Foundation

/// Where the Arrow writer puts bytes: memory or a file.
protocol ArrowSink {
    var count: Int { get }
    mutating func put(_ bytes: UnsafeRawBufferPointer)
}

extension ArrowSink {
    mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBytes { put($0) } }
    mutating func put(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { put($0) } }
}

struct ByteSink: ArrowSink {
    var bytes: [UInt8] = []
    var count: Int { bytes.count }
    mutating func put(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
}

/// Buffered writes to a file descriptor; large buffers go straight to `write(2)`.
struct FileSink: ArrowSink {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0
    private(set) var count = 0

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        self.path = path
        guard fd >= 0 else { throw ArrowFormatError(reason: "cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(1 << 16)
    }

    mutating func put(_ raw: UnsafeRawBufferPointer) {
        count += raw.count
        if buffer.count + raw.count <= 1 << 16 {
            buffer.append(contentsOf: raw)
            return
        }
        flush()
        if raw.count >= 1 << 16 { writeAll(raw) } else { buffer.append(contentsOf: raw) }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        pending.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count, failure == 0 {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                offset += n
            }
        }
    }

    mutating func close() throws {
        flush()
        let closed = Foundation.close(fd)
        if failure != 0 || closed != 0 {
            throw ArrowFormatError(reason: "cannot write \(path): \(String(cString: strerror(failure != 0 ? failure : errno)))")
        }
    }
}
