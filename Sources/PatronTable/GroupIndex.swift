import Foundation
import PatronSupport
import Synchronization

/// Dense group ids for rows with equal values in the given columns, numbered in order of
/// first appearance: what a `groupby` needs, without a `String` per row.
///
/// ```swift
/// let groups = GroupIndex([customerColumn])
/// groups.ids[row]        // 0, 1, 0, 2, …   (-1 where a key is null)
/// groups.firstRow[g]     // the first row of group g
/// ```
package struct GroupIndex: Sendable {
    package let ids: [Int32]
    package let firstRow: [Int]
    package var count: Int { firstRow.count }

    /// With `nullsAreValues`, a null is a key like any other (nulls group together);
    /// otherwise rows with a null key get id -1. Rows where `excluding` is true get id -1 too.
    package init(_ columns: [Column], nullsAreValues: Bool = false, excluding: [Bool]? = nil) {
        self.init(columns, nullsAreValues: nullsAreValues, excluding: excluding, compactRuns: true)
    }

    private init(_ columns: [Column], nullsAreValues: Bool, excluding: [Bool]?, compactRuns: Bool) {
        let rows = columns.first?.count ?? 0
        var skip: [Bool] =
            !nullsAreValues && columns.contains(where: { $0.validity != nil })
            ? (0..<rows).map { row in columns.contains { $0.isNull(row) } } : []
        if let excluding {
            skip = skip.isEmpty ? excluding : zip(skip, excluding).map { $0 || $1 }
        }
        // Keys that come in runs (the lines of one order, one after another): the first row of
        // each run is grouped alone, from columns that hold only those rows, and the rest of
        // each run takes its group.
        if compactRuns, let repeats = GroupIndex.repeats(columns, rows: rows, skip: skip) {
            let heads = (0..<rows).filter { !repeats[$0] }
            let inner = GroupIndex(
                columns.map { $0.gathering(heads) }, nullsAreValues: nullsAreValues,
                excluding: excluding.map { e in heads.map { e[$0] } }, compactRuns: false)
            var ids = [Int32](repeating: -1, count: rows)
            var k = 0
            for row in 0..<rows {
                if repeats[row] {
                    ids[row] = ids[row - 1]
                } else {
                    ids[row] = inner.ids[k]
                    k += 1
                }
            }
            self.init(ids: ids, firstRow: inner.firstRow.map { heads[$0] })
            return
        }
        if let (ids, firstRow) = GroupIndex.few(columns, rows: rows, skip: skip) {
            self.init(ids: ids, firstRow: firstRow)
            return
        }
        // (Not with nulls as values: a null and "" must still go through the full comparison.
        // Otherwise null rows are skipped and never reach the table.)
        let strings: StringBuffer? =
            if columns.count == 1, columns[0].validity == nil || !nullsAreValues,
                case .string(let s) = columns[0].storage
            {
                s
            } else {
                nil
            }
        self.init(
            rows: rows, hashes: GroupIndex.rowHashes(columns, rows: rows, skip: skip), skip: skip,
            key: strings.map { .strings($0) }, equal: columns.map { $0.equality() })
    }

    /// Which rows equal the row before them (neither skipped), or nil when the first rows
    /// show few such repeats (fewer than one in five): keys that seldom repeat in a row, such
    /// as whole rows, cost no more than this look at their first rows.
    static func repeats(_ columns: [Column], rows: Int, skip: [Bool]) -> [Bool]? {
        guard rows > 1 else { return nil }
        // Column by column, each with its storage unwrapped once: no call per row and column.
        var same = [Bool](repeating: true, count: rows)
        same[0] = false
        if !skip.isEmpty { for row in 1..<rows where skip[row] || skip[row - 1] { same[row] = false } }
        func mark(_ range: Range<Int>) {
            for column in columns { column.keepRowsEqualToTheOneBefore(&same, in: range) }
        }
        let probe = min(rows, 1_024)
        mark(1..<probe)
        guard same[..<probe].count(where: { $0 }) * 5 >= probe else { return nil }
        mark(probe..<rows)
        return same
    }

    /// Groups of equal 64-bit keys, numbered in order of first appearance: `init(_:)` for
    /// keys the caller has packed (several small integers in one word, a value's bits), with
    /// no comparison beyond the key itself.
    ///
    /// ```swift
    /// let groups = GroupIndex(keys: zip(xs, slots).map { UInt64($0) << 32 | UInt64($1) })
    /// ```
    package init(keys: [UInt64]) {
        // Keys in a range not much larger than the rows: a table indexed by key.
        if let largest = keys.max(), largest < UInt64(max(65_536, 2 * keys.count)),
            let (ids, firstRow) = GroupIndex.direct(keys: keys, limit: Int(largest) + 1)
        {
            self.init(ids: ids, firstRow: firstRow)
            return
        }
        if let (ids, firstRow) = GroupIndex.few(keys: keys) {
            self.init(ids: ids, firstRow: firstRow)
            return
        }
        let hashes = ParallelBlocks.map(count: keys.count, block: 65_536) { range in
            range.map { GroupIndex.mix(0xcbf2_9ce4_8422_2325, keys[$0]) }
        }.flatMap { $0 }
        self.init(rows: keys.count, hashes: hashes, skip: [], key: .words(keys), equal: [])
    }

    private init(ids: [Int32], firstRow: [Int]) {
        self.ids = ids
        self.firstRow = firstRow
    }

    /// What a slot holds beside the hash to tell rows apart: a string's first 8 bytes (the
    /// whole value when it is no longer), or the whole key.
    private enum SlotKey {
        case strings(StringBuffer)
        case words([UInt64])
    }

    private init(
        rows: Int, hashes: consuming [UInt64], skip: [Bool], key: SlotKey?, equal: [@Sendable (Int, Int) -> Bool]
    ) {
        // Rows are partitioned by their hash's top bits into buckets of about 8 000 rows, so
        // that each bucket's hash table (a few hundred KB) stays in cache while its rows are
        // grouped; buckets are grouped on all cores, then groups are numbered by their first
        // row in one pass, so the result does not depend on the partition or the cores.
        let bucketBits = rows < 16_384 ? 0 : min(14, Int(log2(Double(rows) / 8_192).rounded(.up)))
        let buckets = 1 << bucketBits
        @inline(__always) func bucket(_ h: UInt64) -> Int { bucketBits == 0 ? 0 : Int(h >> UInt64(64 - bucketBits)) }
        var start = [Int](repeating: 0, count: buckets + 1)
        for row in 0..<rows where skip.isEmpty || !skip[row] { start[bucket(hashes[row]) + 1] += 1 }
        for b in 0..<buckets { start[b + 1] += start[b] }
        let strings: StringBuffer? = if case .strings(let s) = key { s } else { nil }
        let words: [UInt64] = if case .words(let w) = key { w } else { [] }
        let stringBytes = strings?.bytes ?? [], stringOffsets = strings?.offsets ?? []
        // Each row's key material goes with it into its bucket: row, hash, and the tag and
        // prefix its slot will hold, so grouping a bucket reads contiguous memory.
        var order = [Int32](repeating: 0, count: start[buckets])
        var orderHash = [UInt64](repeating: 0, count: start[buckets])
        var orderPrefix = [UInt64](repeating: 0, count: key == nil ? 0 : start[buckets])
        var fill = start
        stringBytes.withUnsafeBufferPointer { bytes in
            for row in 0..<rows where skip.isEmpty || !skip[row] {
                let h = hashes[row]
                let b = bucket(h)
                let at = fill[b]
                order[at] = Int32(row)
                if !words.isEmpty {
                    orderPrefix[at] = words[row]
                    orderHash[at] = h
                } else if strings != nil {
                    let start = Int(stringOffsets[row]), length = Int(stringOffsets[row + 1]) - start
                    var prefix: UInt64 = 0
                    for i in 0..<min(8, length) { prefix |= UInt64(bytes[start + i]) << (8 * UInt64(i)) }
                    orderPrefix[at] = prefix
                    orderHash[at] = h & ~(0xFF << 32) | UInt64(min(length, 255)) << 32
                } else {
                    orderHash[at] = h
                }
                fill[b] = at + 1
            }
        }
        // Per bucket: each row's group in the bucket, as ~group on the group's first row.
        _ = consume hashes  // each row's hash is in its bucket now: freed before grouping allocates
        let (bucketStart, bucketRows) = (start, order)
        let bucketHashes = consume orderHash, bucketPrefixes = consume orderPrefix
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, buckets))
        let results = Mutex([(locals: [Int32], groups: Int)](repeating: ([], 0), count: buckets))
        let isStrings = strings != nil, isWords = !words.isEmpty
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            // Each slot is two words: the upper 32 bits of the row hash with local group + 1
            // (0 = empty), and a key prefix. For a single string column the prefix is the
            // value's first 8 bytes and the tag's low byte its length, so values of up to 8
            // bytes (most ids) are told apart in the slot itself, without reading the
            // group's first row.
            var slots = [UInt64]()
            var firstRow = [Int]()
            for b in stride(from: lane, to: buckets, by: lanes) {
                let range = bucketStart[b]..<bucketStart[b + 1]
                var capacity = 16
                while capacity < 2 * range.count { capacity <<= 1 }
                if slots.count < 2 * capacity {
                    slots = [UInt64](repeating: 0, count: 2 * capacity)
                } else {
                    slots.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: 0, count: 2 * capacity) }
                }
                let mask = capacity - 1
                firstRow.removeAll(keepingCapacity: true)
                var locals = [Int32](repeating: 0, count: range.count)
                slots.withUnsafeMutableBufferPointer { slots in
                    do {
                        for (k, position) in range.enumerated() {
                            let row = Int(bucketRows[position])
                            let h = bucketHashes[position]
                            let tag = h >> 32, prefix = isStrings || isWords ? bucketPrefixes[position] : 0
                            let short = isWords || isStrings && tag & 0xFF <= 8
                            var slot = Int(truncatingIfNeeded: h) & mask
                            while true {
                                let entry = slots[2 * slot]
                                if entry == 0 {
                                    slots[2 * slot] = tag << 32 | UInt64(firstRow.count + 1)
                                    slots[2 * slot + 1] = prefix
                                    locals[k] = ~Int32(firstRow.count)
                                    firstRow.append(row)
                                    break
                                }
                                if entry >> 32 == tag && slots[2 * slot + 1] == prefix {
                                    let group = Int(entry & 0xFFFF_FFFF) - 1
                                    if short
                                        || (equal.count == 1
                                            ? equal[0](row, firstRow[group])
                                            : equal.allSatisfy({ $0(row, firstRow[group]) }))
                                    {
                                        locals[k] = Int32(group)
                                        break
                                    }
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
                let groups = firstRow.count
                results.withLock { $0[b] = (locals, groups) }
            }
        }
        let parted = results.withLock { $0 }
        _ = consume bucketHashes  // freed before the ids are numbered
        _ = consume bucketPrefixes
        // Each row's group across buckets (~handle on a group's first row; Int32.min: no
        // group), then groups numbered by their first row in one pass over the rows: a
        // group's first row comes before its others.
        var handle = [Int32](repeating: Int32.min, count: rows)
        var offset: Int32 = 0
        for b in 0..<buckets {
            let locals = parted[b].locals
            for k in locals.indices {
                let row = Int(bucketRows[bucketStart[b] + k]), local = locals[k]
                handle[row] = local < 0 ? ~(offset + ~local) : offset + local
            }
            offset += Int32(parted[b].groups)
        }
        var number = [Int32](repeating: 0, count: Int(offset))
        var firstRows = [Int]()
        firstRows.reserveCapacity(Int(offset))
        var ids = [Int32](repeating: -1, count: rows)
        for row in 0..<rows {
            var h = handle[row]
            if h == Int32.min { continue }
            if h < 0 {
                h = ~h
                number[Int(h)] = Int32(firstRows.count)
                firstRows.append(row)
            }
            ids[row] = number[Int(h)]
        }
        self.ids = ids
        self.firstRow = firstRows
    }

    /// A 64-bit hash of each row's values across `columns` (FNV-1a bytes, then a final mix).
    /// Rows where `skip` is true get no hash worth reading (their strings are not read).
    static func rowHashes(_ columns: [Column], rows: Int, skip: [Bool] = []) -> [UInt64] {
        // Blocks of rows on all cores, each hashing every column for its rows: one output
        // array, no per-column intermediates.
        ParallelBlocks.map(count: rows, block: 65_536) { range in
            var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: range.count)
            for column in columns {
                let part = columnHashes(column, rows: range, skip: skip)
                for i in 0..<range.count { hashes[i] = mix(hashes[i], part[i]) }
            }
            return hashes
        }.flatMap { $0 }
    }

    /// A 64-bit hash of each row's value (nulls hash alike).
    package static func columnHashes(_ column: Column, rows: Int) -> [UInt64] { columnHashes(column, rows: 0..<rows) }

    /// Hashes of the values in `rows`, indexed from 0 (0 for a string row `skip` marks).
    static func columnHashes(_ column: Column, rows: Range<Int>, skip: [Bool] = []) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: rows.count)
        let first = rows.lowerBound
        switch column.storage {
        case .int(let v): for i in rows { out[i - first] = UInt64(bitPattern: v[i]) }
        case .decimal(let v): for i in rows { out[i - first] = (v[i] == 0 ? 0 : v[i]).bitPattern }
        case .date(let v): for i in rows { out[i - first] = UInt64(bitPattern: Int64(v[i])) }
        case .datetime(let v, _): for i in rows { out[i - first] = UInt64(bitPattern: v[i]) }
        case .bool(let v): for i in rows { out[i - first] = v[i] ? 1 : 2 }
        case .string(let s):
            s.bytes.withUnsafeBufferPointer { bytes in
                s.offsets.withUnsafeBufferPointer { offsets in
                    for i in rows where skip.isEmpty || !skip[i] {
                        var h: UInt64 = 0xcbf2_9ce4_8422_2325
                        var p = Int(offsets[i])
                        let end = Int(offsets[i + 1])
                        // Eight bytes at a time where possible.
                        while p + 8 <= end {
                            h = mix(h, UnsafeRawPointer(bytes.baseAddress! + p).loadUnaligned(as: UInt64.self))
                            p += 8
                        }
                        var tail: UInt64 = 0
                        if p < end, p + 8 <= bytes.count {
                            // The last 1–7 bytes in one load, the bytes past the value masked off.
                            let word = UnsafeRawPointer(bytes.baseAddress! + p).loadUnaligned(as: UInt64.self)
                            tail = word & (UInt64.max >> UInt64(64 - 8 * (end - p)))
                        } else {
                            var shift: UInt64 = 0
                            while p < end {
                                tail |= UInt64(bytes[p]) << shift
                                shift += 8
                                p += 1
                            }
                        }
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
    @inline(__always) package static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}

extension Column {
    /// Sets `same[row]` to false, for `row` in `rows` (none below 1), where this column's value
    /// at `row` differs from the one at `row - 1` (a null differs from any value, and equals a
    /// null).
    func keepRowsEqualToTheOneBefore(_ same: inout [Bool], in rows: Range<Int>) {
        let validity = self.validity ?? []
        /// Whether the pair is decided by nulls: then `same` already says so.
        @inline(__always) func nullsDecide(_ row: Int, _ same: inout [Bool]) -> Bool {
            guard !validity.isEmpty, !(validity[row] && validity[row - 1]) else { return false }
            if validity[row] != validity[row - 1] { same[row] = false }
            return true
        }
        func each<V: Equatable>(_ v: [V]) {
            for row in rows where same[row] && !nullsDecide(row, &same) && v[row] != v[row - 1] {
                same[row] = false
            }
        }
        switch storage {
        case .int(let v): each(v)
        case .decimal(let v): each(v)
        case .date(let v): each(v)
        case .datetime(let v, _): each(v)
        case .bool(let v): each(v)
        case .string(let s):
            s.bytes.withUnsafeBufferPointer { bytes in
                s.offsets.withUnsafeBufferPointer { offsets in
                    for row in rows where same[row] && !nullsDecide(row, &same) {
                        let a = Int(offsets[row]), length = Int(offsets[row + 1]) - a, b = Int(offsets[row - 1])
                        if a - b != length
                            || length > 0 && memcmp(bytes.baseAddress! + a, bytes.baseAddress! + b, length) != 0
                        {
                            same[row] = false
                        }
                    }
                }
            }
        }
    }

    /// A comparison of two rows with the storage unwrapped once, for hot loops.
    package func equality() -> @Sendable (Int, Int) -> Bool {
        let validity = self.validity
        @Sendable func nullsDecide(_ a: Int, _ b: Int) -> Bool? {
            guard let validity, !(validity[a] && validity[b]) else { return nil }
            return validity[a] == validity[b]
        }
        switch storage {
        case .int(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .decimal(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .date(let v): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
        case .datetime(let v, _): return { a, b in nullsDecide(a, b) ?? (v[a] == v[b]) }
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
                            != base.loadUnaligned(fromByteOffset: rb.lowerBound + i, as: UInt64.self)
                        {
                            return false
                        }
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
    package func valuesEqual(_ a: Int, _ b: Int) -> Bool {
        if isNull(a) || isNull(b) { return isNull(a) && isNull(b) }
        switch storage {
        case .int(let v): return v[a] == v[b]
        case .decimal(let v): return v[a] == v[b]
        case .date(let v): return v[a] == v[b]
        case .datetime(let v, _): return v[a] == v[b]
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
