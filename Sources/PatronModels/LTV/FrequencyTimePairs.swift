import PatronTable

/// The distinct (x, t) pairs among the collapsed rows' (x, T) and (x, t_x), t as a slot of
/// the summary's grid of distinct times, numbered in order of x and then slot; and each
/// row's two pairs.
///
/// Pareto/NBD's A₀ is a difference of two terms, one at (x, t_x) and one at (x, T), each a
/// ₂F₁ series: a million customers have some 600 000 distinct (x, t_x, T) rows but only a few
/// tens of thousands of distinct (x, t) pairs, so the series run once per pair per
/// evaluation and each row only combines its two.
///
/// ```swift
/// let rows = CollapsedSummary(x: [1, 1, 2], tx: [3, 3, 4], T: [9, 10, 9])
/// let pairs = FrequencyTimePairs(rows)!
/// pairs.x          // [1, 1, 1, 2, 2]: (1, 9), (1, 3), (1, 10), (2, 9), (2, 4) by slot
/// ```
struct FrequencyTimePairs: Sendable {
    /// Each pair's frequency and time slot (into `CollapsedSummary.grid`).
    let x: [Int32], slot: [Int32]
    /// Each row's pair at T and at t_x.
    let tPair: [Int32], txPair: [Int32]
    var count: Int { x.count }

    /// Nil where a frequency is not a whole number from 0 to 1 000 000 or there are 2²¹
    /// distinct times or more (the rows' own likelihood is used then).
    init?(_ rows: CollapsedSummary) {
        guard rows.grid.count < 1 << 21, rows.x.allSatisfy({ $0 >= 0 && $0 <= 1_000_000 && $0 == $0.rounded() }) else {
            return nil
        }
        // (x, slot) packed densely in one key (x × slots + slot, so that `GroupIndex` can use a
        // table indexed by key): grouped like any keys, then numbered in key order — x, then slot.
        let n = rows.x.count, slots = UInt64(rows.grid.count)
        let packed =
            rows.x.indices.map { UInt64(rows.x[$0]) * slots + UInt64(rows.tSlot[$0]) }
            + rows.x.indices.map { UInt64(rows.x[$0]) * slots + UInt64(rows.txSlot[$0]) }
        let groups = GroupIndex(keys: packed)
        let keys = groups.firstRow.map { packed[$0] }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var number = [Int32](repeating: 0, count: keys.count)
        for (position, g) in order.enumerated() { number[g] = Int32(position) }
        x = order.map { Int32(keys[$0] / slots) }
        slot = order.map { Int32(keys[$0] % slots) }
        tPair = (0..<n).map { number[Int(groups.ids[$0])] }
        txPair = (0..<n).map { number[Int(groups.ids[n + $0])] }
    }
}
