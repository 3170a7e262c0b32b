import PatronPipeline
import PatronReport
import PatronTable

/// `sentiment` in the report: shares by language and by customer group, the mean score by
/// month, the most negative recent comments; texts and mean score in `customers.csv`.
extension Sentiment: ReportContributing {
    /// Sentiment: positive / neutral / negative shares by language and by segment, the mean
    /// score by month, and the most negative recent comments.
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        let main = try report.loader.load(stage.id, port: "main")
        guard let languages = main.strings("language"), let labels = main.strings("label"),
            let scores = main.doubles("score"),
            let rows = main.ints("row"), main.rowCount > 0
        else { return [.paragraph("No text was scored.")] }
        var blocks = [Block]()
        var charts = [any Chart]()
        // Labels and languages by group index: a handful of distinct values, no String per row.
        let labelGroups = GroupIndex([main["label"]!])
        let labelOf = (0..<labelGroups.count).map { g in
            ["pos": 0, "neu": 1, "neg": 2][labels[labelGroups.firstRow[g]]] ?? 1
        }
        func tally(_ group: [Int32], groups: Int, rows: (Int) -> Int32?) -> [[Int]] {
            var counts = [[Int]](repeating: [0, 0, 0], count: groups)
            for i in 0..<main.rowCount { if let g = rows(i) { counts[Int(g)][labelOf[Int(labelGroups.ids[i])]] += 1 } }
            return counts
        }
        let languageGroups = GroupIndex([main["language"]!])
        let byLanguage = tally(languageGroups.ids, groups: languageGroups.count) { languageGroups.ids[$0] }
        let languageOrder = (0..<languageGroups.count).sorted {
            (byLanguage[$1].reduce(0, +), languages[languageGroups.firstRow[$0]]) < (
                byLanguage[$0].reduce(0, +), languages[languageGroups.firstRow[$1]]
            )
        }
        charts.append(
            shareChart(
                title: "Sentiment by language", category: "Language (texts)",
                groups: languageOrder.map { g in
                    (
                        "\(languages[languageGroups.firstRow[g]]) (\(Format.grouped(byLanguage[g].reduce(0, +))))",
                        byLanguage[g]
                    )
                }))
        // By group (segment), when a stage upstream groups customers.
        if let groups = try report.customerGroups(), let customerIDs = main.strings("customer_id") {
            let at = CustomerJoin.align(customerIDs, to: groups.ids)
            let index = GroupIndex([groups.names])
            let byGroup = tally(index.ids, groups: index.count) { at[$0] >= 0 ? index.ids[at[$0]] : nil }
            let name = { (g: Int) in ValueFormat.format(groups.names, index.firstRow[g]) }
            let order = (0..<index.count).filter { byGroup[$0].reduce(0, +) > 0 }.sorted {
                (byGroup[$1].reduce(0, +), name($0)) < (byGroup[$0].reduce(0, +), name($1))
            }
            charts.append(
                shareChart(
                    title: "Sentiment by \(groups.label.lowercased())", category: "\(groups.label) (texts)",
                    groups: order.map { g in ("\(name(g)) (\(Format.grouped(byGroup[g].reduce(0, +))))", byGroup[g]) }))
        }
        // Over time and the most negative recent comments: dates and texts from the input.
        let textColumn = stage.params.text
        if let source = stage.info.inputs.first {
            let input = try report.loader.load(source.stage, port: source.port, columns: ["order_date"])
            if case .date(let days)? = input["order_date"]?.storage {
                // Texts in a known language, by month of their row's date (no String per row).
                let undetermined = (0..<languageGroups.count).first { languages[languageGroups.firstRow[$0]] == "und" }
                    .map(Int32.init)
                let known = (0..<main.rowCount).filter { languageGroups.ids[$0] != undetermined }
                let textDays = known.map { days[Int(rows[$0])] }
                let points =
                    MonthIndex(days: textDays)?.totals(days: textDays, values: known.map { scores[$0] })
                    .map { (x: Double($0.start), y: $0.sum / Double($0.count)) } ?? []
                charts.append(
                    LineChart(
                        title: "Mean sentiment score by month", xLabel: "Month", yLabel: "Mean score (−1 to 1)",
                        series: [Series("Mean score", points: points)], xTicks: .dates))
                if report.top > 0 {
                    blocks.append(
                        .table(
                            try negativeComments(
                                main: main, days: days, source: source, textColumn: textColumn, report: report)))
                }
            }
        }
        blocks.insert(.charts(charts), at: 0)
        return blocks
    }

    static func shareChart(title: String, category: String, groups: [(String, [Int])]) -> any Chart {
        BarChart(
            title: title, categoryLabel: category, valueLabel: "Share of texts (%)", categories: groups.map(\.0),
            series: ["Positive", "Neutral", "Negative"].enumerated().map { k, name in
                (name, groups.map { g in 100 * Double(g.1[k]) / Double(max(1, g.1.reduce(0, +))) })
            },
            stacked: true, colors: [Palette.positive, Palette.neutral, Palette.negative],
            format: { Format.significant($0, 3) })
    }

    /// The `top` lowest-scored texts of the last 90 days before the latest one; only their
    /// texts are read from the input.
    static func negativeComments(
        main: Table, days: [Int32], source: PipelineFile.InputRef, textColumn: String, report: ReportContext
    ) throws -> DataTable {
        let rows = main.ints("row")!
        let scores = main.doubles("score")!
        let labels = main.strings("label")!
        let languages = main.strings("language")!
        let customers = main.strings("customer_id")
        let latest = rows.map { days[Int($0)] }.max() ?? 0
        var negative = (0..<main.rowCount).filter { days[Int(rows[$0])] > latest - 90 && labels[$0] == "neg" }
        negative.sort { (scores[$0], -days[Int(rows[$0])], $0) < (scores[$1], -days[Int(rows[$1])], $1) }
        let picked = Array(negative.prefix(report.top))
        let texts = try report.loader.rows(
            source.stage, port: source.port, columns: [textColumn], at: picked.map { Int(rows[$0]) }
        ).strings(textColumn)
        let cells = picked.enumerated().map { k, i -> [String] in
            [
                ValueFormat.date(days[Int(rows[i])]), customers.map { $0[i] } ?? "", languages[i],
                Format.fixed(scores[i], 3), texts?[k] ?? "",
            ]
        }
        return DataTable(
            caption: "Most negative comments of the last 90 days (to \(ValueFormat.date(latest)))",
            columns: ["Date", "Customer", "Language", "Score", "Comment"], numeric: [false, false, false, true, false],
            rows: cells)
    }

    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        guard stage.rows["customers"] != nil else { return nil }
        let t = try report.loader.load(stage.id, port: "customers")
        guard let ids = t.strings("customer_id"), let n = t.ints("n"), let mean = t.doubles("mean_score") else {
            return nil
        }
        return CustomerColumns(
            ids: ids,
            columns: [
                CustomerColumn("feedback_texts", .integer(n)),
                CustomerColumn("mean_sentiment", .meanOf(mean, counts: n, digits: 4)),
            ])
    }
}
