/// Per-customer recency, frequency and monetary value at an observation date.
///
/// Sums are taken in integer millionths of the currency unit, so they do not depend on the
/// order of the transactions (floating-point sums do, in their last bits — and a last bit can
/// break a tie).
public struct RFMAggregate: Sendable, Equatable {
    public enum Frequency: String, Sendable, CaseIterable {
        /// Number of transactions.
        case orders
        /// Number of distinct purchase days.
        case days
    }

    public enum Monetary: String, Sendable, CaseIterable {
        case total, mean
    }

    /// Days from the last purchase to the observation date.
    public var recencyDays: [Int32]
    public var frequency: [Int32]
    public var monetary: [Double]

    /// - Parameters:
    ///   - groups: each transaction's customer index (0..<customers; -1 to skip the row).
    ///   - days: transaction dates, days since 1970-01-01; rows after `observationEnd` are skipped.
    public init(groups: [Int32], customers: Int, days: [Int32], amounts: [Double], observationEnd: Int32,
                frequency mode: Frequency = .orders, monetary money: Monetary = .total) {
        var last = [Int32](repeating: .min, count: customers)
        var count = [Int32](repeating: 0, count: customers)
        var micros = [Int64](repeating: 0, count: customers)
        var purchaseDays = mode == .days ? [Set<Int32>](repeating: [], count: customers) : []
        for row in groups.indices {
            let c = Int(groups[row])
            guard c >= 0, days[row] <= observationEnd else { continue }
            last[c] = max(last[c], days[row])
            count[c] += 1
            micros[c] &+= Int64((amounts[row] * 1_000_000).rounded())
            if mode == .days { purchaseDays[c].insert(days[row]) }
        }
        recencyDays = last.map { $0 == .min ? -1 : observationEnd - $0 }
        frequency = mode == .days ? purchaseDays.map { Int32($0.count) } : count
        monetary = (0..<customers).map { c in
            let total = Double(micros[c])
            return (money == .total ? total : (count[c] == 0 ? 0 : total / Double(count[c]))) / 1_000_000
        }
    }
}
