import Foundation

/// A reusable growable buffer of plain values for the record being parsed: appends are
/// plain stores or one `memcpy`, clearing keeps the memory. Owned by one `ChunkParser`,
/// never shared.
final class Scratch<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    private func reserve(_ needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    func append(_ value: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = value
        count += 1
    }

    func append(_ values: UnsafeRawPointer, _ n: Int) {
        if count + n > capacity { reserve(count + n) }
        (base + count).update(from: values.assumingMemoryBound(to: Element.self), count: n)
        count += n
    }

    func removeAll() { count = 0 }

    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> Element { base[i] }

    subscript(range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}

extension Scratch where Element == UInt8 {
    func occurrences(of byte: UInt8) -> Int { countByte(byte, in: UnsafeRawBufferPointer(start: base, count: count)) }
}

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
