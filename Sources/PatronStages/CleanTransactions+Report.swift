import PatronPipeline
import PatronReport
import PatronTable

/// `clean.transactions` in the report: orders, revenue and the period in the overview with
/// revenue by month, and why rows were rejected.
extension CleanTransactions: ReportContributing {
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        try report.rejectsBlocks(stage.info)
    }

    static func rowAccounting(_ stage: ReportStage<Self>, in report: ReportContext) throws -> RowAccounting? {
        try report.rowAccounting(stage.info, inKey: "rows_in")
    }

    static func overview(_ stage: ReportStage<Self>, in report: ReportContext) throws -> OverviewPart {
        var part = OverviewPart()
        let monthly = try report.loader.load(stage.id, port: "monthly")
        let lines = monthly.ints("lines")?.reduce(0, +) ?? 0
        // Orders, not lines: distinct order ids when the stage names its order column (a line
        // without one counts as an order of its own), counted by the stage.
        if let orders = stage.info.counts["orders"] {
            part.facts.append(Fact("Orders", Format.grouped(orders)))
            if orders != lines { part.facts.append(Fact("Order lines", Format.grouped(Int(lines)))) }
        } else {
            part.facts.append(Fact("Orders", Format.grouped(Int(lines))))
        }
        guard let sums = monthly.doubles("revenue"), case .date(let starts)? = monthly["month"]?.storage,
            case .date(let firsts)? = monthly["first_day"]?.storage,
            case .date(let lasts)? = monthly["last_day"]?.storage
        else { return part }
        let currency = stage.params.baseCurrency.map { " " + $0 } ?? ""
        part.facts.append(Fact("Revenue", Format.money(sums.reduce(0, +)) + currency))
        guard let low = firsts.min(), let high = lasts.max() else { return part }
        part.facts.append(Fact("Period", "\(ValueFormat.date(low)) – \(ValueFormat.date(high))"))
        var series = Series("Revenue", points: zip(starts, sums).map { (x: Double($0), y: $1) })
        // A first or last month the data covers only in part is not a rise or a collapse.
        series.partial = MonthIndex.partialMonths(starts.map(Int.init), low: Int(low), high: Int(high))
        part.charts.append(
            LineChart(
                title: "Revenue by month"
                    + (series.partial.isEmpty ? "" : " (hollow, dashed: a month the data covers only in part)"),
                xLabel: "Month", yLabel: "Revenue" + (stage.params.baseCurrency.map { " (\($0))" } ?? ""),
                series: [series], xTicks: .dates, yIncludesZero: true))
        return part
    }
}
