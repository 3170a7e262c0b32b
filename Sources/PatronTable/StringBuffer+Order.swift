import Foundation
import PatronSupport

extension StringBuffer {
    /// For strings of at most 8 bytes, one number per row that orders like the bytes (a
    /// shorter string first when one is the start of the other) and is equal exactly when the
    /// strings are: ids grouped and sorted by a radix sort on a word, with no comparisons.
    ///
    /// Each byte position's value is replaced by its rank among the values seen at that
    /// position, so the numbers are dense: eight-character ids such as `C0123456` use about
    /// 20 bits, not 64. Returns nil when a string is longer than 8 bytes or the numbers would
    /// not fit 62 bits.
    ///
    /// ```swift
    /// var ids = StringBuffer()
    /// for id in ["C2", "C10", "C2"] { ids.append(id) }
    /// ids.orderKeys()   // (keys: [2, 1, 2], limit: 4): "C10" before "C2"
    /// ```
    package func orderKeys() -> (keys: [UInt64], limit: UInt64)? {
        let n = count
        // Which byte values occur at each of the 8 positions (a 256-bit set each; 0 stands
        // for "past the end"), which lengths occur, and whether a value holds a 0 byte.
        typealias Seen = (values: [UInt64], lengths: UInt16, zero: Bool, tooLong: Bool)
        let parts = ParallelBlocks.map(count: n, block: 262_144) { range -> Seen in
            var seen: Seen = ([UInt64](repeating: 0, count: 32), 0, false, false)
            bytes.withUnsafeBufferPointer { bytes in
                offsets.withUnsafeBufferPointer { offsets in
                    for row in range {
                        let start = Int(offsets[row]), length = Int(offsets[row + 1]) - start
                        if length > 8 {
                            seen.tooLong = true
                            return
                        }
                        seen.lengths |= 1 << length
                        for p in 0..<length {
                            let v = Int(bytes[start + p])
                            seen.values[p << 2 | v >> 6] |= 1 << UInt64(v & 63)
                            if v == 0 { seen.zero = true }
                        }
                    }
                }
            }
            return seen
        }
        var values = [UInt64](repeating: 0, count: 32), lengths: UInt16 = 0, zero = false
        for part in parts {
            if part.tooLong { return nil }
            for i in 0..<32 { values[i] |= part.values[i] }
            lengths |= part.lengths
            zero = zero || part.zero
        }
        // Position p holds the padding 0 when some value is shorter than p + 1 bytes.
        for p in 0..<8 where lengths & ((1 << (p + 1)) - 1) != 0 { values[p << 2] |= 1 }
        // Digits from the last (least significant) to the first; the length is a last digit
        // only when a value holds a 0 byte (otherwise the padding already tells lengths apart).
        var table = [UInt64](repeating: 0, count: 8 * 256)
        var weight: UInt64 = 1
        var lengthWeight: [UInt64] = []
        if zero {
            var rank: UInt64 = 0
            lengthWeight = [UInt64](repeating: 0, count: 9)
            for length in 0...8 where lengths & (1 << length) != 0 {
                lengthWeight[length] = rank
                rank += 1
            }
            weight = rank
        }
        for p in (0..<8).reversed() {
            var rank: UInt64 = 0
            for v in 0..<256 where values[p << 2 | v >> 6] & (1 << UInt64(v & 63)) != 0 {
                table[p << 8 | v] = rank * weight
                rank += 1
            }
            let (next, overflow) = weight.multipliedReportingOverflow(by: max(rank, 1))
            if overflow || next > 1 << 62 { return nil }
            weight = next
        }
        let keys = [UInt64](unsafeUninitializedCapacity: n) { out, initialized in
            bytes.withUnsafeBufferPointer { bytes in
                offsets.withUnsafeBufferPointer { offsets in
                    table.withUnsafeBufferPointer { table in
                        for row in 0..<n {
                            let start = Int(offsets[row]), length = Int(offsets[row + 1]) - start
                            var key: UInt64 = 0
                            for p in 0..<8 { key &+= table[p << 8 | (p < length ? Int(bytes[start + p]) : 0)] }
                            if zero { key &+= lengthWeight[length] }
                            out[row] = key
                        }
                    }
                }
            }
            initialized = n
        }
        return (keys, weight)
    }
}

extension StringBuffer {
    /// Byte order of `a[i]` and `b[j]` (a shorter string first when one starts the other):
    /// negative, zero or positive.
    package static func compare(_ a: StringBuffer, _ i: Int, _ b: StringBuffer, _ j: Int) -> Int {
        let ra = a.range(i), rb = b.range(j)
        let common = min(ra.count, rb.count)
        let c =
            common == 0
            ? 0
            : a.bytes.withUnsafeBufferPointer { pa in
                b.bytes.withUnsafeBufferPointer { pb in
                    Int(memcmp(pa.baseAddress! + ra.lowerBound, pb.baseAddress! + rb.lowerBound, common))
                }
            }
        return c != 0 ? c : ra.count - rb.count
    }

    /// Whether each string comes after the one before it in byte order (so none repeats).
    package func isStrictlyIncreasing() -> Bool {
        count < 2 || (1..<count).allSatisfy { StringBuffer.compare(self, $0 - 1, self, $0) < 0 }
    }
}
