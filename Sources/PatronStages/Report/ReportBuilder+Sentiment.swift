import PatronPipeline
import PatronReport
import PatronTable

extension ReportBuilder {
    /// Sentiment: positive / neutral / negative shares by language and by segment, the mean
    /// score by month, and the most negative recent comments.
    func sentimentBlocks(_ stage: PipelineInfo.Stage) throws -> [Block] {
        let main = try loader.load(stage.id, port: "main")
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
        // By segment, when an RFM stage is upstream too.
        if let rfm = first("segment.rfm"), let customerIDs = main.strings("customer_id") {
            let segments = try loader.load(rfm.id, port: "main", columns: ["customer_id", "segment"])
            if let ids = segments.strings("customer_id"), let names = segments.strings("segment") {
                let at = ReportBuilder.align(customerIDs, to: ids)
                let segmentGroups = GroupIndex([segments["segment"]!])
                let bySegment = tally(segmentGroups.ids, groups: segmentGroups.count) {
                    at[$0] >= 0 ? segmentGroups.ids[at[$0]] : nil
                }
                let order = (0..<segmentGroups.count).filter { bySegment[$0].reduce(0, +) > 0 }.sorted {
                    (bySegment[$1].reduce(0, +), names[segmentGroups.firstRow[$0]]) < (
                        bySegment[$0].reduce(0, +), names[segmentGroups.firstRow[$1]]
                    )
                }
                charts.append(
                    shareChart(
                        title: "Sentiment by segment", category: "Segment (texts)",
                        groups: order.map { g in
                            (
                                "\(names[segmentGroups.firstRow[g]]) (\(Format.grouped(bySegment[g].reduce(0, +))))",
                                bySegment[g]
                            )
                        }))
            }
        }
        // Over time and the most negative recent comments: dates and texts from the input.
        let textColumn = stage.param("text")?.string ?? "feedback"
        if let source = stage.inputs.first {
            let input = try loader.load(source.stage, port: source.port, columns: ["order_date"])
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
                if top > 0 {
                    blocks.append(
                        .table(try negativeComments(main: main, days: days, source: source, textColumn: textColumn)))
                }
            }
        }
        blocks.insert(.charts(charts), at: 0)
        return blocks
    }

    func shareChart(title: String, category: String, groups: [(String, [Int])]) -> any Chart {
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
    func negativeComments(
        main: Table, days: [Int32], source: PipelineFile.InputRef, textColumn: String
    ) throws -> DataTable {
        let rows = main.ints("row")!
        let scores = main.doubles("score")!
        let labels = main.strings("label")!
        let languages = main.strings("language")!
        let customers = main.strings("customer_id")
        let latest = rows.map { days[Int($0)] }.max() ?? 0
        var negative = (0..<main.rowCount).filter { days[Int(rows[$0])] > latest - 90 && labels[$0] == "neg" }
        negative.sort { (scores[$0], -days[Int(rows[$0])], $0) < (scores[$1], -days[Int(rows[$1])], $1) }
        let picked = Array(negative.prefix(top))
        let texts = try loader.rows(
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
}
