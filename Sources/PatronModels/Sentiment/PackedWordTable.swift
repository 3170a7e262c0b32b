/// Words of at most eight UTF-8 bytes, packed into a `UInt64` (first byte lowest), mapped to
/// values: the language identifier's function-word check and the scorer's emoticons cost one
/// multiply and a probe, with no buffer to fill and no bytes to compare.
struct PackedWordTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value?]
    private let mask: Int

    /// Words longer than eight bytes cannot be stored; `init` stops on one (a programming error
    /// in a built-in list, caught by the tests).
    init(_ entries: [String: Value]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity), values = [Value?](repeating: nil, count: capacity)
        for (word, value) in entries {
            precondition(
                !word.isEmpty && word.utf8.count <= 8, "PackedWordTable holds words of 1 to 8 bytes; got '\(word)'")
            let key = Self.pack(word.utf8)
            var slot = key.tableSlot(capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        mask = capacity - 1
    }

    static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var key: UInt64 = 0
        for (n, b) in bytes.prefix(8).enumerated() { key |= UInt64(b) << (8 * UInt64(n)) }
        return key
    }

    /// The value of a packed word (no byte of a word is 0, so a key is never 0).
    @inline(__always) func lookup(_ key: UInt64) -> Value? {
        var slot = key.tableSlot(mask)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

extension UInt64 {
    /// The slot of a packed key (letters, or bytes, of a short word or gram) in an
    /// open-addressing table of `mask + 1` slots, up to 2²⁰: the high bits of a multiplicative
    /// hash, which depend on every bit of the key (the low bits see only its last letters).
    @inline(__always) func tableSlot(_ mask: Int) -> Int {
        Int(truncatingIfNeeded: (self &* 0x9E37_79B9_7F4A_7C15) >> 44) & mask
    }
}
