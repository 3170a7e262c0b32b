import PatronPipeline
import PatronReport
import PatronSupport
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
        var columns = [(name: String, cell: CSVCell)]()
        func rows(_ ids: StringBuffer) -> [Int]? {
            ids == base! ? nil : ReportBuilder.align(base!, to: ids)
        }
        if let rfm = first("segment.rfm") {
            let t = try loader.load(rfm.id, port: "main", columns: ["customer_id", "segment", "rfm_score"])
            if let ids = t.strings("customer_id"), let segment = t.strings("segment"),
                let score = t.strings("rfm_score")
            {
                base = ids
                columns.append(("segment", .text(segment, rows: nil)))
                columns.append(("rfm_score", .text(score, rows: nil)))
            }
        }
        let ltv = first("ltv")
        let ltvTable = try ltv.map {
            try loader.load($0.id, port: "main", columns: ["customer_id", "p_alive", "expected_purchases", "clv"])
        }
        if base == nil { base = ltvTable?.strings("customer_id") }
        if let kmeans = first("segment.kmeans") {
            let t = try loader.load(kmeans.id, port: "main", columns: ["customer_id", "cluster"])
            if base == nil { base = t.strings("customer_id") }
            if let ids = t.strings("customer_id"), let cluster = t.ints("cluster") {
                columns.append(("cluster", .integer(cluster, rows: rows(ids))))
            }
        }
        if let t = ltvTable, let ids = t.strings("customer_id") {
            let at = rows(ids)
            for (name, digits) in [("p_alive", 4), ("expected_purchases", 4), ("clv", 2)] {
                guard let column = t[name], let values = column.doubles else { continue }
                columns.append((name, .fixed(values, digits: digits, validity: column.validity, rows: at)))
            }
        }
        if let sentiment = first("sentiment"), sentiment.rows["customers"] != nil {
            let t = try loader.load(sentiment.id, port: "customers")
            if let ids = t.strings("customer_id"), let n = t.ints("n"), let mean = t.doubles("mean_score") {
                let at = rows(ids)
                columns.append(("feedback_texts", .integer(n, rows: at)))
                columns.append(("mean_sentiment", .meanOf(mean, counts: n, digits: 4, rows: at)))
            }
        }
        guard let ids = base else {
            section.blocks.append(
                .paragraph(
                    "No customer-level stage (segment.rfm, segment.kmeans, ltv, sentiment) is upstream, so `customers.csv` has only its header."
                ))
            return CustomersTable(section: section, csv: Array("customer_id\n".utf8), rows: 0)
        }
        let header = ["customer_id"] + columns.map(\.name)
        let cells = columns.map(\.cell)
        let blocks = ParallelBlocks.map(count: ids.count, block: 32_768) { range -> [UInt8] in
            let columns = cells.map { $0.cells(range) }
            var out = [UInt8]()
            out.reserveCapacity(range.count * 16 + columns.reduce(0) { $0 + $1.bytes.count })
            var starts = [Int](repeating: 0, count: columns.count)
            for (k, row) in range.enumerated() {
                CSVCell.appendField(ids, row, into: &out)
                for c in columns.indices {
                    out.append(UInt8(ascii: ","))
                    let end = columns[c].ends[k]
                    out += columns[c].bytes[starts[c]..<end]
                    starts[c] = end
                }
                out.append(UInt8(ascii: "\n"))
            }
            return out
        }
        var csv = Array((header.joined(separator: ",") + "\n").utf8)
        csv.reserveCapacity(csv.count + blocks.reduce(0) { $0 + $1.count })
        for block in blocks { csv += block }
        section.blocks.append(
            .paragraph(
                "One row per customer (\(Format.grouped(ids.count))), for a marketing tool to import: "
                    + header.map { "`\($0)`" }.joined(separator: ", ")
                    + ". Probabilities and expected purchases have 4 decimals, CLV 2; an empty cell means the customer is not in that stage's table (no feedback, say)."
            ))
        let preview = (0..<min(previewRows, ids.count)).map { row -> [String] in
            [ids[row]] + cells.map { String(decoding: $0.cells(row..<(row + 1)).bytes, as: UTF8.self) }
        }
        section.blocks.append(
            .table(
                DataTable(
                    caption: "`customers.csv`", columns: header,
                    numeric: header.map { !["customer_id", "segment", "rfm_score"].contains($0) },
                    rows: preview, totalRows: ids.count, sortable: true, inSummary: false)))
        return CustomersTable(section: section, csv: csv, rows: ids.count)
    }
}
