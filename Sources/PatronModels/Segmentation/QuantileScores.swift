/// Quantile scores (1…bins) with deterministic ties.
///
/// A customer's score is `1 + ⌊bins × w / n⌋`, where `w` is the number of customers with a
/// strictly worse value: the bin its lowest rank falls in (as `rank(method="min")` then
/// cutting the rank range into equal parts). Equal values therefore always get equal
/// scores, and the order of the input does not matter. When ties make quintiles uneven, a tie
/// keeps the score of where it starts and the bins it spans stay empty: with 60 % of customers
/// at frequency 1 (CDNOW), they all score F = 1 — one-time buyers, as the R×F map expects —
/// and the next value, with 60 % of customers below it, scores 4, so F = 2 and 3 are empty.
/// Computed in integers, so no rounding error moves a customer across a boundary.
///
/// ```swift
/// QuantileScores.scores([1, 1, 1, 2, 9], bins: 5)   // [1, 1, 1, 4, 5]
/// ```
package enum QuantileScores {
    package static func scores(_ values: [Double], bins: Int, higherIsBetter: Bool = true) -> [Int8] {
        let n = values.count
        guard n > 0 else { return [] }
        // Worst first: keys that sort like the values (negated when lower is better).
        let keys = values.map { RadixSort.key(higherIsBetter ? $0 : -$0) }
        let order = RadixSort.order(keys)
        var out = [Int8](repeating: 1, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && keys[Int(order[end])] == keys[Int(order[start])] { end += 1 }
            // `start` customers are strictly worse than this tie.
            let score = min(bins, 1 + bins * start / n)
            for k in start..<end { out[Int(order[k])] = Int8(score) }
            start = end
        }
        return out
    }
}
