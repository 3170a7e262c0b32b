import Foundation
import PatronModels
import PatronPipeline
import PatronTable
import Testing

@testable import PatronStages

/// The segment stages called as a pipeline would call them.
func runStage(_ module: any StageModule.Type, _ table: Table, _ params: [String: Value]) async throws -> StageOutput {
    var resolved = params
    for spec in module.spec.params where resolved[spec.name] == nil { resolved[spec.name] = spec.defaultValue }
    let context = StageContext(
        pipeline: "test", stage: "s", module: module.spec.name, params: resolved,
        inputs: [.init(ref: .init(stage: "in"), table: table)], projectRoot: "/tmp",
        scratchDirectory: NSTemporaryDirectory(), logPrefix: NSTemporaryDirectory() + "s", progress: { _ in })
    return try await module.spec.run(context)
}

/// Transactions of 400 customers with heavily tied frequencies and amounts.
func transactions(order: [Int]? = nil) throws -> Table {
    var rng = RandomSource(seed: 77)
    var ids = [String?](), days = [Int32](), amounts = [Double]()
    for c in 0..<400 {
        let orders = rng.uniform() < 0.6 ? 1 : 1 + rng.below(6)
        for _ in 0..<orders {
            ids.append("C\(1000 + c)")
            days.append(Int32(19_000 + rng.below(500)))
            amounts.append([9.99, 10, 25.5, 0.1, 0.2, 0.3][rng.below(6)])
        }
    }
    let rows = order ?? Array(ids.indices)
    return try Table(
        names: ["customer_id", "order_date", "amount"],
        columns: [
            .string(rows.map { ids[$0] }), .date(rows.map { days[$0] }), .decimal(rows.map { amounts[$0] }),
        ])
}

@Suite struct SegmentStageTests {
    @Test func rfmIgnoresRowOrder() async throws {
        let input = try transactions()
        var rng = RandomSource(seed: 5)
        var order = Array(0..<input.rowCount)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        let params: [String: Value] = ["observation_end": .string("2023-12-31")]
        let a = try await runStage(SegmentRFM.self, input, params)
        let b = try await runStage(SegmentRFM.self, try transactions(order: order), params)
        #expect(a.table("main") == b.table("main"))
        #expect(a.table("summary") == b.table("summary"))
        #expect(ArrowIPC.encode(a.table("main")!) == ArrowIPC.encode(b.table("main")!))
        // Equal values, equal scores.
        let main = a.table("main")!
        guard case .int(let f)? = main["frequency"]?.storage, case .int(let fs)? = main["f_score"]?.storage else {
            Issue.record("columns")
            return
        }
        var scoreOf = [Int64: Int64]()
        for (v, s) in zip(f, fs) { #expect(scoreOf.updateValue(s, forKey: v) ?? s == s) }
        #expect(scoreOf[1] == 1)  // one-time buyers, the big tie, score F = 1
    }

    /// Score codes are digits ("315") below 10 bins and dashed ("3-10-5") from 10; segment
    /// names follow the five-point scores, and the summary counts every customer once.
    @Test func binsShapeCodesAndSegments() async throws {
        for bins in [3, 5, 10] {
            let output = try await runStage(
                SegmentRFM.self, try transactions(), ["observation_end": .string("2023-12-31"), "bins": .int(bins)])
            let main = output.table("main")!
            guard case .string(let codes)? = main["rfm_score"]?.storage,
                case .string(let segments)? = main["segment"]?.storage,
                case .int(let r)? = main["r_score"]?.storage, case .int(let f)? = main["f_score"]?.storage,
                case .int(let m)? = main["m_score"]?.storage
            else {
                Issue.record("columns")
                return
            }
            let table = SegmentTable.builtIn["rf-grid"]!
            for row in 0..<main.rowCount {
                #expect(codes[row] == (bins < 10 ? "\(r[row])\(f[row])\(m[row])" : "\(r[row])-\(f[row])-\(m[row])"))
                let five = [r[row], f[row], m[row]].map { SegmentTable.toFivePoint(Int($0), bins: bins) }
                #expect(segments[row] == table.segment(r: five[0], f: five[1], m: five[2]))
            }
            guard case .int(let counts)? = output.table("summary")!["customers"]?.storage else {
                Issue.record("summary")
                return
            }
            #expect(Int(counts.reduce(0, +)) == main.rowCount)
        }
    }

    @Test func customSegmentTablesAreCheckedAtValidation() {
        let overlapping: Value = .list([
            .map([.init("name", .string("A")), .init("r", .string("4-5"))]),
            .map([.init("name", .string("B")), .init("r", .int(5)), .init("f", .string("1-2"))]),
        ])
        let problems = SegmentRFM.spec.validate(["segments": overlapping])
        #expect(problems.contains { $0.message.contains("unreachable") })
        let bad = SegmentRFM.spec.validate([
            "segments": .list([.map([.init("name", .string("X")), .init("r", .string("0-9"))])])
        ])
        #expect(bad.first?.message.contains("not a score or a range") == true)
        #expect(
            SegmentRFM.spec.validate(["segments": .string("rfm-12")]).first?.message.contains("unknown segment table")
                == true)
        #expect(SegmentRFM.spec.validate(["segments": .string("rfm-11")]).isEmpty)
    }

    @Test func kmeansStageIsDeterministicAndNumbersByMonetary() async throws {
        let rfm = try await runStage(SegmentRFM.self, try transactions(), ["observation_end": .string("2023-12-31")])
            .table("main")!
        let a = try await runStage(SegmentKMeans.self, rfm, ["k": .int(3), "seed": .int(4)])
        let b = try await runStage(SegmentKMeans.self, rfm, ["k": .int(3), "seed": .int(4)])
        #expect(a.table("main") == b.table("main"))
        guard case .decimal(let monetary)? = a.table("centroids")?["monetary"]?.storage else {
            Issue.record("centroids")
            return
        }
        #expect(monetary == monetary.sorted(by: >))
        let auto = try await runStage(
            SegmentKMeans.self, rfm, ["k": .string("auto"), "k_max": .int(4), "sample": .int(300)])
        #expect(auto.table("selection")?.rowCount == 3)
        // A constant feature does not divide by zero.
        var constant = rfm
        try constant.append("one", .decimal(Array(repeating: 1, count: rfm.rowCount)))
        let c = try await runStage(
            SegmentKMeans.self, constant, ["k": .int(2), "features": .list([.string("one"), .string("monetary")])])
        #expect(c.table("main")?.rowCount == rfm.rowCount)
    }

    /// Fed invoice lines, `frequency: orders` counts invoices (not lines) and `monetary: mean`
    /// is per invoice; a line without an invoice is an order of its own.
    @Test func rfmCountsDistinctOrdersNotLines() async throws {
        let day = { (d: Int) in Int32(CivilDate.days(year: 2011, month: 1, day: d)) }
        let table = try Table(
            names: ["customer_id", "order_date", "amount", "order_id"],
            columns: [
                .string(["12347", "12347", "12347", "12347", "12347", "12348", "12348"]),
                .date([day(1), day(1), day(1), day(5), day(5), day(2), day(3)]),
                .decimal([10, 20, 30, 5, 5, 7, 8]),
                .string(["A1", "A1", "A1", "A2", nil, "B1", "B2"]),
            ])
        let output = try await runStage(
            SegmentRFM.self, table, ["observation_end": .string("2011-01-10"), "monetary": .string("mean")])
        let main = try #require(output.table("main"))
        #expect(main["customer_id"] == .string(["12347", "12348"]))
        #expect(main["frequency"] == .int([3, 2]))
        #expect(main["monetary"] == .decimal([(60 + 5 + 5) / 3, 7.5]))
        // Without the order column, lines are counted (the old behaviour, still one param away).
        let lines = try await runStage(
            SegmentRFM.self, try table.selecting(["customer_id", "order_date", "amount"]),
            ["observation_end": .string("2011-01-10")])
        #expect(lines.table("main")?["frequency"] == .int([5, 2]))
    }
}
