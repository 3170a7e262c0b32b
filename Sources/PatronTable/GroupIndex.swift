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
        let hashes = GroupIndex.rowHashes(columns, rows: rows)
        let equal = columns.map { $0.equality() }
        let skip: [Bool] = !nullsAreValues && columns.contains(where: { $0.validity != nil })
            ? (0..<rows).map { row in columns.contains { $0.isNull(row) } } : []
        // Rows are split by hash between cores; each part groups its rows on its own, then
        // groups are numbered by their first row, so the result does not depend on the split.
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows / 200_000))
        var ids = [Int32](repeating: -1, count: rows)
        // Per part: its groups' first rows, and (row, local group) for each of its rows.
        let results = Mutex([(firstRow: [Int], rows: [Int32], groups: [Int32])](repeating: ([], [], []), count: parts))
        do {
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var firstRow = [Int]()
                var partRows = [Int32](), partGroups = [Int32]()
                partRows.reserveCapacity(rows / parts + 16)
                partGroups.reserveCapacity(rows / parts + 16)
                var capacity = 16
                while capacity < (rows / parts) * 3 / 2 + 16 { capacity <<= 1 }
                // Each slot is two words: the upper 32 bits of the row hash with local group + 1
                // (0 = empty), and a key prefix. For a single string column the prefix is the
                // value's first 8 bytes and the tag's low byte its length, so values of up to 8
                // bytes (most ids) are told apart in the slot itself, without reading the
                // group's first row.
                var slots = [UInt64](repeating: 0, count: 2 * capacity)
                let mask = capacity - 1
                // (Only without nulls: a null and "" must still go through the full comparison.)
                let strings: StringBuffer? = if columns.count == 1, columns[0].validity == nil, case .string(let s) = columns[0].storage { s } else { nil }
                let stringBytes = strings?.bytes ?? [], stringOffsets = strings?.offsets ?? []
                slots.withUnsafeMutableBufferPointer { slots in
                    stringBytes.withUnsafeBufferPointer { bytes in
                        for row in 0..<rows {
                            let h = hashes[row]
                            if parts > 1 && Int((h >> 24) % UInt64(parts)) != part { continue }
                            if !skip.isEmpty && skip[row] { continue }
                            var tag = h >> 32, prefix: UInt64 = 0, short = false
                            if strings != nil {
                                let start = Int(stringOffsets[row]), length = Int(stringOffsets[row + 1]) - start
                                for k in 0..<min(8, length) { prefix |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
                                tag = tag & ~0xFF | UInt64(min(length, 255))
                                short = length <= 8
                            }
                            var slot = Int(truncatingIfNeeded: h) & mask
                            while true {
                                let entry = slots[2 * slot]
                                if entry == 0 {
                                    slots[2 * slot] = tag << 32 | UInt64(firstRow.count + 1)
                                    slots[2 * slot + 1] = prefix
                                    partRows.append(Int32(row))
                                    partGroups.append(Int32(firstRow.count))
                                    firstRow.append(row)
                                    break
                                }
                                if entry >> 32 == tag && slots[2 * slot + 1] == prefix {
                                    let group = Int(entry & 0xFFFF_FFFF) - 1
                                    if short || (equal.count == 1 ? equal[0](row, firstRow[group]) : equal.allSatisfy({ $0(row, firstRow[group]) })) {
                                        partRows.append(Int32(row))
                                        partGroups.append(Int32(group))
                                        break
                                    }
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
                results.withLock { $0[part] = (firstRow, partRows, partGroups) }
            }
        }
        let parted = results.withLock { $0 }
        let local = parted.map(\.firstRow)
        if parts == 1 {
            for (row, group) in zip(parted[0].rows, parted[0].groups) { ids[Int(row)] = group }
            self.ids = ids
            self.firstRow = local[0]
            return
        }
        // Number groups by first appearance.
        var all = [(row: Int, part: Int, local: Int)]()
        all.reserveCapacity(local.reduce(0) { $0 + $1.count })
        for (part, rowsOfPart) in local.enumerated() { for (g, row) in rowsOfPart.enumerated() { all.append((row, part, g)) } }
        all.sort { $0.row < $1.row }
        var global = local.map { [Int32](repeating: 0, count: $0.count) }
        for (id, entry) in all.enumerated() { global[entry.part][entry.local] = Int32(id) }
        for (part, result) in parted.enumerated() {
            for (row, group) in zip(result.rows, result.groups) { ids[Int(row)] = global[part][Int(group)] }
        }
        self.ids = ids
        self.firstRow = all.map(\.row)
    }

    /// A 64-bit hash of each row's values across `columns` (FNV-1a bytes, then a final mix).
    static func rowHashes(_ columns: [Column], rows: Int) -> [UInt64] {
        // Blocks of rows on all cores, each hashing every column for its rows: one output
        // array, no per-column intermediates.
        ParallelBlocks.map(count: rows, block: 65_536) { range in
            var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: range.count)
            for column in columns {
                let part = columnHashes(column, rows: range)
                for i in 0..<range.count { hashes[i] = mix(hashes[i], part[i]) }
            }
            return hashes
        }.flatMap { $0 }
    }

    /// A 64-bit hash of each row's value (nulls hash alike).
    public static func columnHashes(_ column: Column, rows: Int) -> [UInt64] { columnHashes(column, rows: 0..<rows) }

    /// Hashes of the values in `rows`, indexed from 0.
    static func columnHashes(_ column: Column, rows: Range<Int>) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: rows.count)
        let first = rows.lowerBound
        switch column.storage {
        case .int(let v): for i in rows { out[i - first] = UInt64(bitPattern: v[i]) }
        case .decimal(let v): for i in rows { out[i - first] = (v[i] == 0 ? 0 : v[i]).bitPattern }
        case .date(let v): for i in rows { out[i - first] = UInt64(bitPattern: Int64(v[i])) }
        case .bool(let v): for i in rows { out[i - first] = v[i] ? 1 : 2 }
        case .string(let s):
            s.bytes.withUnsafeBufferPointer { bytes in
                s.offsets.withUnsafeBufferPointer { offsets in
                    for i in rows {
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
                        out[i - first] = mix(h, tail ^ UInt64(end - Int(offsets[i])) << 56)
                    }
                }
            }
        }
        if let validity = column.validity {
            for i in rows where !validity[i] { out[i - first] = 0x5bd1_e995_dead_beef }
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
                return s.bytes.withUnsafeBufferPointer { bytes in
                    var i = 0
                    let base = UnsafeRawPointer(bytes.baseAddress!)
                    // Eight bytes at a time; ids are short, so this beats a call to memcmp.
                    while i + 8 <= ra.count {
                        if base.loadUnaligned(fromByteOffset: ra.lowerBound + i, as: UInt64.self)
                            != base.loadUnaligned(fromByteOffset: rb.lowerBound + i, as: UInt64.self) { return false }
                        i += 8
                    }
                    while i < ra.count {
                        if bytes[ra.lowerBound + i] != bytes[rb.lowerBound + i] { return false }
                        i += 1
                    }
                    return true
                }
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
