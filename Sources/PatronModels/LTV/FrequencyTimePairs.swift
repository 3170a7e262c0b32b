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

    /// Nil where a frequency is not a whole number from 0 to 1 000 000 (the rows' own
    /// likelihood is used then).
    init?(_ rows: CollapsedSummary) {
        let slots = rows.grid.count
        guard rows.x.allSatisfy({ $0 >= 0 && $0 <= 1_000_000 && $0 == $0.rounded() }) else { return nil }
        let space = (rows.maxX + 1) * slots
        func key(_ i: Int, _ slot: Int32) -> Int { Int(rows.x[i]) * slots + Int(slot) }
        // Keys in ascending order are pairs in order of x then slot: a dense table of the key
        // space where it is small enough, else the sorted distinct keys.
        var pairOfKey: (Int) -> Int32
        var keys: [Int]
        if space <= 1 << 23 {
            var id = [Int32](repeating: -1, count: space)
            for i in rows.x.indices {
                id[key(i, rows.tSlot[i])] = 0
                id[key(i, rows.txSlot[i])] = 0
            }
            keys = []
            for k in 0..<space where id[k] == 0 {
                id[k] = Int32(keys.count)
                keys.append(k)
            }
            let table = id
            pairOfKey = { table[$0] }
        } else {
            var distinct = Set<Int>()
            for i in rows.x.indices {
                distinct.insert(key(i, rows.tSlot[i]))
                distinct.insert(key(i, rows.txSlot[i]))
            }
            keys = distinct.sorted()
            let ids = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
            pairOfKey = { ids[$0]! }
        }
        x = keys.map { Int32($0 / slots) }
        slot = keys.map { Int32($0 % slots) }
        tPair = rows.x.indices.map { pairOfKey(key($0, rows.tSlot[$0])) }
        txPair = rows.x.indices.map { pairOfKey(key($0, rows.txSlot[$0])) }
    }
}
