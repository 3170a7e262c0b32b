import PatronSupport
import PatronTable

/// Per-customer recency, frequency and monetary value at an observation date.
///
/// Sums are taken in integer millionths of the currency unit, so they do not depend on the
/// order of the transactions (floating-point sums do, in their last bits — and a last bit can
/// break a tie).
package struct RFMAggregate: Sendable, Equatable {
    package enum Frequency: String, Sendable, CaseIterable {
        /// Number of transactions.
        case orders
        /// Number of distinct purchase days.
        case days
    }

    package enum Monetary: String, Sendable, CaseIterable {
        case total, mean
    }

    /// Days from the last purchase to the observation date.
    package var recencyDays: [Int32]
    package var frequency: [Int32]
    package var monetary: [Double]
    /// Transactions after the observation date (left out).
    package var afterEnd: Int = 0

    /// - Parameters:
    ///   - groups: each transaction's customer index (0..<customers; -1 to skip the row).
    ///   - days: transaction dates, days since 1970-01-01; rows after `observationEnd` are skipped.
    package init(
        groups: [Int32], customers: Int, days: [Int32], amounts: [Double], observationEnd: Int32,
        frequency mode: Frequency = .orders, monetary money: Monetary = .total
    ) {
        let purchases = CustomerPurchases(groups: groups, customers: customers, days: days, amounts: amounts)
        let present = RFMAggregate(
            purchases: purchases, observationEnd: observationEnd, frequency: mode, monetary: money)
        // Back to group numbers; a group without rows has no purchase.
        recencyDays = [Int32](repeating: -1, count: customers)
        frequency = [Int32](repeating: 0, count: customers)
        monetary = [Double](repeating: 0, count: customers)
        afterEnd = present.afterEnd
        for (c, row) in purchases.firstRow.enumerated() {
            let g = Int(groups[row])
            (recencyDays[g], frequency[g], monetary[g]) = (
                present.recencyDays[c], present.frequency[c], present.monetary[c]
            )
        }
    }

    /// The same figures for each customer of `purchases`, in its order (by id); a customer
    /// with no purchase up to the observation date has frequency 0 and recency −1. Customers'
    /// purchases are contiguous and in day order there: no scattered updates, and the
    /// purchases' blocks run on all cores.
    package init(
        purchases: CustomerPurchases, observationEnd: Int32, frequency mode: Frequency = .orders,
        monetary money: Monetary = .total
    ) {
        typealias Part = (recency: [Int32], frequency: [Int32], monetary: [Double], afterEnd: Int)
        let parts = ParallelBlocks.map(count: purchases.blocks.count, block: 1) { range -> Part in
            let block = purchases.blocks[range.lowerBound]
            let customers = block.firstRow.count
            var p: Part = ([], [], [], 0)
            p.recency.reserveCapacity(customers)
            p.frequency.reserveCapacity(customers)
            p.monetary.reserveCapacity(customers)
            for c in 0..<customers {
                let from = Int(block.start[c]), all = Int(block.start[c + 1])
                var to = all
                while to > from && block.day[to - 1] > observationEnd { to -= 1 }
                p.afterEnd += all - to
                var micros: Int64 = 0, distinct: Int32 = 0
                for k in from..<to {
                    micros &+= Int64((block.value[k] * 1_000_000).rounded())
                    if k == from || block.day[k] != block.day[k - 1] { distinct += 1 }
                }
                let count = Int32(to - from)
                p.recency.append(to > from ? observationEnd - block.day[to - 1] : -1)
                p.frequency.append(mode == .days ? distinct : count)
                let total = Double(micros)
                p.monetary.append((money == .total ? total : (count == 0 ? 0 : total / Double(count))) / 1_000_000)
            }
            return p
        }
        recencyDays = parts.flatMap { $0.recency }
        frequency = parts.flatMap { $0.frequency }
        monetary = parts.flatMap { $0.monetary }
        afterEnd = parts.reduce(0) { $0 + $1.afterEnd }
    }
}
