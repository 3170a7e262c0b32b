import PatronTable
import Testing

@testable import PatronModels

/// Cleaning a line-item export: amount = quantity × unit price, orders by id, cancellations
/// as returns netted across days against the same item, row filters.
@Suite struct LineItemCleaningTests {
    static func day(_ text: String) -> Int32 {
        let p = text.split(separator: "-").map { Int($0)! }
        return Int32(CivilDate.days(year: p[0], month: p[1], day: p[2]))
    }

    /// (invoice, item, quantity, price, customer, day), lines 2… in order.
    static let lines: [(String, String, Int64, Double, String?, String)] = [
        ("536365", "85123A", 6, 2.55, "17850", "2010-12-01"),  // 2: 15.3
        ("536365", "71053", 6, 3.39, "17850", "2010-12-01"),  // 3: 20.34
        ("536366", "22633", 6, 1.85, "17850", "2010-12-03"),  // 4: 11.1
        ("536367", "POST", 1, 18.0, "17850", "2010-12-03"),  // 5: excluded
        ("C536379", "85123A", -2, 2.55, "17850", "2010-12-05"),  // 6: cancels 2 of line 2's item, days later
        ("C536380", "99999", -1, 4.0, "17850", "2010-12-05"),  // 7: an item never bought
        ("536381", "71053", 6, 3.39, "17850", "2010-12-01"),  // 8: not a duplicate (another invoice)
        ("536365", "85123A", 6, 2.55, "17850", "2010-12-01"),  // 9: exact duplicate of line 2
        ("536382", "AMAZONFEE", 1, -11062.06, "17850", "2010-12-06"),  // 10: negative unit price
        ("536383", "22633", 0, 1.85, "17850", "2010-12-06"),  // 11: zero quantity
        ("536384", "22633", 3, 1.85, nil, "2010-12-06"),  // 12: no customer
        ("C536385", "71053", -14, 3.39, "17850", "2010-12-07"),  // 13: more than was bought (12)
    ]

    static func table() throws -> Table {
        try Table(
            names: ["InvoiceNo", "StockCode", "Quantity", "UnitPrice", "CustomerID", "InvoiceDate", "source_line"],
            columns: [
                .string(lines.map(\.0)), .string(lines.map(\.1)), .int(lines.map(\.2)), .decimal(lines.map(\.3)),
                .string(lines.map(\.4)), .date(lines.map { day($0.5) }), .int(lines.indices.map { Int64($0 + 2) }),
            ])
    }

    static func rules(_ returns: CleaningRules.Returns) -> CleaningRules {
        var rules = CleaningRules(customer: "CustomerID", date: "InvoiceDate", amount: "")
        rules.quantity = "Quantity"
        rules.unitPrice = "UnitPrice"
        rules.orderID = "InvoiceNo"
        rules.item = "StockCode"
        rules.cancelPrefix = "C"
        rules.exclude = [("StockCode", ["POST", "M"])]
        rules.returns = returns
        return rules
    }

    func reasons(_ result: TransactionCleaner.Result) -> [Int64: String] {
        guard case .int(let lines) = result.rejects["line"]!.storage,
            case .string(let texts) = result.rejects["reason"]!.storage
        else { return [:] }
        return Dictionary(uniqueKeysWithValues: lines.indices.map { (lines[$0], texts[$0]) })
    }

    @Test func linesWithReturnsRejected() throws {
        let result = try TransactionCleaner.clean(try Self.table(), rules: Self.rules(.reject))
        #expect(result.kept.names.prefix(4) == ["customer_id", "order_date", "amount", "order_id"])
        #expect(!result.kept.names.contains("InvoiceNo"))
        #expect(result.kept["amount"] == .decimal([15.3, 20.34, 11.1, 20.34]))
        #expect(result.kept["order_id"] == .string(["536365", "536365", "536366", "536381"]))
        let why = reasons(result)
        #expect(why[5] == "excluded: StockCode is 'POST'")
        #expect(why[6] == "cancellation (order C536379); returns: net would subtract it")
        #expect(why[9] == "exact duplicate of line 2")
        #expect(why[10]?.hasPrefix("negative unit price -11062.06") == true)
        #expect(why[11] == "zero amount")
        #expect(why[12] == "missing customer id")
        #expect(result.counts["rows_in"] == 12 && result.counts["rows_kept"]! + result.counts["rows_rejected"]! == 12)
        #expect(result.counts["rejected: excluded: StockCode"] == 1)
        #expect(result.counts["rejected: cancellation"] == 3)
    }

    @Test func returnsNettedAcrossDaysAgainstTheSameItem() throws {
        let result = try TransactionCleaner.clean(try Self.table(), rules: Self.rules(.net))
        let why = reasons(result)
        // Line 6 (2 × 2.55 of 85123A, four days later) comes off line 2, not off line 3 or 4.
        #expect(why[6] == "return netted with the earlier purchase of the item on line 2")
        #expect(why[7] == "return with no earlier purchase of the item to net against (-4)")
        // Line 13 (14 × 3.39 = 47.46 of 71053) takes line 8, then line 3, and 6.78 is left over.
        #expect(
            why[13] == "return larger than the earlier purchases of the item: netted with lines 3, 8, 6.78 left over")
        #expect(why[3] == "fully returned: netted with the return on line 13")
        #expect(why[8] == "fully returned: netted with the return on line 13")
        #expect(result.kept["amount"] == .decimal([15.3 - 5.1, 11.1]))
        #expect(result.counts["rejected: return netted"] == 1)
        #expect(result.counts["rejected: fully returned"] == 2)
        #expect(result.counts["rejected: return with no earlier purchase"] == 1)
        #expect(result.counts["rejected: return partly netted"] == 1)
        // Revenue lies between all returns subtracted and none.
        let kept = result.kept["amount"]!.doubles!.reduce(0, +)
        let gross = 15.3 + 20.34 + 11.1 + 20.34
        #expect(kept < gross && kept > gross - 5.1 - 4 - 47.46)
    }

    @Test func includeKeepsOnlyTheListedValues() throws {
        var rules = Self.rules(.reject)
        rules.exclude = []
        rules.include = [("StockCode", ["85123A", "71053"])]
        let result = try TransactionCleaner.clean(try Self.table(), rules: rules)
        let why = reasons(result)
        #expect(why[4] == "not included: StockCode is '22633'")
        #expect(why[5] == "not included: StockCode is 'POST'")
        #expect(result.kept["amount"] == .decimal([15.3, 20.34, 20.34]))
    }

    @Test func decimalsMultiplyAsLedgersDo() {
        #expect(DecimalProduct.product(6, 2.55) == 15.3)
        #expect(DecimalProduct.product(-12, 0.29) == -3.48)
        #expect(DecimalProduct.product(3, 0.1) == 0.3)
        #expect(DecimalProduct.product(1.5, 1.5) == 2.25)
        #expect(6 * 2.55 != 15.3)  // what binary floating point gives instead
    }
}

extension LineItemCleaningTests {
    /// Numbers in reasons are for people: floating-point noise does not reach them.
    @Test func reasonsPrintNumbersForPeople() throws {
        let table = try Table(
            names: ["customer_id", "order_date", "amount"],
            columns: [.string(["a"]), .date([0]), .decimal([-(76.8 + 3e-14)])])
        let result = try TransactionCleaner.clean(
            table, rules: CleaningRules(customer: "customer_id", date: "order_date", amount: "amount"))
        #expect(reasons(result)[2] == "negative amount -76.8 (a return; returns: net or keep would use it)")
        #expect(ValueFormat.readable(76.80000000000003) == "76.8")
        #expect(ValueFormat.readable(0.1 + 0.2) == "0.3")
    }
}
