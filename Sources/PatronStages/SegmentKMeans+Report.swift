import PatronPipeline
import PatronReport
import PatronTable

/// `segment.kmeans` in the report: the elbow and silhouette curves behind k, the centroids, and
/// each customer's cluster in `customers.csv`.
extension SegmentKMeans: ReportContributing {
    static var oneRowPerCustomer: Bool { true }

    /// k-means: the elbow and silhouette curves behind `k`, and the centroids.
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        var blocks = [Block]()
        if stage.rows["selection"] != nil {
            let selection = try report.loader.load(stage.id, port: "selection")
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
                    ReportTables.formatted(
                        try report.loader.load(stage.id, port: "centroids"),
                        caption: "Cluster centres in original units (`\(stage.id).centroids`)")))
        }
        return blocks
    }

    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        let t = try report.loader.load(stage.id, port: "main", columns: ["customer_id", "cluster"])
        guard let ids = t.strings("customer_id"), let cluster = t.ints("cluster") else { return nil }
        return CustomerColumns(ids: ids, columns: [CustomerColumn("cluster", .integer(cluster))])
    }
}
