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

/// A file written at explicit offsets (`pwrite`).
final class PositionedFile: Sendable {
    private let fd: Int32
    private let path: String

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        self.path = path
        guard fd >= 0 else { throw ArrowWriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
    }

    func write(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try write($0, at: offset) }
    }

    func write(_ raw: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < raw.count {
            let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ArrowWriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    func close() throws {
        if Foundation.close(fd) != 0 { throw ArrowWriteError(description: "cannot close \(path): \(String(cString: strerror(errno)))") }
    }
}

/// A table file that could not be written (disk full, no permission), with the OS's reason.
public struct ArrowWriteError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
