import PatronPipeline
import PatronReport
import PatronTable

/// `segment.rfm` in the report: segment sizes and revenue shares, the R×F grid, the summary;
/// segment and score in `customers.csv`; segments as the grouping other sections break down by.
extension SegmentRFM: ReportContributing {
    static var oneRowPerCustomer: Bool { true }

    /// RFM: segment sizes and revenue shares, the R×F grid, the summary table.
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        var blocks = [Block]()
        var charts = [any Chart]()
        if stage.rows["summary"] != nil {
            let summary = try report.loader.load(stage.id, port: "summary")
            if let names = summary.strings("segment"), let customers = summary.ints("customers"),
                let total = summary.doubles("total_monetary")
            {
                let segments = (0..<names.count).map { names[$0] }
                let revenue = total.reduce(0) { $0 + ($1.isFinite ? $1 : 0) }
                charts.append(
                    BarChart(
                        title: "Customers by segment", categoryLabel: "Segment", valueLabel: "Customers",
                        categories: segments, series: [("Customers", customers.map(Double.init))],
                        format: { Format.significant($0, 4) }))
                charts.append(
                    BarChart(
                        title: "Share of revenue by segment", categoryLabel: "Segment",
                        valueLabel: "Share of revenue (%)",
                        categories: segments, series: [("Revenue", total.map { revenue > 0 ? 100 * $0 / revenue : 0 })],
                        colors: [Palette.categorical[1]], format: { Format.significant($0, 3) }))
            }
            blocks.append(.table(ReportTables.formatted(summary, caption: "Segments (`\(stage.id).summary`)")))
        }
        let main = try report.loader.load(stage.id, port: "main", columns: ["r_score", "f_score"])
        if let r = main.ints("r_score"), let f = main.ints("f_score"), !r.isEmpty {
            let bins = Int(max(r.max()!, f.max()!))
            var grid = [[Int]](repeating: [Int](repeating: 0, count: bins), count: bins)
            for (ri, fi) in zip(r, f) where ri >= 1 && fi >= 1 { grid[bins - Int(ri)][Int(fi) - 1] += 1 }
            charts.append(
                HeatMap(
                    title: "Customers by recency and frequency score", xLabel: "F score (frequency)",
                    yLabel: "R score (recency)",
                    columns: (1...bins).map(String.init), rows: (1...bins).reversed().map(String.init),
                    values: grid.map { $0.map { Double($0) } }, cellText: grid.map { $0.map { Format.grouped($0) } },
                    valueLabel: "Customers", minimumRange: 1))
        }
        if !charts.isEmpty { blocks.insert(.charts(charts), at: 0) }
        return blocks
    }

    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        let t = try report.loader.load(stage.id, port: "main", columns: ["customer_id", "segment", "rfm_score"])
        guard let ids = t.strings("customer_id"), let segment = t.strings("segment"), let score = t.strings("rfm_score")
        else { return nil }
        return CustomerColumns(
            ids: ids,
            columns: [
                CustomerColumn("segment", .text(segment), numeric: false),
                CustomerColumn("rfm_score", .text(score), numeric: false),
            ])
    }

    static func customerGroups(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerGroups? {
        let t = try report.loader.load(stage.id, port: "main", columns: ["customer_id", "segment"])
        guard let ids = t.strings("customer_id"), let names = t["segment"] else { return nil }
        return CustomerGroups(label: "Segment", ids: ids, names: names)
    }
}
