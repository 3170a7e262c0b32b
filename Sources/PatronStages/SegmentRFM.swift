import Foundation
import PatronModels
import PatronPipeline
import PatronTable

/// `segment.rfm`: recency, frequency and monetary value per customer, their 1–5 scores and
/// a named segment.
///
/// ```yaml
/// rfm:
///   use: segment.rfm
///   inputs: [clean]
///   with: {observation_end: 2025-06-30, segments: rf-grid}
/// ```
enum SegmentRFM: StageModule {
    struct Parameters: ModuleParameters {
        var customer = "customer_id"
        var date = "order_date"
        var amount = "amount"
        var orderID: String? = nil
        var observationEnd: CalendarDay? = nil
        var frequency = RFMAggregate.Frequency.orders
        var monetary = RFMAggregate.Monetary.total
        var bins = 5
        var segments = Value.string("rf-grid")

        static let fields: [ParamField<Self>] = [
            ParamField("customer", \.customer, help: "customer id column"),
            ParamField("date", \.date, help: "transaction date column"),
            ParamField("amount", \.amount, help: "transaction value column"),
            ParamField(
                "order_id", \.orderID, defaultText: "`order_id` if the input has it",
                help: "order column: the lines of an order are one purchase (`frequency: orders` counts orders)"),
            ParamField(
                "observation_end", \.observationEnd, defaultText: "last date in the data",
                help: "the day RFM is measured at; later transactions are ignored"),
            ParamField("frequency", \.frequency, help: "count `orders`, or distinct purchase `days`"),
            ParamField("monetary", \.monetary, help: "`total` spend, or `mean` per order"),
            ParamField("bins", \.bins, help: "score scale (2 to 10)"),
            ParamField("segments", \.segments, help: "`rf-grid`, `rfm-11`, or your own rule list"),
        ]

        var columnNames: CustomerTransactions.Names {
            CustomerTransactions.Names(customer: customer, date: date, amount: amount)
        }
    }

    static let name = "segment.rfm"
    static let version = "2"
    static let summary =
        "RFM per customer at observation_end: recency, frequency, monetary, 1–5 scores with deterministic ties, named segments."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] { ["summary"] }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        if !(2...10).contains(params.bins) {
            problems.append(ParamProblem(\Parameters.bins, "must be between 2 and 10, got \(params.bins)"))
        }
        switch segmentTable(params.segments) {
        case .failure(let error): problems.append(ParamProblem(\Parameters.segments, verbatim: error.message))
        case .success(let table):
            problems += table.problems().messages.map { ParamProblem(\Parameters.segments, verbatim: $0) }
        }
        return problems
    }

    static func inputColumns(_ params: Parameters) -> [String]? {
        [params.customer, params.date, params.amount, params.orderID ?? "order_id"]
    }

    /// A segment table from the `segments` param: a built-in name or a list of rules.
    static func segmentTable(_ value: Value) -> Result<SegmentTable, StageFailure> {
        if let name = value.string {
            guard let table = SegmentTable.builtIn[name] else {
                return .failure(
                    StageFailure(
                        "unknown segment table '\(name)'; built in: \(SegmentTable.builtIn.keys.sorted().joined(separator: ", ")), or give a list of rules"
                    ))
            }
            return .success(table)
        }
        guard let list = value.list, !list.isEmpty else {
            return .failure(
                StageFailure("'segments' is rf-grid, rfm-11, or a list of rules like {name: Champions, r: 4-5, f: 4-5}")
            )
        }
        var rules = [SegmentTable.Rule]()
        for (i, item) in list.enumerated() {
            guard let entries = item.entries, let name = entries.first(where: { $0.key == "name" })?.value.string,
                !name.isEmpty
            else {
                return .failure(StageFailure("segment rule \(i + 1) needs a name: {name: …, r: 4-5, f: 1-3}"))
            }
            var rule = SegmentTable.Rule(name)
            for entry in entries where entry.key != "name" {
                guard let range = scoreRange(entry.value) else {
                    return .failure(
                        StageFailure(
                            "segment rule \(i + 1) ('\(name)'): \(entry.key): '\(entry.value.interpolated)' is not a score or a range like 2-4 within 1-5"
                        ))
                }
                switch entry.key {
                case "r": rule.r = range
                case "f": rule.f = range
                case "m": rule.m = range
                case "fm": rule.fm = range
                default:
                    return .failure(
                        StageFailure("segment rule \(i + 1) ('\(name)'): unknown key '\(entry.key)'; use r, f, m, fm"))
                }
            }
            rules.append(rule)
        }
        return .success(SegmentTable(rules: rules))
    }

    static func scoreRange(_ value: Value) -> ClosedRange<Int>? {
        var bounds: [Int]
        if let n = value.int {
            bounds = [n, n]
        } else if let s = value.string {
            bounds = s.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        } else if let l = value.list {
            bounds = l.compactMap(\.int)
        } else {
            return nil
        }
        if bounds.count == 1 { bounds.append(bounds[0]) }
        guard bounds.count == 2, 1 <= bounds[0], bounds[0] <= bounds[1], bounds[1] <= 5 else { return nil }
        return bounds[0]...bounds[1]
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        // Orders, not lines: an order column if named, else `order_id` when the input has one.
        let orders = params.orderID ?? (context.inputs[0].table["order_id"] != nil ? "order_id" : nil)
        let (purchases, customers, _) = try CustomerPurchases.read(context, params.columnNames, orders: orders)
        let table = try segmentTable(params.segments).get()
        let bins = params.bins
        let end = params.observationEnd?.day ?? (purchases.lastDay ?? 0)
        let aggregate = RFMAggregate(
            purchases: purchases, observationEnd: end, frequency: params.frequency, monetary: params.monetary)
        // Customers whose every transaction is after observation_end do not exist yet. The
        // rest in the purchases' order: by customer id bytes, so the input's row order never
        // matters.
        let order = (0..<purchases.count).filter { aggregate.frequency[$0] > 0 }
        let recency = order.map { Double(aggregate.recencyDays[$0]) }
        let r = QuantileScores.scores(recency, bins: bins, higherIsBetter: false)
        let f = QuantileScores.scores(order.map { Double(aggregate.frequency[$0]) }, bins: bins)
        let m = QuantileScores.scores(order.map { aggregate.monetary[$0] }, bins: bins)
        // Segment names and "545" codes straight into string buffers: a million rows.
        let names = table.names
        let nameBytes = names.map { Array($0.utf8) }
        var segmentBuffer = StringBuffer(), codeBuffer = StringBuffer()
        segmentBuffer.reserve(rows: order.count, bytes: order.count * 12)
        codeBuffer.reserve(rows: order.count, bytes: order.count * 3)
        let cells = table.cellNames
        var segmentOf = [Int](repeating: 0, count: order.count)
        for i in order.indices {
            let (r5, f5, m5) = (
                SegmentTable.toFivePoint(Int(r[i]), bins: bins), SegmentTable.toFivePoint(Int(f[i]), bins: bins),
                SegmentTable.toFivePoint(Int(m[i]), bins: bins)
            )
            segmentOf[i] = cells[(r5 - 1) * 25 + (f5 - 1) * 5 + m5 - 1]
            nameBytes[segmentOf[i]].withUnsafeBufferPointer { segmentBuffer.append(bytesOf: $0) }
            if bins < 10 {
                codeBuffer.bytes.append(48 + UInt8(r[i]))
                codeBuffer.bytes.append(48 + UInt8(f[i]))
                codeBuffer.bytes.append(48 + UInt8(m[i]))
                codeBuffer.offsets.append(Int32(codeBuffer.bytes.count))
            } else {
                codeBuffer.append("\(r[i])-\(f[i])-\(m[i])")
            }
        }
        let main = try Table(
            names: [
                "customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_score",
                "segment",
            ],
            columns: [
                customers.gathering(order.map { purchases.firstRow[$0] }),
                .int(order.map { Int64(aggregate.recencyDays[$0]) }),
                .int(order.map { Int64(aggregate.frequency[$0]) }),
                .decimal(order.map { aggregate.monetary[$0] }),
                .int(r.map(Int64.init)), .int(f.map(Int64.init)), .int(m.map(Int64.init)),
                Column(type: .string, storage: .string(codeBuffer)),
                Column(type: .string, storage: .string(segmentBuffer)),
            ])
        return StageOutput(
            main: main, other: [("summary", try summary(main, names: table.names, segmentOf: segmentOf))],
            counts: ["customers": main.rowCount, "transactions_after_observation_end": aggregate.afterEnd])
    }

    /// Per segment (in table order, then Other): customers, share, mean recency, frequency
    /// and monetary, total monetary. `segmentOf`: each row's index in `names`.
    static func summary(_ main: Table, names: [String], segmentOf: [Int]) throws -> Table {
        guard case .int(let recency)? = main["recency_days"]?.storage,
            case .int(let frequency)? = main["frequency"]?.storage,
            case .decimal(let monetary)? = main["monetary"]?.storage
        else { throw StageFailure("internal: RFM table without its columns") }
        var count = [Int](repeating: 0, count: names.count)
        var sums = [(r: Double, f: Double, m: Double)](repeating: (0, 0, 0), count: names.count)
        for row in 0..<main.rowCount {
            let k = segmentOf[row]
            count[k] += 1
            sums[k].r += Double(recency[row])
            sums[k].f += Double(frequency[row])
            sums[k].m += monetary[row]
        }
        let total = max(1, main.rowCount)
        let present = count.map { $0 > 0 }
        func mean(_ value: (Int) -> Double) -> Column {
            .decimal(names.indices.map { count[$0] == 0 ? 0 : value($0) / Double(count[$0]) }, validity: present)
        }
        return try Table(
            names: [
                "segment", "customers", "share", "mean_recency_days", "mean_frequency", "mean_monetary",
                "total_monetary",
            ],
            columns: [
                .string(names),
                .int(count.map(Int64.init)),
                .decimal(count.map { Double($0) / Double(total) }),
                mean { sums[$0].r }, mean { sums[$0].f }, mean { sums[$0].m },
                .decimal(sums.map(\.m)),
            ])
    }
}

extension RFMAggregate.Frequency: ParamChoice {}
extension RFMAggregate.Monetary: ParamChoice {}
