import PatronPipeline
import PatronReport
import PatronTable

extension ReportBuilder {
    /// RFM: segment sizes and revenue shares, the R×F grid, the summary table.
    func segmentBlocks(_ stage: PipelineInfo.Stage) throws -> [Block] {
        var blocks = [Block]()
        var charts = [any Chart]()
        if stage.rows["summary"] != nil {
            let summary = try loader.load(stage.id, port: "summary")
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
            blocks.append(.table(ReportBuilder.formatted(summary, caption: "Segments (`\(stage.id).summary`)")))
        }
        let main = try loader.load(stage.id, port: "main", columns: ["r_score", "f_score"])
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
                    valueLabel: "Customers"))
        }
        if !charts.isEmpty { blocks.insert(.charts(charts), at: 0) }
        return blocks
    }

    /// k-means: the elbow and silhouette curves behind `k`, and the centroids.
    func clusterBlocks(_ stage: PipelineInfo.Stage) throws -> [Block] {
        var blocks = [Block]()
        if stage.rows["selection"] != nil {
            let selection = try loader.load(stage.id, port: "selection")
            if let k = selection.ints("k"), let inertia = selection.doubles("inertia"),
                let silhouette = selection.doubles("silhouette"), k.count > 1
            {
                let ks = k.map(Double.init)
                let chosen: [Int64]
                if case .bool(let flags)? = selection["chosen"]?.storage {
                    chosen = zip(k, flags).filter(\.1).map(\.0)
                } else {
                    chosen = []
                }
                blocks.append(
                    .charts([
                        LineChart(
                            title: "Elbow: inertia by number of clusters", xLabel: "Clusters (k)",
                            yLabel: "Inertia (within-cluster sum of squares)",
                            series: [Series("Inertia", points: Array(zip(ks, inertia)).map { (x: $0.0, y: $0.1) })],
                            yIncludesZero: true),
                        LineChart(
                            title: "Silhouette by number of clusters", xLabel: "Clusters (k)",
                            yLabel: "Mean silhouette",
                            series: [
                                Series(
                                    "Silhouette", points: Array(zip(ks, silhouette)).map { (x: $0.0, y: $0.1) },
                                    color: Palette.categorical[2])
                            ]),
                    ]))
                if let pick = chosen.first {
                    blocks.append(.paragraph("k = \(pick) was chosen (the highest mean silhouette)."))
                }
            }
        }
        if stage.rows["centroids"] != nil {
            blocks.append(
                .table(
                    ReportBuilder.formatted(
                        try loader.load(stage.id, port: "centroids"),
                        caption: "Cluster centres in original units (`\(stage.id).centroids`)")))
        }
        return blocks
    }

    /// A whole small table with readable numbers (4 significant figures, shares as percent).
    static func formatted(_ table: Table, caption: String) -> DataTable {
        let numeric = table.columns.map { $0.type == .int || $0.type == .decimal }
        let rows = (0..<table.rowCount).map { row in
            zip(table.names, table.columns).map { name, column -> String in
                if column.isNull(row) { return "" }
                if case .decimal(let v) = column.storage {
                    if name == "share" { return Format.percent(v[row]) }
                    return name.contains("monetary") || name == "revenue"
                        ? Format.money(v[row]) : Format.significant(v[row], 4)
                }
                return cell(column, row)
            }
        }
        return DataTable(caption: caption, columns: table.names, numeric: numeric, rows: rows)
    }
}
