import Foundation

/// A read-only hash table from UTF-8 byte strings to values, looked up by a byte range: the
/// scorer finds words without making a `String` or hashing with SipHash. Open addressing on an
/// FNV-1a hash; each slot holds its key's length and first eight bytes, so most words are told
/// apart without reading the key's bytes (longer keys compare the rest).
struct ByteTable<Value: Sendable>: Sendable {
    /// One slot: the key's first eight bytes packed (first byte lowest, zero-padded), where the
    /// key is in `keyBytes`, and its length (-1: empty).
    struct Slot: Sendable {
        var prefix: UInt64 = 0
        var start: Int32 = 0, length: Int32 = -1
    }

    private let slots: [Slot]
    private let values: [Value?]
    private let keyBytes: [UInt8]
    private let mask: Int

    init(_ entries: [String: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        var bytes = [UInt8]()
        // In the dictionary's order, which differs between processes: that moves keys between
        // slots, never what a lookup finds (each key is in the table once).
        for (key, value) in entries {
            let utf8 = Array(key.utf8)
            let (h, prefix) = utf8.withUnsafeBufferPointer { Self.hash($0) }
            var slot = h & (capacity - 1)
            while slots[slot].length >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(prefix: prefix, start: Int32(bytes.count), length: Int32(utf8.count))
            values[slot] = value
            bytes += utf8
        }
        self.slots = slots
        self.values = values
        keyBytes = bytes
        mask = capacity - 1
    }

    /// FNV-1a of the bytes, and their first eight packed.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        for (k, b) in bytes.enumerated() {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            if k < 8 { prefix |= UInt64(b) << (8 * UInt64(k)) }
        }
        return (Int(truncatingIfNeeded: h ^ (h >> 29)), prefix)
    }

    /// The value stored for exactly these bytes.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let (h, prefix) = Self.hash(bytes)
        var slot = h & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let s = slots[slot]
                if s.length < 0 { return nil }
                if Int(s.length) == bytes.count && s.prefix == prefix
                    && (bytes.count <= 8
                        || keyBytes.withUnsafeBufferPointer {
                            memcmp($0.baseAddress! + Int(s.start) + 8, bytes.baseAddress! + 8, bytes.count - 8) == 0
                        })
                {
                    return values[slot]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func lookup(_ bytes: [UInt8]) -> Value? { bytes.withUnsafeBufferPointer { lookup($0) } }
}

extension String {
    /// Whether `a` comes before `b` in the byte order of their UTF-8 forms: the order of their
    /// Unicode scalars, which for text in NFC (the lexicons) is the order of `<` without its
    /// normalisation, several times faster on the tens of thousands of words sorted at load.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
