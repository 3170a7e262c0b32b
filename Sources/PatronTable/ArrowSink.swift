import Foundation
import PatronSupport

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

extension SequentialFile: ArrowSink {}
