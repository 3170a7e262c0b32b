/// Dense group ids for rows with equal values in the given columns, numbered in order of
/// first appearance: what a `groupby` needs, without a `String` per row.
///
/// ```swift
/// let groups = GroupIndex([customerColumn])
/// groups.ids[row]        // 0, 1, 0, 2, …   (-1 where a key is null)
/// groups.firstRow[g]     // the first row of group g
/// ```
public struct GroupIndex: Sendable {
    public let ids: [Int32]
    public let firstRow: [Int]
    public var count: Int { firstRow.count }

    /// With `nullsAreValues`, a null is a key like any other (nulls group together);
    /// otherwise rows with a null key get id -1.
    public init(_ columns: [Column], nullsAreValues: Bool = false) {
        let rows = columns.first?.count ?? 0
        var ids = [Int32](repeating: -1, count: rows)
        var firstRow = [Int]()
        var capacity = 16
        while capacity < rows + rows / 2 { capacity <<= 1 }
        // Each slot: the upper 32 bits of the row hash, and group id + 1 (0 = empty).
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        let hashes = GroupIndex.rowHashes(columns, rows: rows)
        let equal = columns.map { $0.equality() }
        let skipNulls = !nullsAreValues && columns.contains { $0.validity != nil }
        slots.withUnsafeMutableBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                for row in 0..<rows {
                    if skipNulls && columns.contains(where: { $0.isNull(row) }) { continue }
                    let h = hashes[row]
                    let tag = h >> 32
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 {
                            slots[slot] = tag << 32 | UInt64(firstRow.count + 1)
                            ids[row] = Int32(firstRow.count)
                            firstRow.append(row)
                            break
                        }
                        if entry >> 32 == tag {
                            let group = Int(entry & 0xFFFF_FFFF) - 1
                            let other = firstRow[group]
                            if hashes[other] == h, equal.allSatisfy({ $0(row, other) }) {
                                ids[row] = Int32(group)
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        self.ids = ids
        self.firstRow = firstRow
    }

    /// A 64-bit hash of each row's values across `columns` (FNV-1a bytes, then a final mix).
    static func rowHashes(_ columns: [Column], rows: Int) -> [UInt64] {
        // Each column hashed on its own core, then combined row by row.
        let perColumn = Mutex([[UInt64]](repeating: [], count: columns.count))
        DispatchQueue.concurrentPerform(iterations: columns.count) { c in
            let h = columnHashes(columns[c], rows: rows)
            perColumn.withLock { $0[c] = h }
        }
        let parts = perColumn.withLock { $0 }
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: rows)
        for part in parts { for i in 0..<rows { hashes[i] = mix(hashes[i], part[i]) } }
        return hashes
    }

    /// A 64-bit hash of each row's value (nulls hash alike).
    public static func columnHashes(_ column: Column, rows: Int) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: rows)
        switch column.storage {
        case .int(let v): for i in 0..<rows { out[i] = UInt64(bitPattern: v[i]) }
        case .decimal(let v): for i in 0..<rows { out[i] = (v[i] == 0 ? 0 : v[i]).bitPattern }
        case .date(let v): for i in 0..<rows { out[i] = UInt64(bitPattern: Int64(v[i])) }
        case .bool(let v): for i in 0..<rows { out[i] = v[i] ? 1 : 2 }
        case .string(let s):
            s.bytes.withUnsafeBufferPointer { bytes in
                s.offsets.withUnsafeBufferPointer { offsets in
                    for i in 0..<rows {
                        var h: UInt64 = 0xcbf2_9ce4_8422_2325
                        var p = Int(offsets[i])
                        let end = Int(offsets[i + 1])
                        // Eight bytes at a time where possible.
                        while p + 8 <= end {
                            h = mix(h, UnsafeRawPointer(bytes.baseAddress! + p).loadUnaligned(as: UInt64.self))
                            p += 8
                        }
                        var tail: UInt64 = 0
                        var shift: UInt64 = 0
                        while p < end { tail |= UInt64(bytes[p]) << shift; shift += 8; p += 1 }
                        out[i] = mix(h, tail ^ UInt64(end - Int(offsets[i])) << 56)
                    }
                }
            }
        }
        if let validity = column.validity {
            for i in 0..<rows where !validity[i] { out[i] = 0x5bd1_e995_dead_beef }
        }
        return out
    }

    /// Combines a hash with a value (a multiply-xorshift finaliser).
    @inline(__always) public static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}

extension Column {
    /// A comparison of two rows with the storage unwrapped once, for hot loops.
    public func equality() -> @Sendable (Int, Int) -> Bool {
        let validity = self.validity
        @Sendable func nullsDecide(_ a: Int, _ b: Int) -> Bool? {
            guard let validity, !(validity[a] && validity[b]) else { return nil }
            return validity[a] == validity[b]
        }
        switch storage {
        case .int(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .decimal(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .date(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .bool(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .string(let s):
            return { a, b in
                if let decided = nullsDecide(a, b) { return decided }
                let ra = s.range(a), rb = s.range(b)
                guard ra.count == rb.count else { return false }
                if ra.isEmpty { return true }
                return s.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + ra.lowerBound, $0.baseAddress! + rb.lowerBound, ra.count) == 0 }
            }
        }
    }

    /// Whether rows `a` and `b` hold the same value (nulls equal nulls).
    public func valuesEqual(_ a: Int, _ b: Int) -> Bool {
        if isNull(a) || isNull(b) { return isNull(a) && isNull(b) }
        switch storage {
        case .int(let v): return v[a] == v[b]
        case .decimal(let v): return v[a] == v[b]
        case .date(let v): return v[a] == v[b]
        case .bool(let v): return v[a] == v[b]
        case .string(let s):
            let ra = s.range(a), rb = s.range(b)
            guard ra.count == rb.count else { return false }
            if ra.isEmpty { return true }
            return s.bytes.withUnsafeBufferPointer { bytes in
                memcmp(bytes.baseAddress! + ra.lowerBound, bytes.baseAddress! + rb.lowerBound, ra.count) == 0
            }
        }
    }
}

import Foundation
import Synchronization
