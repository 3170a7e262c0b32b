import Testing

@testable import PatronReport

/// Every chart: a `<title>`, a visible title, labelled axes, no external reference, the
/// same bytes for the same data.
@Suite struct ChartTests {
    static let charts: [any Chart] = [
        BarChart(
            title: "Customers by segment", categoryLabel: "Segment", valueLabel: "Customers",
            categories: ["Champions", "At risk & <sleeping>"], series: [("Customers", [360, 273])]),
        BarChart(
            title: "Sentiment by language", categoryLabel: "Language", valueLabel: "Share (%)",
            categories: ["en", "sv"],
            series: [("Positive", [60, 50]), ("Neutral", [30, 30]), ("Negative", [10, 20])], stacked: true),
        Histogram(
            title: "CLV", valueLabel: "CLV (EUR)", values: [0, 0.5, 3, 30, 300, 3000, -1], bins: 10, logarithmic: true),
        LineChart(
            title: "Elbow", xLabel: "k", yLabel: "Inertia",
            series: [Series("Inertia", points: [(2, 4757), (3, 3600), (4, 2863)])]),
        LineChart(
            title: "By month", xLabel: "Month", yLabel: "Revenue",
            series: [Series("Revenue", points: [(19358, 10), (19600, 12)])], xTicks: .dates),
        LineChart(
            title: "Scatter", xLabel: "x", yLabel: "y",
            series: [Series("points", points: [(1, 2), (2, 1)], style: .points)]),
        HeatMap(
            title: "R × F", xLabel: "F score", yLabel: "R score", columns: ["1", "2"], rows: ["2", "1"],
            values: [[3, 5], [8, nil]]),
    ]

    @Test(arguments: 0..<charts.count)
    func hasTitleAndLabelledAxes(_ index: Int) {
        let chart = ChartTests.charts[index]
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg class=\"chart\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("<title>\(SVG.escape(chart.title))</title>"))
        #expect(svg.contains("class=\"chart-title\">\(SVG.escape(chart.title))</text>"))
        #expect(svg.components(separatedBy: "class=\"axis-label\"").count - 1 == 2)
        #expect(!svg.contains("http://") && !svg.contains("https://"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(svg == chart.svg())
    }

    @Test func escapesTextInMarks() {
        let svg = ChartTests.charts[0].svg()
        #expect(svg.contains("At risk &amp; &lt;sleeping&gt;"))
        #expect(!svg.contains("<sleeping>"))
    }

    @Test func histogramCountsAndExcludesNonPositiveOnLogScale() {
        let h = Histogram(
            title: "t", valueLabel: "v", values: [0, 0.5, 3, 30, 300, 3000, -1], bins: 4, logarithmic: true)
        #expect(h.excluded == 2)
        #expect(h.counts.reduce(0, +) == 5)
        #expect(abs(h.edges.first! - 0.5) < 1e-12 && abs(h.edges.last! - 3000) < 1e-9)
        let linear = Histogram(title: "t", valueLabel: "v", values: [1, 2, 2, 3, 10], bins: 3)
        #expect(linear.counts == [4, 0, 1])
    }

    @Test func dagPlacesStagesByDepth() {
        let dag = DAGDiagram(
            title: "Pipeline",
            nodes: [
                ("orders", "ingest.csv"), ("clean", "clean.transactions"), ("rfm", "segment.rfm"),
                ("ltv", "ltv"), ("report", "report"),
            ],
            edges: [("orders", "clean"), ("clean", "rfm"), ("clean", "ltv"), ("rfm", "report"), ("ltv", "report")])
        #expect(dag.depths == ["orders": 0, "clean": 1, "rfm": 2, "ltv": 2, "report": 3])
        let svg = dag.svg()
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 5)
        #expect(svg.contains("data-kind=\"diagram\""))
    }

    @Test func dateTicksAreFirstsOfMonths() {
        let ticks = LineChart.dateTicks(19358, 19723)  // 2023-01-01 … 2024-01-01
        #expect(ticks.first?.label == "Jan 2023")
        #expect(ticks.count >= 4 && ticks.count <= 7)
    }

    /// P(alive) of 0.999999999 to 1 is one colour, said so; a spread under the minimum range
    /// is drawn over that range, not stretched over the whole ramp.
    @Test func nearConstantHeatMapsAreOneColourLabelled() {
        #expect(HeatMap.scale([1 - 1e-9, 1, 1 - 5e-10], minimumRange: 0.1) == (1 - 5e-10, 1 - 5e-10))
        #expect(HeatMap.scale([0.98, 1], minimumRange: 0.1).low == 0.94)
        #expect(HeatMap.scale([0.2, 0.9], minimumRange: 0.1) == (0.2, 0.9))
        let flat = HeatMap(
            title: "P(alive)", xLabel: "Recency", yLabel: "Frequency", columns: ["a", "b"], rows: ["1", "2"],
            values: [[1 - 1e-9, 1], [1, 1 - 2e-9]], valueLabel: "P(alive)", minimumRange: 0.1
        ).svg()
        #expect(flat.contains(">all 1<"))
        let fills = Set(flat.split(separator: "fill=\"").dropFirst().map { $0.prefix(7) })
        #expect(!fills.contains(Substring(Palette.sequential(0))) && !fills.contains(Substring(Palette.sequential(1))))
    }

    /// A month the data cover only in part is hollow and reached by a dashed line.
    @Test func partialPointsAreHollowAndDashed() {
        var series = Series("Revenue", points: [(0, 10), (1, 12), (2, 1)])
        series.partial = [2: "data for 9 of its 31 days"]
        let svg = LineChart(title: "Revenue", xLabel: "Month", yLabel: "EUR", series: [series]).svg()
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains("(data for 9 of its 31 days)"))
        #expect(svg.contains("fill=\"#ffffff\""))
        let whole = LineChart(
            title: "Revenue", xLabel: "Month", yLabel: "EUR", series: [Series("Revenue", points: [(0, 10), (1, 12)])]
        ).svg()
        #expect(!whole.contains("stroke-dasharray"))
    }
}
