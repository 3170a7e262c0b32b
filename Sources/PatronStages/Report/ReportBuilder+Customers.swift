import PatronPipeline
import PatronReport
import PatronTable

extension ReportBuilder {
    struct CustomersTable {
        var section: Section
        var csv: [UInt8]
        var rows: Int
    }

    /// One row per customer joining segment, cluster, P(alive), expected purchases, CLV and
    /// mean sentiment — whichever of those stages are upstream — for `customers.csv`.
    func customersTable() throws -> CustomersTable {
        var section = Section(id: "customers", title: "Customers", kicker: "`customers.csv` beside this report")
        // The base list: RFM's customers (every cleaned customer), else LTV's, else k-means'.
        var base: StringBuffer? = nil
        var columns = [(name: String, cells: [String])]()
        func joined(_ ids: StringBuffer, _ values: (Int) -> String) -> [String] {
            let at = ReportBuilder.align(base!, to: ids)
            return at.map { $0 < 0 ? "" : values($0) }
        }
        if let rfm = first("segment.rfm") {
            let t = try loader.load(rfm.id, port: "main", columns: ["customer_id", "segment", "rfm_score"])
            if let ids = t.strings("customer_id"), let segment = t.strings("segment"), let score = t.strings("rfm_score") {
                base = ids
                columns.append(("segment", (0..<ids.count).map { segment[$0] }))
                columns.append(("rfm_score", (0..<ids.count).map { score[$0] }))
            }
        }
        let ltv = first("ltv")
        let ltvTable = try ltv.map { try loader.load($0.id, port: "main", columns: ["customer_id", "p_alive", "expected_purchases", "clv"]) }
        if base == nil { base = ltvTable?.strings("customer_id") }
        if let kmeans = first("segment.kmeans") {
            let t = try loader.load(kmeans.id, port: "main", columns: ["customer_id", "cluster"])
            if base == nil { base = t.strings("customer_id") }
            if let ids = t.strings("customer_id"), let cluster = t["cluster"] {
                columns.append(("cluster", joined(ids) { ValueFormat.format(cluster, $0) }))
            }
        }
        if let t = ltvTable, let ids = t.strings("customer_id") {
            for (name, digits) in [("p_alive", 4), ("expected_purchases", 4), ("clv", 2)] {
                guard let column = t[name], let values = column.doubles else { continue }
                columns.append((name, joined(ids) { column.isNull($0) ? "" : Format.fixed(values[$0], digits) }))
            }
        }
        if let sentiment = first("sentiment"), sentiment.rows["customers"] != nil {
            let t = try loader.load(sentiment.id, port: "customers")
            if let ids = t.strings("customer_id"), let n = t["n"], let mean = t.doubles("mean_score") {
                columns.append(("feedback_texts", joined(ids) { ValueFormat.format(n, $0) }))
                columns.append(("mean_sentiment", joined(ids) { n.isNull($0) || (n.doubles?[$0] ?? 0) == 0 ? "" : Format.fixed(mean[$0], 4) }))
            }
        }
        guard let ids = base else {
            section.blocks.append(.paragraph("No customer-level stage (segment.rfm, segment.kmeans, ltv, sentiment) is upstream, so `customers.csv` has only its header."))
            return CustomersTable(section: section, csv: Array("customer_id\n".utf8), rows: 0)
        }
        var csv = [UInt8]()
        csv.reserveCapacity(ids.count * 64)
        let header = ["customer_id"] + columns.map(\.name)
        csv += Array((header.map(ReportBuilder.csvField).joined(separator: ",") + "\n").utf8)
        for row in 0..<ids.count {
            csv += Array(ReportBuilder.csvField(ids[row]).utf8)
            for column in columns {
                csv.append(UInt8(ascii: ","))
                csv += Array(ReportBuilder.csvField(column.cells[row]).utf8)
            }
            csv.append(UInt8(ascii: "\n"))
        }
        section.blocks.append(.paragraph("One row per customer (\(Format.grouped(ids.count))), for a marketing tool to import: " +
                                         header.map { "`\($0)`" }.joined(separator: ", ") +
                                         ". Probabilities and expected purchases have 4 decimals, CLV 2; an empty cell means the customer is not in that stage's table (no feedback, say)."))
        let preview = min(previewRows, ids.count)
        section.blocks.append(.table(DataTable(caption: "`customers.csv`", columns: header,
                                               numeric: header.map { !["customer_id", "segment", "rfm_score"].contains($0) },
                                               rows: (0..<preview).map { r in [ids[r]] + columns.map { $0.cells[r] } }, totalRows: ids.count, sortable: true)))
        return CustomersTable(section: section, csv: csv, rows: ids.count)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
