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

/// A table file that could not be written (disk full, no permission), with the OS's reason.
public struct ArrowWriteError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
