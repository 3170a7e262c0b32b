import Foundation
import PatronTable

/// Per-customer repeat-purchase summary in an explicit time unit: what BG/NBD, Pareto/NBD
/// and Gamma-Gamma are fitted on.
///
/// Purchases on the same day are one purchase (their values added). `frequency` x is the
/// number of repeat purchase days, `recency` t_x the time from the first purchase to the last,
/// `age` T the time from the first purchase to the end of the period, and `monetary` the mean
/// value of the repeat purchases (0 without any) — all in `unit`s.
public struct CustomerSummary: Sendable, Equatable {
    public enum TimeUnit: String, Sendable, CaseIterable {
        case day, week, month
        /// Length in days (a month is a twelfth of 365.25 days).
        public var days: Double {
            switch self {
            case .day: 1
            case .week: 7
            case .month: 365.25 / 12
            }
        }
    }

    /// Index into the customers the summary was built for.
    public var customer: [Int]
    public var frequency: [Double]
    public var recency: [Double]
    public var age: [Double]
    public var monetary: [Double]
    /// Customers left out because their first purchase is after the period's end.
    public var excludedLate: Int

    public var count: Int { customer.count }

    /// - Parameters:
    ///   - groups: each transaction's customer (0..<customers; -1 to skip).
    ///   - end: last day of the period (days since 1970-01-01), inclusive; later transactions
    ///     are ignored.
    public init(groups: [Int32], customers: Int, days: [Int32], amounts: [Double], end: Int32, unit: TimeUnit) {
        // Rows bucketed by customer (a counting sort), each bucket then put in day order.
        var start = [Int32](repeating: 0, count: customers + 1)
        var seen = [Bool](repeating: false, count: customers)
        for row in groups.indices where groups[row] >= 0 {
            let g = Int(groups[row])
            seen[g] = true
            if days[row] <= end { start[g + 1] += 1 }
        }
        for c in 0..<customers { start[c + 1] += start[c] }
        // Each row's day and amount scattered to its customer's bucket, in one pass in row
        // order (writes in random order cost far less than reads would).
        var fill = start
        var bucketDays = [Int32](repeating: 0, count: Int(start[customers]))
        var bucketAmounts = [Double](repeating: 0, count: Int(start[customers]))
        for row in groups.indices where groups[row] >= 0 && days[row] <= end {
            let c = Int(groups[row])
            bucketDays[Int(fill[c])] = days[row]
            bucketAmounts[Int(fill[c])] = amounts[row]
            fill[c] += 1
        }
        // Customers in fixed blocks on all cores, the blocks' results joined in order.
        typealias Part = (customer: [Int], x: [Double], tx: [Double], T: [Double], m: [Double], late: Int)
        let (bucketStart, seenCustomers, scatteredDays, scatteredAmounts) = (start, seen, bucketDays, bucketAmounts)
        let parts = ParallelBlocks.map(count: customers, block: 65_536) { range -> Part in
            var p: Part = ([], [], [], [], [], 0)
            var bucket = [(day: Int32, value: Double)]()
            for c in range {
                let from = Int(bucketStart[c]), to = Int(bucketStart[c + 1])
                guard to > from else { if seenCustomers[c] { p.late += 1 }; continue }
                bucket.removeAll(keepingCapacity: true)
                for k in from..<to {
                    // Insertion sort by (day, value): buckets hold a few purchases.
                    let item = (day: scatteredDays[k], value: scatteredAmounts[k])
                    var j = bucket.count
                    bucket.append(item)
                    while j > 0 && (bucket[j - 1].day > item.day || (bucket[j - 1].day == item.day && bucket[j - 1].value > item.value)) {
                        bucket[j] = bucket[j - 1]
                        j -= 1
                    }
                    bucket[j] = item
                }
                // Same-day purchases are one purchase; repeat value is the mean over repeat days.
                let first = bucket[0].day
                var lastDay = first, repeatDays = 0, repeatValue = 0.0
                var k = 0
                while k < bucket.count && bucket[k].day == first { k += 1 }
                while k < bucket.count {
                    let day = bucket[k].day
                    var total = 0.0
                    while k < bucket.count && bucket[k].day == day { total += bucket[k].value; k += 1 }
                    repeatDays += 1
                    repeatValue += total
                    lastDay = day
                }
                p.customer.append(c)
                p.x.append(Double(repeatDays))
                p.tx.append(Double(lastDay - first) / unit.days)
                p.T.append(Double(end - first) / unit.days)
                p.m.append(repeatDays == 0 ? 0 : repeatValue / Double(repeatDays))
            }
            return p
        }
        var customer = [Int](), x = [Double](), tx = [Double](), T = [Double](), m = [Double]()
        customer.reserveCapacity(customers); x.reserveCapacity(customers); tx.reserveCapacity(customers)
        T.reserveCapacity(customers); m.reserveCapacity(customers)
        var late = 0
        for p in parts {
            customer += p.customer; x += p.x; tx += p.tx; T += p.T; m += p.m
            late += p.late
        }
        self.customer = customer
        frequency = x
        recency = tx
        age = T
        monetary = m
        excludedLate = late
    }
}
