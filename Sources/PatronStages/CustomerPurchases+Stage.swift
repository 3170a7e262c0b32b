import PatronModels
import PatronPipeline
import PatronTable

extension CustomerPurchases {
    /// The transactions of a per-customer stage's input (its `customer`, `date` and `amount`
    /// params' columns) by customer, customers in id order like every per-customer table.
    /// Rows with a null customer, date or amount belong to no customer.
    ///
    /// Ids of up to 8 bytes (most ids) are ordered and grouped by one radix sort on a number
    /// that sorts like them (`StringBuffer.orderKeys()`); other ids are grouped by hashing,
    /// then the groups sorted by id. Returns the customer column too, for the output's ids.
    ///
    /// With `orders` (an order id column of the input), the lines of one order are one
    /// purchase: their amounts summed, on the order's first day (line-item exports).
    ///
    /// With `purchasesOnly`, rows with a negative amount (returns and refunds kept upstream)
    /// belong to no customer either: they are not purchases. How many there were and their
    /// total come back in `returns`. (A zero amount stays a purchase: a free order is still an
    /// order, and CDNOW's published fits count them.)
    static func read(
        _ context: StageContext, _ names: CustomerTransactions.Names, orders: String? = nil,
        purchasesOnly: Bool = false
    ) throws -> (purchases: CustomerPurchases, customers: Column, returns: (rows: Int, total: Double)) {
        var input = try CustomerTransactions.columns(context, names)
        if let orders {
            guard let column = context.inputs[0].table[orders] else {
                throw StageFailure(
                    "order_id: input '\(context.inputs[0].ref)' has no column '\(orders)'; it has: \(context.inputs[0].table.names.joined(separator: ", "))"
                )
            }
            input = CustomerTransactions.byOrder(input, orders: column)
        }
        var keys: [UInt64], limit: UInt64
        if case .string(let s) = input.customers.storage, let ordered = s.orderKeys() {
            (keys, limit) = ordered
            if input.customers.validity != nil {
                for row in keys.indices where input.customers.isNull(row) { keys[row] = Self.skip }
            }
        } else {
            let groups = GroupIndex([input.customers])
            let byID = CustomerTransactions.sortedByID(
                Array(0..<groups.count), customers: input.customers, firstRow: groups.firstRow)
            var rank = [UInt64](repeating: 0, count: groups.count)
            for (position, g) in byID.enumerated() { rank[g] = UInt64(position) }
            keys = groups.ids.map { $0 < 0 ? Self.skip : rank[Int($0)] }
            limit = UInt64(groups.count)
        }
        if input.date.validity != nil || input.amount.validity != nil {
            for row in keys.indices where input.date.isNull(row) || input.amount.isNull(row) { keys[row] = Self.skip }
        }
        var returns = (rows: 0, total: 0.0)
        if purchasesOnly {
            for row in keys.indices where keys[row] != Self.skip && input.amounts[row] < 0 {
                keys[row] = Self.skip
                returns.rows += 1
                returns.total += input.amounts[row]
            }
        }
        return (
            CustomerPurchases(keys: keys, limit: limit, days: input.days, amounts: input.amounts), input.customers,
            returns
        )
    }
}
