extension GroupIndex {
    /// Groups for keys with few distinct values (currencies, languages, labels, segments):
    /// one pass in row order with a small table, and no per-row buffer but the ids — the
    /// bucketed path would allocate several for millions of rows only to find a handful of
    /// groups. Nil as soon as more than `limit` distinct keys turn up; the same ids as the
    /// bucketed path otherwise (first appearance, nulls as `skip` says).
    static func few(_ columns: [Column], rows: Int, skip: [Bool], limit: Int = 256) -> (ids: [Int32], firstRow: [Int])? {
        let equal = columns.map { $0.equality() }
        let capacity = 4 * limit.nextPowerOfTwo, mask = capacity - 1
        var slotHash = [UInt64](repeating: 0, count: capacity), slotGroup = [Int32](repeating: -1, count: capacity)
        var ids = [Int32](repeating: -1, count: rows)
        var firstRow = [Int]()
        // Hashed a block at a time (small first blocks: a column of many values gives up soon).
        var start = 0, block = 4_096
        while start < rows {
            let range = start..<min(rows, start + block)
            var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: range.count)
            for column in columns {
                let part = columnHashes(column, rows: range)
                for i in hashes.indices { hashes[i] = mix(hashes[i], part[i]) }
            }
            for row in range where skip.isEmpty || !skip[row] {
                let h = hashes[row - start]
                var slot = Int(truncatingIfNeeded: h) & mask
                while true {
                    let g = slotGroup[slot]
                    if g < 0 {
                        guard firstRow.count < limit else { return nil }
                        slotGroup[slot] = Int32(firstRow.count)
                        slotHash[slot] = h
                        ids[row] = Int32(firstRow.count)
                        firstRow.append(row)
                        break
                    }
                    if slotHash[slot] == h && equal.allSatisfy({ $0(row, firstRow[Int(g)]) }) {
                        ids[row] = g
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            start = range.upperBound
            block = min(65_536, block * 4)
        }
        return (ids, firstRow)
    }
}

extension GroupIndex {
    /// `few` for packed keys: up to `limit` distinct keys (an age grid of a few hundred
    /// distinct weeks among two million values, say) in one pass; nil beyond.
    static func few(keys: [UInt64], limit: Int = 4_096) -> (ids: [Int32], firstRow: [Int])? {
        let capacity = 4 * limit.nextPowerOfTwo, mask = capacity - 1
        var slotKey = [UInt64](repeating: 0, count: capacity), slotGroup = [Int32](repeating: -1, count: capacity)
        var ids = [Int32](repeating: 0, count: keys.count)
        var firstRow = [Int]()
        for (row, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: mix(0x9E37_79B9_7F4A_7C15, key)) & mask
            while true {
                let g = slotGroup[slot]
                if g < 0 {
                    guard firstRow.count < limit else { return nil }
                    slotGroup[slot] = Int32(firstRow.count)
                    slotKey[slot] = key
                    ids[row] = Int32(firstRow.count)
                    firstRow.append(row)
                    break
                }
                if slotKey[slot] == key {
                    ids[row] = g
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return (ids, firstRow)
    }
}

extension Int {
    /// The smallest power of two at least this (1 for 0 or less).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
