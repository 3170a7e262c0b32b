import PatronTable
import Testing

@testable import PatronModels

@Suite struct TransactionCleanerTests {
    /// A table as `ingest.csv` makes it, with every kind of dirt, one per line.
    func dirty() throws -> Table {
        let d = { (s: String) -> Int32 in
            let p = s.split(separator: "-").map { Int($0)! }
            return Int32(CivilDate.days(year: p[0], month: p[1], day: p[2]))
        }
        let rows: [(String?, String?, Double?, String, String?, Int64)] = [
            (" c1 ", "2025-01-10", 10, "EUR", "nice", 2),  // kept, id trimmed
            ("C2", "2025-01-11", 20, "EUR", nil, 3),  // kept
            (nil, "2025-01-12", 5, "EUR", nil, 4),  // missing customer
            ("c3", nil, 5, "EUR", nil, 6),  // missing date (line 5 was a quoted newline)
            ("c3", "2025-01-12", nil, "EUR", nil, 7),  // missing amount
            ("C2", "2025-01-11", 20, "EUR", nil, 8),  // exact duplicate of line 3
            ("c4", "2019-12-31", 5, "EUR", nil, 9),  // before min_date
            ("c4", "2025-07-01", 5, "EUR", nil, 10),  // after observation_end
            ("c5", "2025-02-01", 100, "SEK", nil, 11),  // converted
            ("c5", "2025-02-02", 100, "NOK", nil, 12),  // no rate
            ("c6", "2025-02-03", 0, "EUR", nil, 13),  // zero
            ("c7", "2025-03-01", 30, "EUR", nil, 14),  // purchase…
            ("c7", "2025-03-01", 12, "EUR", nil, 15),  // …and another the same day
            ("c7", "2025-03-01", -20, "EUR", nil, 16),  // return netted: 12 → 0, 30 → 22
            ("c8", "2025-03-02", -5, "EUR", nil, 17),  // return with nothing to net
            ("   ", "2025-03-03", 5, "EUR", nil, 18),  // blank customer
        ]
        return try Table(
            names: ["customer_id", "order_date", "amount", "currency", "feedback", "source_line"],
            columns: [
                .string(rows.map(\.0)),
                .date(rows.map { $0.1.map(d) ?? 0 }, validity: rows.map { $0.1 != nil }),
                .decimal(rows.map { $0.2 ?? 0 }, validity: rows.map { $0.2 != nil }),
                .string(rows.map(\.3)),
                .string(rows.map(\.4), type: .text),
                .int(rows.map(\.5)),
            ])
    }

    func rules(_ returns: CleaningRules.Returns = .net) -> CleaningRules {
        var r = CleaningRules(customer: "customer_id", date: "order_date", amount: "amount")
        r.currency = "currency"
        r.baseCurrency = "EUR"
        r.rates = ["SEK": 0.1]
        r.minDate = Int32(CivilDate.days(year: 2020, month: 1, day: 1))
        r.observationEnd = Int32(CivilDate.days(year: 2025, month: 6, day: 30))
        r.customerCase = .lower
        r.returns = returns
        return r
    }

    @Test func everyRejectReasonWithItsLine() throws {
        let result = try TransactionCleaner.clean(try dirty(), rules: rules())
        let lines = result.rejects["line"]!
        let reasons = result.rejects["reason"]!
        var byLine = [Int64: String]()
        for i in 0..<lines.count { byLine[Int64(ValueFormat.format(lines, i))!] = ValueFormat.format(reasons, i) }
        #expect(byLine[4] == "missing customer id")
        #expect(byLine[6] == "missing order date")
        #expect(byLine[7] == "missing amount")
        #expect(byLine[8] == "exact duplicate of line 3")
        #expect(byLine[9] == "date 2019-12-31 is before min_date 2020-01-01")
        #expect(byLine[10] == "date 2025-07-01 is after observation_end 2025-06-30")
        #expect(byLine[12] == "currency NOK is not EUR and rates: has no NOK")
        #expect(byLine[13] == "zero amount")
        #expect(byLine[15] == "fully returned: netted with the return on line 16")
        #expect(byLine[16] == "return netted with the earlier purchases on lines 14, 15")
        #expect(byLine[17] == "return with no earlier purchase to net against (-5)")
        #expect(byLine[18] == "missing customer id")
        #expect(byLine.count == 12)
        #expect(ValueFormat.format(result.rejects["raw"]!, 0) == ",2025-01-12,5,EUR,")
    }

    @Test func keptRowsAreNormalisedConvertedAndNetted() throws {
        let result = try TransactionCleaner.clean(try dirty(), rules: rules())
        let kept = result.kept
        #expect(kept.names == ["customer_id", "order_date", "amount", "currency", "feedback", "source_line"])
        #expect(kept["customer_id"] == .string(["c1", "c2", "c5", "c7"]))
        #expect(kept["amount"] == .decimal([10, 20, 10, 22]))
        #expect(kept["currency"] == .string(["EUR", "EUR", "EUR", "EUR"]))
        #expect(kept["feedback"] == .string(["nice", nil, nil, nil], type: .text))
        #expect(kept["source_line"] == .int([2, 3, 11, 14]))
    }

    @Test(arguments: CleaningRules.Returns.allCases)
    func rowsInEqualKeptPlusRejected(returns: CleaningRules.Returns) throws {
        let input = try dirty()
        let result = try TransactionCleaner.clean(input, rules: rules(returns))
        #expect(result.kept.rowCount + result.rejects.rowCount == input.rowCount)
        #expect(result.counts["rows_in"] == input.rowCount)
        let lines = Set(
            (0..<result.kept.rowCount).map { ValueFormat.format(result.kept["source_line"]!, $0) }
                + (0..<result.rejects.rowCount).map { ValueFormat.format(result.rejects["line"]!, $0) })
        #expect(lines.count == input.rowCount)  // each row once, in one place
    }

    @Test func returnsRejectAndKeep() throws {
        let rejected = try TransactionCleaner.clean(try dirty(), rules: rules(.reject))
        #expect(rejected.kept["amount"] == .decimal([10, 20, 10, 30, 12]))
        let kept = try TransactionCleaner.clean(try dirty(), rules: rules(.keep))
        #expect(kept.kept["amount"] == .decimal([10, 20, 10, 30, 12, -20, -5]))
    }

    @Test func missingOrMistypedColumnsAreClearErrors() throws {
        var r = rules()
        r.customer = "client"
        #expect(
            throws: CleaningError.missingColumn(
                param: "customer", column: "client",
                available: ["customer_id", "order_date", "amount", "currency", "feedback", "source_line"])
        ) {
            try TransactionCleaner.clean(try dirty(), rules: r)
        }
        r = rules()
        r.date = "feedback"
        #expect(throws: CleaningError.self) { try TransactionCleaner.clean(try dirty(), rules: r) }
    }

    /// `date:` naming a datetime column: `order_date` is each row's day, and the time passes
    /// through (as `order_time` when the column was itself called `order_date`).
    @Test func aDatetimeColumnGivesTheDayAndPassesThrough() throws {
        let hour: Int64 = 3_600_000_000
        let day = Int64(CivilDate.days(year: 2010, month: 12, day: 1))
        let times: [Int64] = [day * 24 * hour + 8 * hour, day * 24 * hour + 23 * hour, -1]
        for name in ["InvoiceDate", "order_date"] {
            let table = try Table(
                names: ["customer_id", name, "amount"],
                columns: [.string(["a", "b", "c"]), .datetime(times), .decimal([1, 2, 3])])
            let result = try TransactionCleaner.clean(
                table, rules: CleaningRules(customer: "customer_id", date: name, amount: "amount"))
            let passed = name == "order_date" ? "order_time" : name
            #expect(result.kept.names == ["customer_id", "order_date", "amount", passed])
            #expect(result.kept["order_date"] == .date([Int32(day), Int32(day), -1]))
            #expect(result.kept[passed] == .datetime(times))
        }
    }
}
