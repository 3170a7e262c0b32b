import PatronPipeline
import PatronReport
import PatronTable

extension ReportBuilder {
    /// Headline figures, where rows went, revenue by month, the DAG and (with `--stamp`)
    /// the run's timings.
    func overview() throws -> Section {
        var section = Section(id: "overview", title: "Overview", kicker: "Pipeline `\(info.name)` from `\(info.path)`")
        var facts = [Fact]()
        if let customers = customerCount() { facts.append(Fact("Customers", Format.grouped(customers))) }
        var revenueChart: (any Chart)? = nil
        if let clean = first("clean.transactions") {
            let table = try loader.load(clean.id, port: "main", columns: ["order_date", "amount"])
            facts.append(Fact("Orders", Format.grouped(table.rowCount)))
            if let amounts = table.doubles("amount") {
                let currency = clean.param("base_currency")?.string.map { " " + $0 } ?? ""
                facts.append(Fact("Revenue", Format.money(amounts.reduce(0, +)) + currency))
            }
            if case .date(let days)? = table["order_date"]?.storage, let low = days.min(), let high = days.max() {
                facts.append(Fact("Period", "\(ValueFormat.date(low)) – \(ValueFormat.date(high))"))
                if let amounts = table.doubles("amount") {
                    let currency = clean.param("base_currency")?.string.map { " (\($0))" } ?? ""
                    revenueChart = revenueByMonth(days: days, amounts: amounts, label: "Revenue" + currency)
                }
            }
        }
        var rejected = 0
        var reasonRows = [[String]]()
        var accounting = [String]()
        for stage in stages where ["ingest.csv", "clean.transactions"].contains(stage.module) {
            let reasons = try rejectReasons(stage)
            rejected += reasons.reduce(0) { $0 + $1.rows }
            reasonRows += reasons.map { [stage.id, $0.reason, Format.grouped($0.rows)] }
            let (inKey, keptKey) = stage.module == "ingest.csv" ? ("rows_read", "rows_kept") : ("rows_in", "rows_kept")
            if let rowsIn = stage.counts[inKey], let kept = stage.counts[keptKey] {
                let out = stage.counts["rows_rejected"] ?? 0
                accounting.append(
                    "`\(stage.id)`: \(Format.grouped(rowsIn)) rows in = \(Format.grouped(kept)) kept + \(Format.grouped(out)) rejected"
                        + (rowsIn == kept + out ? "" : " — these do not add up; please report it")
                        + (stage.counts["blank_lines"].map { " (and \(Format.grouped($0)) blank lines, not rows)" }
                            ?? ""))
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
        var charts = [any Chart]()
        if let revenueChart { charts.append(revenueChart) }
        charts.append(dagDiagram())
        section.blocks.append(.charts(charts))
        if info.stamp != nil {
            let rows = stages.map {
                [
                    $0.id, $0.module, $0.status == "ran" ? "ran" : "cache hit",
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

    func customerCount() -> Int? {
        for module in ["segment.rfm", "ltv", "segment.kmeans"] {
            if let stage = first(module), let rows = stage.rows["main"] { return rows }
        }
        return nil
    }

    func revenueByMonth(days: [Int32], amounts: [Double], label: String) -> any Chart {
        let points =
            MonthIndex(days: days)?.totals(days: days, values: amounts).map { (x: Double($0.start), y: $0.sum) } ?? []
        return LineChart(
            title: "Revenue by month", xLabel: "Month", yLabel: label,
            series: [Series("Revenue", points: points)], xTicks: .dates, yIncludesZero: true)
    }

    func dagDiagram() -> any Chart {
        DAGDiagram(
            title: "Pipeline \(info.name): stages and what they read",
            nodes: info.stages.map { ($0.id, $0.module) },
            edges: info.stages.flatMap { stage in Set(stage.inputs.map(\.stage)).sorted().map { ($0, stage.id) } })
    }

    /// Rejected rows by reason: the cleaner's own categories, or the reader's reasons with
    /// values taken out (so "cannot read 'n/a'" and "cannot read '12,5'" count together).
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
        for row in 0..<reasons.count { counts[ReportBuilder.reasonCategory(reasons[row]), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.rows, $0.reason) < ($0.rows, $1.reason) }
    }

    /// A reason with its particular values replaced: numbers by N, quoted values after the
    /// first (the column name) by '…'.
    static func reasonCategory(_ reason: String) -> String {
        var out = ""
        var quotes = 0
        var inQuote = false
        var lastWasDigit = false
        for c in reason {
            if c == "'" {
                quotes += 1
                inQuote.toggle()
                if quotes > 2 && inQuote { out += "'…" }
                if quotes <= 2 || !inQuote { out.append(c) }
                lastWasDigit = false
                continue
            }
            if inQuote && quotes > 2 { continue }
            if c.isNumber && !inQuote {
                if !lastWasDigit { out += "N" }
                lastWasDigit = true
                continue
            }
            if lastWasDigit && (c == "." || c == ",") { continue }
            lastWasDigit = false
            out.append(c)
        }
        return out
    }

    /// For ingest and cleaning: the reasons table.
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
