import Foundation
import Synchronization

/// Sums of per-row terms over fixed blocks of rows, the blocks run on all cores and added in
/// block order: the same bits for any number of cores.
enum BlockSum {
    /// Σ over rows 0..<count of the `width` terms `body` returns for each block of rows.
    static func sum(count: Int, width: Int, block: Int = 16_384,
                    _ body: @Sendable (Range<Int>) -> [Double]) -> [Double] {
        let blocks = (count + block - 1) / block
        if blocks <= 1 { return count == 0 ? [Double](repeating: 0, count: width) : body(0..<count) }
        let partial = Mutex([[Double]](repeating: [], count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { bk in
            let v = body((bk * block)..<min(count, (bk + 1) * block))
            partial.withLock { $0[bk] = v }
        }
        var total = [Double](repeating: 0, count: width)
        for v in partial.withLock({ $0 }) { for j in 0..<width { total[j] += v[j] } }
        return total
    }
}
