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
        let table = try report.loader.load(stage.id, port: "main", columns: ["order_date", "amount", "order_id"])
        // Orders, not lines: distinct order ids when the stage names its order column (a line
        // without one counts as an order of its own).
        if let orders = table["order_id"] {
            let groups = GroupIndex([orders])
            let distinct = groups.count + groups.ids.count { $0 < 0 }
            part.facts.append(Fact("Orders", Format.grouped(distinct)))
            if distinct != table.rowCount { part.facts.append(Fact("Order lines", Format.grouped(table.rowCount))) }
        } else {
            part.facts.append(Fact("Orders", Format.grouped(table.rowCount)))
        }
        let amounts = table.doubles("amount")
        if let amounts {
            let currency = stage.params.baseCurrency.map { " " + $0 } ?? ""
            part.facts.append(Fact("Revenue", Format.money(amounts.reduce(0, +)) + currency))
        }
        if case .date(let days)? = table["order_date"]?.storage, let low = days.min(), let high = days.max() {
            part.facts.append(Fact("Period", "\(ValueFormat.date(low)) – \(ValueFormat.date(high))"))
            if let amounts {
                let currency = stage.params.baseCurrency.map { " (\($0))" } ?? ""
                let totals = MonthIndex(days: days)?.totals(days: days, values: amounts) ?? []
                var series = Series("Revenue", points: totals.map { (x: Double($0.start), y: $0.sum) })
                // A first or last month the data covers only in part is not a rise or a collapse.
                series.partial = MonthIndex.partialMonths(totals.map(\.start), low: Int(low), high: Int(high))
                part.charts.append(
                    LineChart(
                        title: "Revenue by month"
                            + (series.partial.isEmpty ? "" : " (hollow, dashed: a month the data covers only in part)"),
                        xLabel: "Month", yLabel: "Revenue" + currency, series: [series], xTicks: .dates,
                        yIncludesZero: true))
            }
        }
        return part
    }
}
