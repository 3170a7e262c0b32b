import PatronSupport
import PatronTable

/// Sums of per-row terms over fixed blocks of rows, the blocks run on all cores and added in
/// block order: the same bits for any number of cores.
enum BlockSum {
    /// Σ over rows 0..<count of the `width` terms `body` returns for each block of rows.
    static func sum(
        count: Int, width: Int, block: Int = 16_384,
        _ body: @Sendable (Range<Int>) -> [Double]
    ) -> [Double] {
        let parts = ParallelBlocks.map(count: count, block: block, body)
        if parts.count == 1 { return parts[0] }
        var total = [Double](repeating: 0, count: width)
        for v in parts { for j in 0..<width { total[j] += v[j] } }
        return total
    }
}
