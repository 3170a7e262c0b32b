import Foundation
import PatronModels
import PatronPipeline
import PatronTable
import Testing

@testable import PatronStages

@Suite struct LTVStageTests {
    func orders(_ rows: [(String, Int32, Double)]) throws -> Table {
        try Table(
            names: ["customer_id", "order_date", "amount"],
            columns: [
                .string(rows.map(\.0)), .date(rows.map(\.1)), .decimal(rows.map(\.2)),
            ])
    }

    /// No NaN or infinity may reach an output table.
    func allFinite(_ output: StageOutput) -> Bool {
        output.ports.allSatisfy { port in
            port.table.columns.allSatisfy { column in
                guard case .decimal(let v) = column.storage else { return true }
                return v.indices.allSatisfy { column.isNull($0) || v[$0].isFinite }
            }
        }
    }

    /// Customers from the BG/NBD process itself (r 0.8, α 10 weeks, a 1, b 3) in 1970, each
    /// order's value from `spend` (given the customer's number).
    func simulated(
        customers: Int, seed: UInt64, spend: (inout RandomSource, Int) -> Double
    ) -> [(String, Int32, Double)] {
        var rows = [(String, Int32, Double)]()
        var rng = RandomSource(seed: seed)
        for c in 0..<customers {
            let lambda = rng.gamma(shape: 0.8, rate: 10) / 7  // per day
            let p = rng.beta(1, 3)
            var day = Double(rng.below(100)), first = true
            while day < 365 {
                rows.append(("c\(c)", Int32(day), spend(&rng, c)))
                if !first && rng.uniform() < p { break }
                first = false
                day += rng.exponential(rate: max(lambda, 1e-9))
            }
        }
        return rows
    }

    @Test func intervalsBracketThePredictionsAndRepeat() async throws {
        // Gamma-Gamma spend: ν ~ Gamma(3.7, 15) per customer, each order Gamma(6, ν).
        var spendRNG = RandomSource(seed: 22)
        let nu = (0..<600).map { _ in spendRNG.gamma(shape: 3.7, rate: 15) }
        let table = try orders(simulated(customers: 600, seed: 21) { rng, c in rng.gamma(shape: 6, rate: nu[c]) })
        let params: [String: Value] = [
            "observation_end": .string("1970-12-31"), "intervals": .bool(true), "interval_draws": .int(30),
        ]
        let output = try await runStage(LTV.self, table, params)
        let main = try #require(output.table("main"))
        guard case .decimal(let e)? = main["expected_purchases"]?.storage,
            case .decimal(let lo)? = main["expected_purchases_low"]?.storage,
            case .decimal(let hi)? = main["expected_purchases_high"]?.storage,
            case .decimal(let clv)? = main["clv"]?.storage,
            case .decimal(let clvLo)? = main["clv_low"]?.storage, case .decimal(let clvHi)? = main["clv_high"]?.storage
        else {
            Issue.record("interval columns")
            return
        }
        var wider = 0
        for i in e.indices {
            #expect(
                lo[i] <= e[i] * (1 + 1e-3) && e[i] <= hi[i] * (1 + 1e-3), "customer \(i): \(lo[i]) … \(e[i]) … \(hi[i])"
            )
            #expect(clvLo[i] <= clv[i] * (1 + 1e-2) && clv[i] <= clvHi[i] * (1 + 1e-2))
            if hi[i] - lo[i] > 0.01 * e[i] { wider += 1 }
        }
        // 600 customers leave real parameter uncertainty: most intervals are not points.
        #expect(wider > e.count / 2)
        #expect(allFinite(output))
        // Same seed, same bytes; another seed, other draws.
        let again = try await runStage(LTV.self, table, params)
        #expect(again.table("main")?["clv_high"] == main["clv_high"])
        var reseeded = params
        reseeded["seed"] = .int(2)
        #expect(try await runStage(LTV.self, table, reseeded).table("main")?["clv_high"] != main["clv_high"])
    }

    @Test func heavyTailedSpendGivesQBelowOneAndAFallback() async throws {
        // Customers' typical order values spread over five orders of magnitude (each customer's
        // orders close to their own): Gamma-Gamma's q falls to 1 or below.
        var spendRNG = RandomSource(seed: 6)
        let scale = (0..<1500).map { _ in pow(10, 5 * spendRNG.uniform()) }
        let table = try orders(simulated(customers: 1500, seed: 5) { rng, c in scale[c] * (0.9 + 0.2 * rng.uniform()) })
        let output = try await runStage(LTV.self, table, ["observation_end": .string("1970-12-31")])
        #expect(allFinite(output))
        let params = try #require(output.table("params"))
        guard case .string(let names)? = params["name"]?.storage, case .decimal(let values)? = params["value"]?.storage,
            case .string(let notes)? = params["note"]?.storage
        else {
            Issue.record("params")
            return
        }
        let list = (0..<names.count).map { names[$0] }
        let q = values[list.firstIndex(of: "q")!]
        #expect(q <= 1)
        let note = notes[list.lastIndex(of: "log_likelihood")!]
        #expect(note.contains("≤ 1") && note.contains("falls back"), "\(note)")
    }

    @Test func anObservationEndBeforeTheDataIsAClearError() async throws {
        let table = try orders([("a", 100, 5), ("a", 130, 7), ("b", 110, 3), ("b", 140, 9)])
        await #expect { _ = try await runStage(LTV.self, table, ["observation_end": .string("1969-06-30")]) } throws: {
            String(describing: $0).contains("at least 2 customers")
        }
    }

    @Test func noRepeatBuyersIsAClearError() async throws {
        let table = try orders([("a", 100, 5), ("b", 110, 7), ("c", 120, 9)])
        await #expect { _ = try await runStage(LTV.self, table, [:]) } throws: {
            String(describing: $0).contains("no customer bought twice")
        }
    }

    @Test func aSingleCustomerIsAClearError() async throws {
        let table = try orders([("a", 100, 5), ("a", 130, 7)])
        await #expect { _ = try await runStage(LTV.self, table, [:]) } throws: {
            String(describing: $0).contains("at least 2 customers")
        }
    }

    @Test func zeroAndNegativeSpendAndIdenticalCustomersStayFinite() async throws {
        var rows = [(String, Int32, Double)]()
        for c in 0..<60 {
            // Identical histories, some with zero or negative repeat values.
            rows += [("c\(c)", 100, 10), ("c\(c)", 114, c % 3 == 0 ? 0 : (c % 3 == 1 ? -4 : 12)), ("c\(c)", 128, 8)]
        }
        let output = try await runStage(LTV.self, try orders(rows), ["observation_end": .string("1970-07-01")])
        #expect(allFinite(output))
        let params = output.table("params")!
        #expect(params.rowCount >= 6)
        guard case .string(let notes)? = params["note"]?.storage else {
            Issue.record("notes")
            return
        }
        // The BG/NBD fit on identical customers is reported, not hidden.
        #expect(!notes[4].isEmpty)
    }

    /// Ids of up to 8 bytes are grouped by one radix sort on numbers that order like them;
    /// longer ids by hashing: the same customers, order and figures either way, and a row
    /// with a null customer, date or amount belongs to no customer in both.
    @Test func shortAndLongIdsGiveTheSameTable() async throws {
        let rows = simulated(customers: 3000, seed: 5) { rng, _ in 5 + Double(rng.below(20)) }
        func table(_ prefix: String) throws -> Table {
            let ids: [String?] = rows.map { prefix + $0.0 } + [nil, prefix + "c1", prefix + "c2"]
            return try Table(
                names: ["customer_id", "order_date", "amount"],
                columns: [
                    .string(ids),
                    .date(
                        rows.map(\.1) + [200, 0, 200],
                        validity: Array(repeating: true, count: rows.count) + [true, false, true]),
                    .decimal(
                        rows.map(\.2) + [5, 5, 0],
                        validity: Array(repeating: true, count: rows.count) + [true, true, false]),
                ])
        }
        let params: [String: Value] = ["observation_end": .string("1970-12-31")]
        let short = try await runStage(LTV.self, try table(""), params).table("main")!
        let long = try await runStage(LTV.self, try table("a-customer-id-longer-than-8-bytes/"), params).table("main")!
        #expect(short.rowCount == long.rowCount)
        #expect(short.rowCount == Set(rows.map(\.0)).count)
        guard case .string(let shortIds)? = short["customer_id"]?.storage,
            case .string(let longIds)? = long["customer_id"]?.storage
        else {
            Issue.record("customer ids")
            return
        }
        #expect(shortIds.count == longIds.count)
        #expect((0..<shortIds.count).allSatisfy { "a-customer-id-longer-than-8-bytes/" + shortIds[$0] == longIds[$0] })
        #expect(
            (1..<shortIds.count).allSatisfy {
                Array(shortIds[$0 - 1].utf8).lexicographicallyPrecedes(Array(shortIds[$0].utf8))
            })
        for name in short.names where name != "customer_id" { #expect(short[name] == long[name]) }
    }

    @Test func timeUnitsAreExplicit() async throws {
        let table = try orders(simulated(customers: 2000, seed: 8) { rng, _ in 5 + Double(rng.below(20)) })
        let weeks = try await runStage(
            LTV.self, table,
            ["time_unit": .string("week"), "horizon": .double(52), "observation_end": .string("1970-12-31")])
        let days = try await runStage(
            LTV.self, table,
            ["time_unit": .string("day"), "horizon": .double(364), "observation_end": .string("1970-12-31")])
        // T of the same customer is 7 times larger in days; a year ahead is a year ahead in either unit.
        guard case .decimal(let tw)? = weeks.table("main")?["T"]?.storage,
            case .decimal(let td)? = days.table("main")?["T"]?.storage,
            case .decimal(let ew)? = weeks.table("main")?["expected_purchases"]?.storage,
            case .decimal(let ed)? = days.table("main")?["expected_purchases"]?.storage,
            case .decimal(let pw)? = weeks.table("params")?["value"]?.storage,
            case .decimal(let pd)? = days.table("params")?["value"]?.storage
        else {
            Issue.record("columns")
            return
        }
        // α is in the time unit; r, a, b are not.
        #expect(abs(pd[0] - pw[0]) < 1e-4 * pw[0])
        #expect(abs(pd[1] - 7 * pw[1]) < 1e-4 * 7 * pw[1])
        #expect(abs(pd[2] - pw[2]) < 1e-3 * pw[2])
        for i in tw.indices {
            #expect(abs(td[i] - 7 * tw[i]) < 1e-9)
            #expect(abs(ed[i] - ew[i]) < 1e-3 * max(1, ew[i]))
        }
        #expect(allFinite(weeks) && allFinite(days))
    }

    @Test func noChurnInTheDataIsReportedAsABound() async throws {
        // Pure Poisson buyers: the dropout probability goes to 0, a and b to their bound.
        var rows = [(String, Int32, Double)]()
        var rng = RandomSource(seed: 2)
        for c in 0..<300 {
            var day = Int32(rng.below(100))
            for _ in 0..<(1 + rng.below(5)) {
                rows.append(("c\(c)", day, 10))
                day += Int32(1 + rng.below(60))
            }
        }
        let output = try await runStage(LTV.self, try orders(rows), ["observation_end": .string("1970-12-31")])
        #expect(allFinite(output))
        guard case .string(let notes)? = output.table("params")?["note"]?.storage else {
            Issue.record("notes")
            return
        }
        #expect(notes[4].contains("a bound"))
        guard case .decimal(let values)? = output.table("params")?["value"]?.storage else { return }
        #expect(values[4] < 0)  // a log-likelihood, not a numerical accident
    }
}
