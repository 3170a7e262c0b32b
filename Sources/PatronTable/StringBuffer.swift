/// Strings stored as one UTF-8 byte buffer plus `count + 1` offsets, the Arrow `utf8` layout.
public struct StringBuffer: Sendable, Equatable {
    package var offsets: [Int32]
    package var bytes: [UInt8]

    package init() {
        offsets = [0]
        bytes = []
    }

    package init(offsets: [Int32], bytes: [UInt8]) {
        precondition(!offsets.isEmpty, "a string buffer needs at least one offset")
        self.offsets = offsets
        self.bytes = bytes
    }

    /// The number of strings.
    public var count: Int { offsets.count - 1 }

    /// The most text one string column holds: 2 GiB − 1 bytes, as Arrow `utf8`'s 32-bit offsets
    /// address. Readers check it and fail with the column's name (`CSVError.textTooLarge`,
    /// `TableError.textTooLarge`, `ArrowFormatError`) instead of overflowing.
    public static let maxBytes = Int(Int32.max)

    /// Whether `more` bytes still fit.
    package func fits(_ more: Int) -> Bool { more <= StringBuffer.maxBytes - bytes.count }

    package mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append(bytesOf: $0) }
    }

    package mutating func append(bytesOf utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(Int32(bytes.count))
    }

    package mutating func appendEmpty() { offsets.append(Int32(bytes.count)) }

    package mutating func reserve(rows: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    /// The string at `row`.
    public subscript(row: Int) -> String {
        let start = Int(offsets[row]), end = Int(offsets[row + 1])
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }

    /// Byte range of `row` in `bytes`.
    package func range(_ row: Int) -> Range<Int> { Int(offsets[row])..<Int(offsets[row + 1]) }

    /// Appends every string of `other`.
    package mutating func append(contentsOf other: StringBuffer) {
        let base = Int32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.reserveCapacity(offsets.count + other.count)
        for i in 1..<other.offsets.count { offsets.append(other.offsets[i] + base) }
    }
}
