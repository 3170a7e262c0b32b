/// A reusable growable byte buffer for the fields of the record being parsed: appends are
/// single `memcpy`s, clearing keeps the memory. Owned by one `ChunkParser`, never shared.
final class ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    func append(_ bytes: UnsafeRawPointer, _ n: Int) {
        if count + n > capacity {
            var grown = capacity * 2
            while grown < count + n { grown *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = grown
        }
        (base + count).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: n)
        count += n
    }

    func removeAll() { count = 0 }

    var isEmpty: Bool { count == 0 }

    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func occurrences(of byte: UInt8) -> Int { countByte(byte, in: UnsafeRawBufferPointer(start: base, count: count)) }
}

import Foundation

/// How often `byte` occurs in `bytes`, jumping between hits with `memchr` (vectorised):
/// fast when hits are rare, as quotes and in-field newlines are.
func countByte(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int {
    guard var from = bytes.baseAddress else { return 0 }
    var left = bytes.count, n = 0
    while left > 0, let hit = memchr(from, Int32(byte), left) {
        n += 1
        let consumed = UnsafeRawPointer(hit) - from + 1
        left -= consumed
        from += consumed
    }
    return n
}
