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
        // Daily totals per customer, in day order.
        var perCustomer = [[(day: Int32, value: Double)]](repeating: [], count: customers)
        var seen = [Bool](repeating: false, count: customers)
        for row in groups.indices {
            let c = Int(groups[row])
            guard c >= 0 else { continue }
            seen[c] = true
            guard days[row] <= end else { continue }
            perCustomer[c].append((days[row], amounts[row]))
        }
        var customer = [Int](), x = [Double](), tx = [Double](), T = [Double](), m = [Double]()
        var late = 0
        for c in 0..<customers {
            var list = perCustomer[c]
            guard !list.isEmpty else { if seen[c] { late += 1 }; continue }
            list.sort { ($0.day, $0.value) < ($1.day, $1.value) }
            var dayTotals = [(day: Int32, value: Double)]()
            for item in list {
                if let last = dayTotals.last, last.day == item.day { dayTotals[dayTotals.count - 1].value += item.value } else { dayTotals.append(item) }
            }
            let first = dayTotals.first!.day, lastDay = dayTotals.last!.day
            customer.append(c)
            x.append(Double(dayTotals.count - 1))
            tx.append(Double(lastDay - first) / unit.days)
            T.append(Double(end - first) / unit.days)
            let repeats = dayTotals.dropFirst()
            m.append(repeats.isEmpty ? 0 : repeats.reduce(0) { $0 + $1.value } / Double(repeats.count))
        }
        self.customer = customer
        frequency = x
        recency = tx
        age = T
        monetary = m
        excludedLate = late
    }
}
