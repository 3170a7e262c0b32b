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
        while capacity < rows * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        let hashes = GroupIndex.rowHashes(columns, rows: rows)
        for row in 0..<rows where nullsAreValues || !columns.contains(where: { $0.isNull(row) }) {
            var slot = Int(truncatingIfNeeded: hashes[row]) & mask
            while true {
                let group = slots[slot]
                if group < 0 {
                    slots[slot] = Int32(firstRow.count)
                    ids[row] = Int32(firstRow.count)
                    firstRow.append(row)
                    break
                }
                let other = firstRow[Int(group)]
                if hashes[other] == hashes[row], columns.allSatisfy({ $0.valuesEqual(row, other) }) {
                    ids[row] = group
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        self.ids = ids
        self.firstRow = firstRow
    }

    /// A 64-bit hash of each row's values across `columns` (FNV-1a bytes, then a final mix).
    static func rowHashes(_ columns: [Column], rows: Int) -> [UInt64] {
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: rows)
        for column in columns {
            defer {
                if let validity = column.validity {
                    for i in 0..<rows where !validity[i] { hashes[i] = mix(hashes[i] ^ 0x5bd1_e995, 0xdead_beef) }
                }
            }
            switch column.storage {
            case .int(let v): for i in 0..<rows { hashes[i] = mix(hashes[i], UInt64(bitPattern: v[i])) }
            case .decimal(let v): for i in 0..<rows { hashes[i] = mix(hashes[i], (v[i] == 0 ? 0 : v[i]).bitPattern) }
            case .date(let v): for i in 0..<rows { hashes[i] = mix(hashes[i], UInt64(bitPattern: Int64(v[i]))) }
            case .bool(let v): for i in 0..<rows { hashes[i] = mix(hashes[i], v[i] ? 1 : 2) }
            case .string(let s):
                s.bytes.withUnsafeBufferPointer { bytes in
                    s.offsets.withUnsafeBufferPointer { offsets in
                        for i in 0..<rows {
                            var h: UInt64 = 0xcbf2_9ce4_8422_2325
                            for b in bytes[Int(offsets[i])..<Int(offsets[i + 1])] { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                            hashes[i] = mix(hashes[i], h)
                        }
                    }
                }
            }
        }
        return hashes
    }

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}

extension Column {
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
