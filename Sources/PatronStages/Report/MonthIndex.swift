import PatronTable

/// Months of a set of days as small numbers: month k is `first + k` in months since year 0
/// (year × 12 + month − 1). Each day's month comes from a table over the days' range, so a
/// per-month sum over millions of rows does no calendar arithmetic and no hashing per row.
///
/// ```swift
/// let months = MonthIndex(days: days)           // days since 1970-01-01
/// months.totals(days: days, values: amounts)    // [(start, sum, count)] per month with rows
/// ```
struct MonthIndex {
    /// The first month, in months since year 0.
    let first: Int
    /// Months from the first to the last day's.
    let count: Int
    private let firstDay: Int
    private let table: [Int32]

    /// Nil for no days. (Days span at most 9 999 years: the table has at most 3.7 M entries.)
    init?(days: [Int32]) {
        guard let low = days.min(), let high = days.max() else { return nil }
        firstDay = Int(low)
        let month = { (day: Int) -> Int in
            let (y, m, _) = CivilDate.date(day)
            return y * 12 + m - 1
        }
        first = month(Int(low))
        count = month(Int(high)) - first + 1
        let base = first
        table = (Int(low)...Int(high)).map { Int32(month($0) - base) }
    }

    /// The month of `day` (one of the days given), from 0.
    func index(_ day: Int32) -> Int { Int(table[Int(day) - firstDay]) }

    /// The first day of month `k`, days since 1970-01-01.
    func start(of k: Int) -> Int { CivilDate.days(year: (first + k) / 12, month: (first + k) % 12 + 1, day: 1) }

    /// For each month with any of `days`: its first day, the sum of `values` of its rows (in
    /// row order) and their number.
    func totals(days: [Int32], values: [Double]) -> [(start: Int, sum: Double, count: Int)] {
        var sums = [Double](repeating: 0, count: count), counts = [Int](repeating: 0, count: count)
        for (day, value) in zip(days, values) {
            let k = index(day)
            sums[k] += value
            counts[k] += 1
        }
        return (0..<count).filter { counts[$0] > 0 }.map { (start(of: $0), sums[$0], counts[$0]) }
    }

    /// Of months starting on `starts` (days since 1970, in order), the first and last when the
    /// data (days `low` to `high`) cover only part of them, by index, with how much: "data for
    /// 9 of its 31 days".
    static func partialMonths(_ starts: [Int], low: Int, high: Int) -> [Int: String] {
        var out = [Int: String]()
        for (k, start) in starts.enumerated() where k == 0 || k == starts.count - 1 {
            let (y, m, _) = CivilDate.date(start)
            let length = CivilDate.daysIn(month: m, year: y)
            let end = start + length - 1
            let covered = min(end, high) - max(start, low) + 1
            if covered < length { out[k] = "data for \(covered) of its \(length) days" }
        }
        return out
    }
}
