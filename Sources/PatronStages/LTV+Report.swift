import PatronPipeline
import PatronReport
import PatronTable

/// `ltv` in the report: parameters and fit diagnostics, the CLV distribution, P(alive) by
/// recency and frequency, top customers, the holdout evaluation; P(alive), expected purchases
/// and CLV in `customers.csv`.
extension LTV: ReportContributing {
    static var oneRowPerCustomer: Bool { true }

    /// Lifetime value: parameters and fit diagnostics, the CLV distribution, P(alive) by
    /// recency and frequency, top customers, and the holdout evaluation when there is one.
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        var blocks = [Block]()
        if stage.rows["params"] != nil {
            let params = try report.loader.load(stage.id, port: "params")
            if let models = params.strings("model"), let names = params.strings("name"),
                let values = params.doubles("value"), let notes = params["note"]
            {
                let errors = params["std_error"]
                var rows = [[String]]()
                for i in 0..<params.rowCount {
                    let error = errors.flatMap { $0.isNull(i) ? nil : $0.doubles?[i] }
                    let value =
                        names[i] == "n" || names[i] == "draws" || names[i] == "negative_amounts"
                        ? Format.grouped(Int(values[i])) : Format.significant(values[i], 5)
                    rows.append([
                        models[i], names[i], value, error.map { Format.significant($0, 3) } ?? "",
                        ReportTables.cell(notes, i, digits: 6),
                    ])
                    if names[i] == "log_likelihood", !notes.isNull(i) {
                        blocks.append(.callout("Fit of \(models[i]): \(ValueFormat.format(notes, i))."))
                    }
                    if names[i] == "negative_amounts", !notes.isNull(i) {
                        blocks.append(
                            .callout("\(Format.grouped(Int(values[i]))) \(ValueFormat.format(notes, i))."))
                    }
                }
                blocks.append(
                    .table(
                        DataTable(
                            caption: "Fitted parameters with standard errors (`\(stage.id).params`)",
                            columns: ["Model", "Parameter", "Value", "Std. error", "Note"],
                            numeric: [false, false, true, true, false], rows: rows)))
            }
        }
        let shown = [
            "customer_id", "frequency", "recency", "T", "monetary_value", "p_alive", "expected_purchases", "clv",
        ]
        let main = try report.loader.load(stage.id, port: "main", columns: Set(shown))
        var charts = [any Chart]()
        if let clv = main.doubles("clv") {
            let validity = main["clv"]!.validity
            let clvValues = validity.map { v in clv.indices.filter { v[$0] }.map { clv[$0] } } ?? clv
            let histogram = Histogram(
                title: "Customer lifetime value", valueLabel: "CLV over the horizon", values: clvValues, bins: 30,
                logarithmic: true)
            charts.append(histogram)
            if histogram.excluded > 0 {
                blocks.append(
                    .paragraph(
                        "\(Format.grouped(histogram.excluded)) customers with a CLV of zero or less (or none) are left out of the log-scale histogram."
                    ))
            }
        }
        if let heat = aliveHeatMap(main) { charts.append(heat) }
        if !charts.isEmpty { blocks.append(.charts(charts)) }
        if report.top > 0, let clv = main.doubles("clv") {
            let order = ReportTables.topIndices(clv, count: report.top, validity: main["clv"]?.validity)
            let wanted = shown.filter { main[$0] != nil }
            let rows = order.map { row in wanted.map { ReportTables.cell(main[$0]!, row, digits: 4) } }
            blocks.append(
                .table(
                    DataTable(
                        caption: "Top \(order.count) customers by CLV", columns: wanted,
                        numeric: wanted.map { $0 != "customer_id" }, rows: rows, sortable: true)))
        }
        if stage.rows["evaluation"] != nil {
            blocks += try evaluationBlocks(try report.loader.load(stage.id, port: "evaluation"))
        }
        return blocks
    }

    /// Mean P(alive) in a grid of recency (columns) and frequency (rows) bins.
    static func aliveHeatMap(_ main: Table) -> (any Chart)? {
        guard let alive = main.doubles("p_alive"), let frequency = main.doubles("frequency"),
            let recency = main.doubles("recency"),
            let maxRecency = recency.max(), alive.count > 0
        else { return nil }
        let frequencyBins: [(label: String, low: Double, high: Double)] = [
            ("0", 0, 0.5), ("1", 0.5, 1.5), ("2", 1.5, 2.5), ("3–4", 2.5, 4.5), ("5–7", 4.5, 7.5), ("8–12", 7.5, 12.5),
            ("13+", 12.5, .infinity),
        ]
        let columns = 8
        let width = max(maxRecency, 1e-9) / Double(columns)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: columns), count: frequencyBins.count)
        var counts = sums
        for i in 0..<alive.count where alive[i].isFinite {
            guard let f = frequencyBins.firstIndex(where: { frequency[i] >= $0.low && frequency[i] < $0.high }) else {
                continue
            }
            let c = min(columns - 1, Int(recency[i] / width))
            sums[f][c] += alive[i]
            counts[f][c] += 1
        }
        let rows = Array((0..<frequencyBins.count).reversed())
        let values = rows.map { f in (0..<columns).map { c in counts[f][c] > 0 ? sums[f][c] / counts[f][c] : nil } }
        let labels = (0..<columns).map {
            Format.significant(Double($0) * width, 3) + "–" + Format.significant(Double($0 + 1) * width, 3)
        }
        return HeatMap(
            title: "Mean P(alive) by recency and frequency", xLabel: "Recency (time of last repeat purchase)",
            yLabel: "Frequency (repeat purchases)", columns: labels, rows: rows.map { frequencyBins[$0].label },
            values: values, cellText: values.map { $0.map { $0.map { Format.fixed($0, 2) } ?? "" } },
            valueLabel: "P(alive)", minimumRange: 0.1)
    }

    /// Predicted vs actual holdout purchases by calibration frequency, and cumulative tracking.
    static func evaluationBlocks(_ evaluation: Table) throws -> [Block] {
        guard let kinds = evaluation.strings("kind"), let labels = evaluation.strings("label"),
            let actual = evaluation.doubles("actual"),
            let predicted = evaluation.doubles("predicted")
        else { return [] }
        var charts = [any Chart]()
        var blocks = [Block]()
        let byFrequency = (0..<kinds.count).filter { kinds[$0] == "by_frequency" }
        if !byFrequency.isEmpty {
            let xs = byFrequency.indices.map(Double.init)
            charts.append(
                LineChart(
                    title: "Holdout purchases by calibration frequency", xLabel: "Repeat purchases in calibration",
                    yLabel: "Mean purchases in holdout",
                    series: [
                        Series("Actual", points: zip(xs, byFrequency).map { ($0, actual[$1]) }),
                        Series("Predicted", points: zip(xs, byFrequency).map { ($0, predicted[$1]) }),
                    ],
                    xTicks: .labels(zip(xs, byFrequency).map { ($0, labels[$1]) }), yIncludesZero: true))
        }
        let tracking = (0..<kinds.count).filter { kinds[$0] == "tracking" }
        if !tracking.isEmpty {
            charts.append(
                LineChart(
                    title: "Cumulative repeat purchases: actual vs predicted", xLabel: "Period since calibration start",
                    yLabel: "Cumulative repeat purchases",
                    series: [
                        Series("Actual", points: tracking.map { (Double(labels[$0]) ?? 0, actual[$0]) }, style: .line),
                        Series(
                            "Predicted", points: tracking.map { (Double(labels[$0]) ?? 0, predicted[$0]) }, style: .line
                        ),
                    ],
                    yIncludesZero: true))
        }
        if !charts.isEmpty { blocks.append(.charts(charts)) }
        let errorRows = (0..<kinds.count).filter { !["by_frequency", "tracking"].contains(kinds[$0]) }
        let customers = evaluation["customers"]
        let rows = byFrequency.map { i in
            [
                labels[i], customers.map { ReportTables.cell($0, i) } ?? "", Format.significant(actual[i], 4),
                Format.significant(predicted[i], 4),
            ]
        }
        if !rows.isEmpty {
            blocks.append(
                .table(
                    DataTable(
                        caption: "Holdout purchases per customer by calibration frequency",
                        columns: ["Calibration frequency", "Customers", "Actual", "Predicted"],
                        numeric: [false, true, true, true], rows: rows)))
        }
        if !errorRows.isEmpty {
            blocks.append(
                .facts(
                    errorRows.map {
                        Fact(
                            "Holdout "
                                + (labels[$0].count <= 4
                                    ? labels[$0].uppercased() : labels[$0].replacingUnderscores().lowercased()),
                            Format.significant(predicted[$0].isFinite ? predicted[$0] : actual[$0], 4))
                    }))
        }
        return blocks
    }

    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        let t = try report.loader.load(
            stage.id, port: "main", columns: ["customer_id", "p_alive", "expected_purchases", "clv"])
        guard let ids = t.strings("customer_id") else { return nil }
        var columns = [CustomerColumn]()
        for (name, digits) in [("p_alive", 4), ("expected_purchases", 4), ("clv", 2)] {
            guard let column = t[name], let values = column.doubles else { continue }
            columns.append(CustomerColumn(name, .fixed(values, digits: digits, validity: column.validity)))
        }
        return CustomerColumns(ids: ids, columns: columns)
    }
}
