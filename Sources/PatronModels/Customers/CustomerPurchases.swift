import PatronSupport
import PatronTable

/// Transactions grouped by customer: customers in the order of their keys, each customer's
/// purchases in (day, value) order. What `CustomerSummary` and a holdout evaluation read.
///
/// ```swift
/// // Keys 7 and 3 (CustomerPurchases.skip leaves a row out).
/// let p = CustomerPurchases(keys: [7, 3, 7, .max], limit: 8, days: [10, 11, 12, 13], amounts: [1, 2, 3, 4])
/// p.count                 // 2 customers: key 3 (first row 1), then key 7 (first row 0)
/// p.days(of: 1)           // [10, 12]
/// ```
package struct CustomerPurchases: Sendable {
    /// Customers with consecutive keys, and their purchases.
    struct Block: Sendable {
        /// Each customer's first row.
        var firstRow: [Int] = []
        /// Customer k's purchases are `start[k]..<start[k + 1]` of `day` and `value`.
        var start: [Int32] = [0]
        var day: [Int32] = []
        var value: [Double] = []
    }

    /// A key for rows that belong to no customer.
    package static let skip = UInt64.max

    var blocks: [Block]
    /// The first customer of each block, and the count after the last.
    var blockBase: [Int]
    /// Each customer's first row (its lowest row number).
    package let firstRow: [Int]
    /// The latest day of any purchase, nil without any.
    package let lastDay: Int32?

    package var count: Int { firstRow.count }

    /// - Parameters:
    ///   - keys: each row's customer, a number below `limit` that orders customers, or `skip`.
    ///   - days: each row's day (days since 1970-01-01); `amounts`: its value.
    ///
    /// Rows are put in buckets by the top bits of their key in one pass (at most 2 048
    /// buckets, so each bucket's write position stays in cache), then each bucket is sorted
    /// by the rest of its keys with a radix sort in a scratch buffer that stays in cache,
    /// buckets on all cores. A stable sort keeps each customer's rows in row order, so a
    /// customer's first row is the first of its run.
    package init(keys: [UInt64], limit: UInt64, days: [Int32], amounts: [Double]) {
        let rows = keys.count
        let bits = limit <= 1 ? 0 : UInt64.bitWidth - (limit - 1).leadingZeroBitCount
        // About 2 000 rows a bucket; none for small inputs.
        let topBits = min(bits, 11, max(0, Int.bitWidth - 1 - max(1, rows / 2_048).leadingZeroBitCount))
        let lowBits = bits - topBits
        let buckets = 1 << topBits
        var start = [Int](repeating: 0, count: buckets + 1)
        for key in keys where key != Self.skip { start[Int(key >> UInt64(lowBits)) + 1] += 1 }
        for b in 0..<buckets { start[b + 1] += start[b] }
        let n = start[buckets]
        var fill = start
        let items = [Item](unsafeUninitializedCapacity: n) { out, initialized in
            keys.withUnsafeBufferPointer { keys in
                for row in 0..<rows where keys[row] != Self.skip {
                    let b = Int(keys[row] >> UInt64(lowBits))
                    (out.baseAddress! + fill[b]).initialize(
                        to: Item(key: keys[row], value: amounts[row], row: UInt32(row), day: days[row]))
                    fill[b] += 1
                }
            }
            initialized = n
        }
        let bucketStart = start
        // Fixed groups of buckets (about 64 groups), whatever the number of cores.
        let blocks = ParallelBlocks.map(count: buckets, block: max(1, buckets / 64)) { range -> Block in
            var block = Block()
            let expected = bucketStart[range.upperBound] - bucketStart[range.lowerBound]
            block.day.reserveCapacity(expected)
            block.value.reserveCapacity(expected)
            var sorted = [Item](), scratch = [Item]()
            var purchases = [(day: Int32, value: Double)]()
            for b in range {
                let bucket = bucketStart[b]..<bucketStart[b + 1]
                guard !bucket.isEmpty else { continue }
                sorted.removeAll(keepingCapacity: true)
                sorted.append(contentsOf: items[bucket])
                Self.sortByKey(&sorted, scratch: &scratch, bits: lowBits)
                var i = 0
                while i < sorted.count {
                    let key = sorted[i].key
                    block.firstRow.append(Int(sorted[i].row))
                    purchases.removeAll(keepingCapacity: true)
                    while i < sorted.count && sorted[i].key == key {
                        purchases.append((sorted[i].day, sorted[i].value))
                        i += 1
                    }
                    // Insertion sort by (day, value): customers have a few purchases each.
                    for k in 1..<max(1, purchases.count) {
                        let item = purchases[k]
                        var j = k
                        while j > 0
                            && (purchases[j - 1].day > item.day
                                || (purchases[j - 1].day == item.day && purchases[j - 1].value > item.value))
                        {
                            purchases[j] = purchases[j - 1]
                            j -= 1
                        }
                        purchases[j] = item
                    }
                    for p in purchases {
                        block.day.append(p.day)
                        block.value.append(p.value)
                    }
                    block.start.append(Int32(block.day.count))
                }
            }
            return block
        }
        var base = [0]
        for block in blocks { base.append(base.last! + block.firstRow.count) }
        self.blocks = blocks
        blockBase = base
        firstRow = blocks.flatMap(\.firstRow)
        lastDay = blocks.compactMap { $0.day.max() }.max()
    }

    /// Purchases by group number (0..<customers; -1: the row belongs to no customer), groups
    /// in number order.
    package init(groups: [Int32], customers: Int, days: [Int32], amounts: [Double]) {
        self.init(
            keys: groups.map { $0 < 0 ? Self.skip : UInt64($0) }, limit: UInt64(customers), days: days, amounts: amounts
        )
    }

    /// Customer `customer`'s purchase days, in order.
    package func days(of customer: Int) -> ArraySlice<Int32> {
        // The last block starting at or before the customer.
        var (low, high) = (0, blocks.count - 1)
        while low < high {
            let mid = (low + high + 1) / 2
            if blockBase[mid] <= customer { low = mid } else { high = mid - 1 }
        }
        let b = low
        let block = blocks[b], k = customer - blockBase[b]
        return block.day[Int(block.start[k])..<Int(block.start[k + 1])]
    }

    /// One row in the bucket pass.
    struct Item {
        var key: UInt64
        var value: Double
        var row: UInt32
        var day: Int32
    }

    /// A stable LSD radix sort of `items` on the low `bits` bits of their keys, a byte at a
    /// time, skipping bytes on which every item agrees.
    static func sortByKey(_ items: inout [Item], scratch: inout [Item], bits: Int) {
        guard items.count > 1, bits > 0 else { return }
        var differ: UInt64 = 0
        let first = items[0].key
        for item in items { differ |= item.key ^ first }
        if bits < 64 { differ &= (1 << UInt64(bits)) - 1 }
        if scratch.count < items.count { scratch = items }
        var counts = [Int](repeating: 0, count: 256)
        for byte in 0..<8 where differ >> UInt64(8 * byte) & 0xFF != 0 {
            let shift = UInt64(8 * byte)
            for b in 0..<256 { counts[b] = 0 }
            for item in items { counts[Int(item.key >> shift & 0xFF)] += 1 }
            var next = 0
            for b in 0..<256 { (counts[b], next) = (next, next + counts[b]) }
            items.withUnsafeBufferPointer { from in
                scratch.withUnsafeMutableBufferPointer { to in
                    for item in from {
                        let b = Int(item.key >> shift & 0xFF)
                        to[counts[b]] = item
                        counts[b] += 1
                    }
                }
            }
            // The sorted items are the first items.count of scratch: swap the two buffers.
            swap(&items, &scratch)
            if items.count > scratch.count { items.removeLast(items.count - scratch.count) }
        }
    }
}
