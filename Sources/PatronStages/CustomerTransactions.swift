import Foundation
import PatronModels
import PatronPipeline
import PatronTable

/// The transactions a per-customer stage reads: the columns its `customer`, `date` and
/// `amount` params name, and the order of customers in its output (by id).
enum CustomerTransactions {
    /// The columns a per-customer stage reads: its `customer`, `date` and `amount` params.
    struct Names: Sendable {
        var customer: String
        var date: String
        var amount: String
    }

    /// The input's columns that the stage's `customer`, `date` and `amount` params name, with
    /// the dates as days and the amounts as numbers.
    static func columns(
        _ context: StageContext, _ names: Names
    ) throws -> (
        customers: Column, date: Column, amount: Column, days: [Int32], amounts: [Double]
    ) {
        let input = context.inputs[0].table
        func column(_ param: String, _ name: String) throws -> Column {
            guard let column = input[name] else {
                throw StageFailure(
                    "\(param): input '\(context.inputs[0].ref)' has no column '\(name)'; it has: \(input.names.joined(separator: ", "))"
                )
            }
            return column
        }
        let customers = try column("customer", names.customer), date = try column("date", names.date)
        let amount = try column("amount", names.amount)
        guard case .date(let days) = date.storage else {
            throw StageFailure("date: column is \(date.type.rawValue), expected date")
        }
        guard let amounts = amount.doubles else {
            throw StageFailure("amount: column is \(amount.type.rawValue), expected decimal or int")
        }
        return (customers, date, amount, days, amounts)
    }

    /// The transactions with one row per order (same customer, same order id): amounts
    /// summed in row order, the earliest day. Rows with a null customer, date or amount are
    /// left out (they belong to no customer); a row with no order id stays a purchase of its own.
    static func byOrder(
        _ input: (customers: Column, date: Column, amount: Column, days: [Int32], amounts: [Double]), orders: Column
    ) -> (customers: Column, date: Column, amount: Column, days: [Int32], amounts: [Double]) {
        let groups = GroupIndex([input.customers, orders])
        var slot = [Int32](repeating: -1, count: groups.count)
        var rows = [Int](), days = [Int32](), amounts = [Double]()
        for row in 0..<input.days.count
        where !input.customers.isNull(row) && !input.date.isNull(row) && !input.amount.isNull(row) {
            let g = Int(groups.ids[row])
            if g >= 0, slot[g] >= 0 {
                let k = Int(slot[g])
                amounts[k] += input.amounts[row]
                days[k] = min(days[k], input.days[row])
                continue
            }
            if g >= 0 { slot[g] = Int32(rows.count) }
            rows.append(row)
            days.append(input.days[row])
            amounts.append(input.amounts[row])
        }
        return (input.customers.gathering(rows), .date(days), .decimal(amounts), days, amounts)
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
                        let c =
                            n <= 8
                            ? 0
                            : memcmp(
                                bytes.baseAddress! + ra.lowerBound + 8, bytes.baseAddress! + rb.lowerBound + 8, n - 8)
                        return c != 0 ? c < 0 : (ra.count != rb.count ? ra.count < rb.count : a < b)
                    }
                }
                i = j
            }
            return sorted
        }
    }
}
