import Foundation
import PatronPipeline
import PatronReport
import PatronTable

/// Builds a report's content from the pipeline around the report stage: an overview, one
/// section per upstream stage in pipeline order (with what each module's data calls for),
/// and the joined customers table.
struct ReportBuilder {
    let info: PipelineInfo
    let loader: PortLoader
    let reportStage: String
    let title: String
    let previewRows: Int
    let top: Int

    struct Built {
        var document: ReportDocument
        var customersCSV: [UInt8]
        var customers: Int
    }

    /// Upstream stages in pipeline order.
    var stages: [PipelineInfo.Stage] { info.stages.filter(\.upstream) }

    func first(_ module: String) -> PipelineInfo.Stage? { stages.first { $0.module == module } }

    func build() throws -> Built {
        var document = ReportDocument(
            title: title, subtitle: info.description.isEmpty ? "Pipeline \(info.name)" : info.description)
        document.sections.append(try overview())
        for stage in stages {
            document.sections.append(try section(for: stage))
        }
        let customers = try customersTable()
        document.sections.append(customers.section)
        document.footer =
            "Made by patron from \(info.path) (stage \(reportStage))" + (info.stamp.map { " on \($0)" } ?? "")
            + ". Every figure above is from the pipeline's cached tables; rerun with `patron run \(info.name)`."
        return Built(document: document, customersCSV: customers.csv, customers: customers.rows)
    }

    // MARK: - Sections

    func section(for stage: PipelineInfo.Stage) throws -> Section {
        var section = Section(
            id: "stage-" + stage.id, title: stage.id,
            kicker: "`\(stage.module)` version \(stage.version)"
                + (stage.inputs.isEmpty ? "" : " · reads " + stage.inputs.map { "`\($0)`" }.joined(separator: ", ")))
        if let notes = stage.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !notes.isEmpty {
            section.blocks.append(.paragraph(notes))
        }
        section.blocks.append(.facts(didFacts(stage)))
        section.blocks.append(
            .parameters(stage.params.map { Fact($0.name, $0.value.string ?? $0.value.canonicalJSON) }))
        switch stage.module {
        case "ingest.csv", "clean.transactions": section.blocks += try rejectsBlocks(stage)
        case "segment.rfm": section.blocks += try segmentBlocks(stage)
        case "segment.kmeans": section.blocks += try clusterBlocks(stage)
        case "ltv": section.blocks += try ltvBlocks(stage)
        case "sentiment": section.blocks += try sentimentBlocks(stage)
        default: break
        }
        if previewRows > 0, let total = stage.rows["main"] {
            let head = try loader.head(stage.id, port: "main", rows: previewRows)
            section.blocks.append(
                .table(ReportBuilder.preview(head, rows: previewRows, total: total, caption: "`\(stage.id)`")))
        }
        return section
    }

    /// What the stage did: rows in, kept and rejected (or rows out), its other ports and
    /// counts, and with `--stamp` whether it ran.
    func didFacts(_ stage: PipelineInfo.Stage) -> [Fact] {
        var facts = [Fact]()
        if let status = stage.status {
            facts.append(
                Fact(
                    "This run",
                    status == "ran"
                        ? "ran" + (stage.seconds.map { " in " + Format.fixed($0, 2) + " s" } ?? "") : "cache hit"))
        }
        var counts = stage.counts.filter { !$0.key.hasPrefix("rejected: ") }
        var rows = stage.rows
        if let rowsIn = counts.removeValue(forKey: "rows_in") ?? counts.removeValue(forKey: "rows_read") {
            facts.append(Fact("Rows in", Format.grouped(rowsIn)))
            facts.append(Fact("Kept", Format.grouped(counts.removeValue(forKey: "rows_kept") ?? rows["main"] ?? 0)))
            facts.append(
                Fact("Rejected", Format.grouped(counts.removeValue(forKey: "rows_rejected") ?? rows["rejects"] ?? 0)))
            rows["main"] = nil
            rows["rejects"] = nil
        } else if let main = rows.removeValue(forKey: "main") {
            facts.append(Fact("Rows out", Format.grouped(main)))
        }
        for (port, n) in rows.sorted(by: { $0.key < $1.key }) {
            facts.append(Fact("Rows in `\(port)`", Format.grouped(n)))
        }
        for (name, value) in counts.sorted(by: { $0.key < $1.key })
        where !(name == "customers" && value == stage.rows["main"]) {
            facts.append(Fact(name.replacingUnderscores(), Format.grouped(value)))
        }
        return facts
    }

    // MARK: - Table previews

    /// The first rows of a table, numbers with up to 6 significant figures.
    static func preview(_ table: Table, rows: Int, total: Int, caption: String) -> DataTable {
        let n = min(rows, table.rowCount)
        let numeric = table.columns.map { $0.type == .int || $0.type == .decimal }
        let cells = (0..<n).map { row in table.columns.map { cell($0, row) } }
        return DataTable(
            caption: caption, columns: table.names, numeric: numeric, rows: cells, totalRows: total, inSummary: false)
    }

    static func cell(_ column: Column, _ row: Int, digits: Int = 6) -> String {
        if column.isNull(row) { return "" }
        switch column.storage {
        case .decimal(let v): return Format.significant(v[row], digits)
        case .string(let s):
            let text = s[row]
            return text.count > 80 ? String(text.prefix(79)) + "…" : text
        default: return ValueFormat.format(column, row)
        }
    }
}

extension String {
    func replacingUnderscores() -> String {
        let spaced = String(map { $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

extension Table {
    func doubles(_ name: String) -> [Double]? { self[name]?.doubles }

    func strings(_ name: String) -> StringBuffer? {
        if case .string(let s)? = self[name]?.storage { return s }
        return nil
    }

    func ints(_ name: String) -> [Int64]? {
        if case .int(let v)? = self[name]?.storage { return v }
        return nil
    }
}
