extension GroupIndex {
    /// Groups for keys with few distinct values (currencies, languages, labels, segments):
    /// one pass in row order with a small table, and no per-row buffer but the ids — the
    /// bucketed path would allocate several for millions of rows only to find a handful of
    /// groups. Nil as soon as more than `limit` distinct keys turn up; the same ids as the
    /// bucketed path otherwise (first appearance, nulls as `skip` says).
    static func few(_ columns: [Column], rows: Int, skip: [Bool], limit: Int = 256) -> (ids: [Int32], firstRow: [Int])?
    {
        let equal = columns.map { $0.equality() }
        var groups = FewGroups(rows: rows, limit: limit)
        // Hashed a block at a time (small first blocks: a column of many values gives up soon).
        var start = 0, block = 4_096
        while start < rows {
            let range = start..<min(rows, start + block)
            var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: range.count)
            for column in columns {
                let part = columnHashes(column, rows: range, skip: skip)
                for i in hashes.indices { hashes[i] = mix(hashes[i], part[i]) }
            }
            for row in range where skip.isEmpty || !skip[row] {
                guard groups.add(row, hash: hashes[row - start], same: { first in equal.allSatisfy { $0(row, first) } })
                else { return nil }
            }
            start = range.upperBound
            block = min(65_536, block * 4)
        }
        return (groups.ids, groups.firstRow)
    }

    /// `few` for packed keys: up to `limit` distinct keys (an age grid of a few hundred
    /// distinct weeks among two million values, say) in one pass; nil beyond.
    static func few(keys: [UInt64], limit: Int = 4_096) -> (ids: [Int32], firstRow: [Int])? {
        var groups = FewGroups(rows: keys.count, limit: limit)
        for (row, key) in keys.enumerated() {
            guard groups.add(row, hash: mix(0x9E37_79B9_7F4A_7C15, key), same: { keys[$0] == key }) else { return nil }
        }
        return (groups.ids, groups.firstRow)
    }

    /// Groups for keys below a small `limit` (several small numbers packed densely, such as
    /// frequency × age slots): a table indexed by the key itself, one pass in row order, no
    /// hashing. Nil when a key is not below the limit.
    static func direct(keys: [UInt64], limit: Int) -> (ids: [Int32], firstRow: [Int])? {
        var number = [Int32](repeating: -1, count: limit)
        var firstRow = [Int]()
        var ids = [Int32](repeating: 0, count: keys.count)
        for (row, key) in keys.enumerated() {
            guard key < UInt64(limit) else { return nil }
            var id = number[Int(key)]
            if id < 0 {
                id = Int32(firstRow.count)
                number[Int(key)] = id
                firstRow.append(row)
            }
            ids[row] = id
        }
        return (ids, firstRow)
    }
}
