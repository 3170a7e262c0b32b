import Foundation
import PatronSupport
import PatronTable

/// Per-customer repeat-purchase summary in an explicit time unit: what BG/NBD, Pareto/NBD
/// and Gamma-Gamma are fitted on.
///
/// Purchases on the same day are one purchase (their values added). `frequency` x is the
/// number of repeat purchase days, `recency` t_x the time from the first purchase to the last,
/// `age` T the time from the first purchase to the end of the period, and `monetary` the mean
/// value of the repeat purchases (0 without any) — all in `unit`s.
package struct CustomerSummary: Sendable, Equatable {
    package enum TimeUnit: String, Sendable, CaseIterable {
        case day, week, month
        /// Length in days (a month is a twelfth of 365.25 days).
        package var days: Double {
            switch self {
            case .day: 1
            case .week: 7
            case .month: 365.25 / 12
            }
        }
    }

    /// Index into the customers the summary was built for.
    package var customer: [Int]
    package var frequency: [Double]
    package var recency: [Double]
    package var age: [Double]
    package var monetary: [Double]
    /// Customers left out because their first purchase is after the period's end.
    package var excludedLate: Int

    package var count: Int { customer.count }

    /// - Parameters:
    ///   - groups: each transaction's customer (0..<customers; -1 to skip).
    ///   - end: last day of the period (days since 1970-01-01), inclusive; later transactions
    ///     are ignored.
    package init(groups: [Int32], customers: Int, days: [Int32], amounts: [Double], end: Int32, unit: TimeUnit) {
        let purchases = CustomerPurchases(groups: groups, customers: customers, days: days, amounts: amounts)
        self.init(purchases: purchases, end: end, unit: unit)
        // Customers by their group number rather than by their place among the purchases.
        customer = customer.map { Int(groups[purchases.firstRow[$0]]) }
    }

    /// The summary of each customer in `purchases` (`customer` indexes them), up to `end`
    /// (days since 1970-01-01), inclusive.
    package init(purchases: CustomerPurchases, end: Int32, unit: TimeUnit) {
        // The purchases' blocks on all cores, their results joined in order.
        typealias Part = (customer: [Int], x: [Double], tx: [Double], T: [Double], m: [Double], late: Int)
        let parts = ParallelBlocks.map(count: purchases.blocks.count, block: 1) { range -> Part in
            let b = range.lowerBound, block = purchases.blocks[b], base = purchases.blockBase[b]
            let customers = block.firstRow.count
            var p: Part = ([], [], [], [], [], 0)
            p.customer.reserveCapacity(customers)
            p.x.reserveCapacity(customers)
            p.tx.reserveCapacity(customers)
            p.T.reserveCapacity(customers)
            p.m.reserveCapacity(customers)
            for c in 0..<customers {
                // Purchases are in day order: those up to the end come first.
                let from = Int(block.start[c])
                var to = Int(block.start[c + 1])
                while to > from && block.day[to - 1] > end { to -= 1 }
                guard to > from else {
                    p.late += 1
                    continue
                }
                // Same-day purchases are one purchase; repeat value is the mean over repeat days.
                let first = block.day[from]
                var lastDay = first, repeatDays = 0, repeatValue = 0.0
                var k = from
                while k < to && block.day[k] == first { k += 1 }
                while k < to {
                    let day = block.day[k]
                    var total = 0.0
                    while k < to && block.day[k] == day {
                        total += block.value[k]
                        k += 1
                    }
                    repeatDays += 1
                    repeatValue += total
                    lastDay = day
                }
                p.customer.append(base + c)
                p.x.append(Double(repeatDays))
                p.tx.append(Double(lastDay - first) / unit.days)
                p.T.append(Double(end - first) / unit.days)
                p.m.append(repeatDays == 0 ? 0 : repeatValue / Double(repeatDays))
            }
            return p
        }
        var customer = [Int](), x = [Double](), tx = [Double](), T = [Double](), m = [Double]()
        customer.reserveCapacity(purchases.count)
        x.reserveCapacity(purchases.count)
        tx.reserveCapacity(purchases.count)
        T.reserveCapacity(purchases.count)
        m.reserveCapacity(purchases.count)
        var late = 0
        for p in parts {
            customer += p.customer
            x += p.x
            tx += p.tx
            T += p.T
            m += p.m
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
