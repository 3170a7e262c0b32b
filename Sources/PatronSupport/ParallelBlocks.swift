import Foundation
import Synchronization

/// Work on the indices 0..<count, split into fixed blocks that run on all cores, with the
/// blocks' results returned in block order: the same result for any number of cores.
///
/// ```swift
/// let sums = ParallelBlocks.map(count: values.count, block: 16_384) { range in
///     range.reduce(0.0) { $0 + values[$1] }
/// }   // one partial sum per block, in order
/// ```
package enum ParallelBlocks {
    package static func map<T: Sendable>(count: Int, block: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let blocks = (count + block - 1) / block
        if blocks <= 1 { return count == 0 ? [] : [body(0..<count)] }
        let parts = Mutex([T?](repeating: nil, count: blocks))
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let part = body((b * block)..<min(count, (b + 1) * block))
            parts.withLock { $0[b] = part }
        }
        return parts.withLock { $0 }.map { $0! }
    }
}
