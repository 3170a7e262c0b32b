import Foundation
import PatronPipeline
import PatronReport
import PatronSupport
import PatronTable

/// What a module's report contribution works with: the pipeline around the report, its
/// upstream tables, the report's sizes, and what other modules contribute.
struct ReportContext {
    let info: PipelineInfo
    let loader: PortLoader
    let registry: ModuleRegistry
    /// Rows in each table preview.
    let previewRows: Int
    /// Rows in top-N tables (customers by CLV, most negative comments).
    let top: Int

    /// Upstream stages in pipeline order.
    var stages: [PipelineInfo.Stage] { info.stages.filter(\.upstream) }

    /// What `stage`'s module contributes to a report, if it says.
    func contributor(_ stage: PipelineInfo.Stage) -> (any ReportContributing.Type)? {
        registry.module(named: stage.module)?.type as? any ReportContributing.Type
    }

    /// The first upstream grouping of customers (segments), for breakdowns by group.
    func customerGroups() throws -> CustomerGroups? {
        for stage in stages {
            if let groups = try contributor(stage)?.anyCustomerGroups(stage, self) { return groups }
        }
        return nil
    }

    /// Rejected rows by reason: the stage's own categories (`rejected: …` counts), or the
    /// reasons of its `rejects` port with values taken out (so "cannot read 'n/a'" and
    /// "cannot read '12,5'" count together).
    func rejectReasons(_ stage: PipelineInfo.Stage) throws -> [(reason: String, rows: Int)] {
        let categories = stage.counts.filter { $0.key.hasPrefix("rejected: ") }
        if !categories.isEmpty {
            return categories.map { (String($0.key.dropFirst("rejected: ".count)), $0.value) }.sorted {
                ($1.rows, $0.reason) < ($0.rows, $1.reason)
            }
        }
        guard (stage.rows["rejects"] ?? 0) > 0,
            let reasons = try loader.load(stage.id, port: "rejects", columns: ["reason"]).strings("reason")
        else { return [] }
        var counts = [String: Int]()
        for row in 0..<reasons.count { counts[ReportTables.reasonCategory(reasons[row]), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.rows, $0.reason) < ($0.rows, $1.reason) }
    }

    /// Where a stage that keeps or rejects each row put them, from its counts (`inKey`: its
    /// count of rows in, `rows_kept`, `rows_rejected`) and its reasons.
    func rowAccounting(_ stage: PipelineInfo.Stage, inKey: String, note: String? = nil) throws -> RowAccounting {
        let counts = stage.counts[inKey].flatMap { rowsIn in
            stage.counts["rows_kept"].map { (rowsIn, $0, stage.counts["rows_rejected"] ?? 0) }
        }
        return RowAccounting(counts: counts, reasons: try rejectReasons(stage), note: note)
    }

    /// For a stage that rejects rows: a chart of its reasons (or a sentence for one or none).
    func rejectsBlocks(_ stage: PipelineInfo.Stage) throws -> [Block] {
        let reasons = try rejectReasons(stage)
        guard !reasons.isEmpty else { return [.paragraph("No row was rejected.")] }
        guard reasons.count > 1 else {
            return [.paragraph("All \(Format.grouped(reasons[0].rows)) rejected rows: \(reasons[0].reason).")]
        }
        let chart = BarChart(
            title: "Rows rejected by reason", categoryLabel: "Reason", valueLabel: "Rows",
            categories: reasons.map(\.reason), series: [("Rows", reasons.map { Double($0.rows) })],
            format: { Format.grouped(Int($0)) })
        return [.charts([chart])]
    }
}

/// Builds a report's content from the pipeline around the report stage: an overview, one
/// section per upstream stage in pipeline order (with what each stage's module contributes),
/// and the joined customers table.
struct ReportBuilder {
    let context: ReportContext
    let reportStage: String
    let title: String

    struct Built {
        var document: ReportDocument
        var customersCSV: [UInt8]
        var customers: Int
    }

    var info: PipelineInfo { context.info }
    var stages: [PipelineInfo.Stage] { context.stages }

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
        if let contributor = context.contributor(stage) {
            section.blocks += try contributor.anySectionBlocks(stage, context)
        }
        if context.previewRows > 0, let total = stage.rows["main"] {
            let head = try context.loader.head(stage.id, port: "main", rows: context.previewRows)
            section.blocks.append(
                .table(ReportTables.preview(head, rows: context.previewRows, total: total, caption: "`\(stage.id)`")))
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
                    status == .ran
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

    // MARK: - Overview

    /// Headline figures (customers, then what each module contributes), where rows went, the
    /// modules' charts, the DAG and (with `--stamp`) the run's timings.
    func overview() throws -> Section {
        var section = Section(
            id: "overview", title: "Overview", kicker: "Pipeline `\(info.name)` from `\(info.path)`")
        var facts = [Fact]()
        if let customers = stages.first(where: { context.contributor($0)?.oneRowPerCustomer == true })?.rows["main"] {
            facts.append(Fact("Customers", Format.grouped(customers)))
        }
        var charts = [any Chart]()
        var rejected = 0
        var reasonRows = [[String]]()
        var accounting = [String]()
        for stage in stages {
            guard let contributor = context.contributor(stage) else { continue }
            let part = try contributor.anyOverview(stage, context)
            facts += part.facts
            charts += part.charts
            guard let rows = try contributor.anyRowAccounting(stage, context) else { continue }
            rejected += rows.reasons.reduce(0) { $0 + $1.rows }
            reasonRows += rows.reasons.map { [stage.id, $0.reason, Format.grouped($0.rows)] }
            if let (rowsIn, kept, out) = rows.counts {
                accounting.append(
                    "`\(stage.id)`: \(Format.grouped(rowsIn)) rows in = \(Format.grouped(kept)) kept + \(Format.grouped(out)) rejected"
                        + (rowsIn == kept + out ? "" : " — these do not add up; please report it")
                        + (rows.note.map { " (\($0))" } ?? ""))
            }
        }
        if !accounting.isEmpty { facts.append(Fact("Rows rejected", Format.grouped(rejected))) }
        section.blocks.append(.facts(facts))
        if !accounting.isEmpty {
            section.blocks.append(.paragraph("Nothing is lost: " + accounting.joined(separator: "; ") + "."))
        }
        if !reasonRows.isEmpty {
            section.blocks.append(
                .table(
                    DataTable(
                        caption:
                            "Rows rejected, by stage and reason (each row is in the stage's `rejects` table with its line)",
                        columns: ["Stage", "Reason", "Rows"], numeric: [false, false, true], rows: reasonRows)))
        }
        charts.append(dagDiagram())
        section.blocks.append(.charts(charts))
        if info.stamp != nil {
            let rows = stages.map {
                [
                    $0.id, $0.module, $0.status == .ran ? "ran" : "cache hit",
                    $0.seconds.map { Format.fixed($0, 3) } ?? "",
                ]
            }
            section.blocks.append(
                .table(
                    DataTable(
                        caption: "This run (`--stamp`)", columns: ["Stage", "Module", "Outcome", "Seconds"],
                        numeric: [false, false, false, true], rows: rows)))
        }
        return section
    }

    func dagDiagram() -> any Chart {
        DAGDiagram(
            title: "Pipeline \(info.name): stages and what they read",
            nodes: info.stages.map { ($0.id, $0.module) },
            edges: info.stages.flatMap { stage in Set(stage.inputs.map(\.stage)).sorted().map { ($0, stage.id) } })
    }

    // MARK: - customers.csv

    struct CustomersTable {
        var section: Section
        var csv: [UInt8]
        var rows: Int
    }

    /// One row per customer of the first upstream stage that lists customers, with every
    /// upstream module's columns for them (segment, cluster, P(alive), CLV, mean sentiment…),
    /// for `customers.csv`.
    func customersTable() throws -> CustomersTable {
        var section = Section(id: "customers", title: "Customers", kicker: "`customers.csv` beside this report")
        var base: StringBuffer? = nil
        var contributions = [CustomerColumns]()
        for stage in stages {
            guard let contributor = context.contributor(stage),
                let part = try contributor.anyCustomerColumns(stage, context)
            else { continue }
            if base == nil && contributor.oneRowPerCustomer { base = part.ids }
            contributions.append(part)
        }
        guard let ids = base else {
            let listing = context.registry.specs.filter {
                ($0.type as? any ReportContributing.Type)?.oneRowPerCustomer == true
            }
            .map { "`\($0.name)`" }
            section.blocks.append(
                .paragraph(
                    "No stage that lists customers (\(listing.joined(separator: ", "))) is upstream, so `customers.csv` has only its header."
                ))
            return CustomersTable(section: section, csv: Array("customer_id\n".utf8), rows: 0)
        }
        let columns = contributions.flatMap { part in
            let map = part.ids == ids ? nil : CustomerJoin.align(ids, to: part.ids)
            return part.columns.map { (column: $0, map: map) }
        }
        let header = ["customer_id"] + columns.map(\.column.name)
        let blocks = ParallelBlocks.map(count: ids.count, block: 32_768) { range -> [UInt8] in
            let cells = columns.map { $0.column.values.cells(range, map: $0.map) }
            var out = [UInt8]()
            out.reserveCapacity(range.count * 16 + cells.reduce(0) { $0 + $1.bytes.count })
            var starts = [Int](repeating: 0, count: cells.count)
            for (k, row) in range.enumerated() {
                CSVCell.appendField(ids, row, into: &out)
                for c in cells.indices {
                    out.append(UInt8(ascii: ","))
                    let end = cells[c].ends[k]
                    out += cells[c].bytes[starts[c]..<end]
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
        let preview = (0..<min(context.previewRows, ids.count)).map { row -> [String] in
            [ids[row]]
                + columns.map {
                    String(decoding: $0.column.values.cells(row..<(row + 1), map: $0.map).bytes, as: UTF8.self)
                }
        }
        section.blocks.append(
            .table(
                DataTable(
                    caption: "`customers.csv`", columns: header, numeric: [false] + columns.map(\.column.numeric),
                    rows: preview, totalRows: ids.count, sortable: true, inSummary: false)))
        return CustomersTable(section: section, csv: csv, rows: ids.count)
    }
}
