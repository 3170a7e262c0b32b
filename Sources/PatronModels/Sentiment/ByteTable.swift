import Foundation

/// A read-only hash table from UTF-8 byte strings to values, looked up by a byte range: the
/// scorer and the language identifier find words without making a `String` or hashing with
/// SipHash (open addressing on an FNV-1a hash, keys compared byte for byte).
struct ByteTable<Value: Sendable>: Sendable {
    private let slots: [Int32]
    private let keyStart: [Int32]
    private let keyBytes: [UInt8]
    private let values: [Value]
    private let mask: Int

    init(_ entries: [String: Value]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var starts = [Int32](), bytes = [UInt8](), values = [Value]()
        // Sorted, so the table's layout does not depend on the dictionary's order.
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(key.utf8)
            var slot = utf8.withUnsafeBufferPointer { Self.hash($0) } & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(values.count)
            starts.append(Int32(bytes.count))
            bytes += utf8
            values.append(value)
        }
        starts.append(Int32(bytes.count))
        self.slots = slots
        keyStart = starts
        keyBytes = bytes
        self.values = values
        mask = capacity - 1
    }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value stored for exactly these bytes.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var slot = Self.hash(bytes) & mask
        return keyBytes.withUnsafeBufferPointer { keys in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                let start = Int(keyStart[entry]), end = Int(keyStart[entry + 1])
                if end - start == bytes.count && (bytes.isEmpty || memcmp(keys.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0) {
                    return values[entry]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func lookup(_ bytes: [UInt8]) -> Value? { bytes.withUnsafeBufferPointer { lookup($0) } }
    func lookup(_ bytes: ArraySlice<UInt8>) -> Value? { bytes.withUnsafeBufferPointer { lookup($0) } }
}
