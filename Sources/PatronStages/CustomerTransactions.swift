import Foundation
import PatronPipeline
import PatronModels
import PatronTable

/// The transactions a per-customer stage reads — the columns its `customer`, `date` and
/// `amount` params name — grouped by customer. Rows with a null date or amount belong to no
/// customer (`clean.transactions` never emits them).
struct CustomerTransactions {
    let customers: Column
    let days: [Int32]
    let amounts: [Double]
    let groups: GroupIndex
    /// Each row's customer group, or -1.
    let ids: [Int32]

    init(_ context: StageContext) throws {
        let input = try Self.columns(context)
        (customers, days, amounts) = (input.customers, input.days, input.amounts)
        groups = GroupIndex([customers])
        // (A copy of the ids only where some date or amount is null: 14 MB at a million customers.)
        var ids = groups.ids
        if input.date.validity != nil || input.amount.validity != nil {
            for row in ids.indices where input.date.isNull(row) || input.amount.isNull(row) { ids[row] = -1 }
        }
        self.ids = ids
    }

    /// The input's columns that the stage's `customer`, `date` and `amount` params name, with
    /// the dates as days and the amounts as numbers.
    static func columns(_ context: StageContext) throws -> (customers: Column, date: Column, amount: Column, days: [Int32], amounts: [Double]) {
        let input = context.inputs[0].table
        func column(_ param: String) throws -> Column {
            let name = context.string(param) ?? param
            guard let column = input[name] else {
                throw StageFailure("\(param): input '\(context.inputs[0].ref)' has no column '\(name)'; it has: \(input.names.joined(separator: ", "))")
            }
            return column
        }
        let customers = try column("customer"), date = try column("date"), amount = try column("amount")
        guard case .date(let days) = date.storage else { throw StageFailure("date: column is \(date.type.rawValue), expected date") }
        guard let amounts = amount.doubles else { throw StageFailure("amount: column is \(amount.type.rawValue), expected decimal or int") }
        return (customers, date, amount, days, amounts)
    }

    /// The latest date of any grouped row, or nil when there is none.
    var lastDay: Int32? {
        var last: Int32? = nil
        for row in ids.indices where ids[row] >= 0 { last = max(last ?? days[row], days[row]) }
        return last
    }

    /// Group indices sorted by their customer id's bytes: by an 8-byte big-endian prefix
    /// first, the rest compared only when prefixes tie. Per-customer tables use this order,
    /// so the input's row order never matters.
    static func sortedByID(_ groups: [Int], customers: Column, firstRow: [Int]) -> [Int] {
        guard case .string(let s) = customers.storage else { return groups }
        return s.bytes.withUnsafeBufferPointer { bytes in
            let prefixes = groups.map { g -> UInt64 in
                let r = s.range(firstRow[g])
                var prefix: UInt64 = 0
                for k in 0..<8 { prefix = prefix << 8 | UInt64(k < r.count ? bytes[r.lowerBound + k] : 0) }
                return prefix
            }
            // A radix sort on the prefixes, then each run of equal prefixes by the whole id.
            let order = RadixSort.order(prefixes)
            var sorted = order.map { groups[Int($0)] }
            var i = 0
            while i < order.count {
                var j = i + 1
                while j < order.count && prefixes[Int(order[j])] == prefixes[Int(order[i])] { j += 1 }
                if j - i > 1 {
                    sorted[i..<j].sort { a, b in
                        let ra = s.range(firstRow[a]), rb = s.range(firstRow[b])
                        let n = min(ra.count, rb.count)
                        let c = n <= 8 ? 0 : memcmp(bytes.baseAddress! + ra.lowerBound + 8, bytes.baseAddress! + rb.lowerBound + 8, n - 8)
                        return c != 0 ? c < 0 : (ra.count != rb.count ? ra.count < rb.count : a < b)
                    }
                }
                i = j
            }
            return sorted
        }
    }
}
