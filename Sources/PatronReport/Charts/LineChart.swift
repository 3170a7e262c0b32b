import PatronTable

/// Lines and/or points over a numeric x axis (a scatter plot when every series is `.points`);
/// x ticks can be numbers, dates (days since 1970) or given labels at given positions.
///
/// ```swift
/// let chart = LineChart(title: "Elbow", xLabel: "k", yLabel: "Inertia",
///                       series: [Series("inertia", points: [(2, 4757), (3, 3600), (4, 2863)])])
/// ```
package struct LineChart: Chart {
    package enum XTicks: Sendable {
        case numbers
        case dates
        case labels([(x: Double, label: String)])
    }

    package var title: String
    package var xLabel: String
    package var yLabel: String
    package var series: [Series]
    package var xTicks: XTicks
    package var yIncludesZero: Bool

    package init(
        title: String, xLabel: String, yLabel: String, series: [Series], xTicks: XTicks = .numbers,
        yIncludesZero: Bool = false
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xTicks = xTicks
        self.yIncludesZero = yIncludesZero
    }

    package func svg() -> String {
        let frame = Frame()
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        var (xLow, xHigh) = (xs.min() ?? 0, xs.max() ?? 1)
        if xHigh == xLow { (xLow, xHigh) = (xLow - 1, xHigh + 1) }
        let (yLow, yHigh) = Scale.niceRange(ys, includeZero: yIncludesZero)
        let pad = (xHigh - xLow) * 0.03
        let x = Scale(low: xLow - pad, high: xHigh + pad, from: frame.plotLeft, to: frame.plotRight)
        let y = Scale(low: yLow, high: yHigh, from: frame.plotBottom, to: frame.plotTop)
        var svg = SVG()
        frame.begin(&svg, title: title, kind: series.allSatisfy { $0.style == .points } ? "scatter" : "line")
        let colors = series.indices.map { series[$0].color ?? Palette.categorical[$0 % Palette.categorical.count] }
        frame.legend(&svg, series.indices.map { (series[$0].name, colors[$0]) })
        frame.yAxis(&svg, ticks: Scale.ticks(yLow, yHigh).map { (y($0), Format.significant($0, 4)) }, label: yLabel)
        let ticks: [(x: Double, label: String)]
        switch xTicks {
        case .numbers: ticks = Scale.ticks(xLow, xHigh).map { (x($0), Format.significant($0, 4)) }
        case .dates: ticks = LineChart.dateTicks(Int(xLow), Int(xHigh)).map { (x(Double($0.day)), $0.label) }
        case .labels(let given): ticks = given.map { (x($0.x), $0.label) }
        }
        frame.xAxis(&svg, ticks: ticks, label: xLabel)
        for (s, entry) in series.enumerated() {
            let points = entry.points.filter { $0.x.isFinite && $0.y.isFinite }
            if entry.style != .points, points.count > 1 {
                let path = points.enumerated().map {
                    "\($0.offset == 0 ? "M" : "L")\(Format.coordinate(x($0.element.x))) \(Format.coordinate(y($0.element.y)))"
                }.joined()
                svg.element(
                    "path",
                    [.text("d", path), .text("fill", "none"), .text("stroke", colors[s]), .text("stroke-width", "2")])
            }
            if entry.style != .line {
                let radius = entry.style == .points && points.count > 200 ? 1.8 : 3
                for p in points {
                    svg.open(
                        "circle",
                        [.number("cx", x(p.x)), .number("cy", y(p.y)), .number("r", radius), .text("fill", colors[s])])
                    svg.element(
                        "title", [], text: "\(entry.name): \(Format.significant(p.x, 4)), \(Format.significant(p.y, 4))"
                    )
                    svg.close("circle")
                }
            }
        }
        frame.end(&svg)
        return svg.markup
    }

    /// First days of months (or of years, over long spans) between two days since 1970.
    static func dateTicks(_ low: Int, _ high: Int) -> [(day: Int, label: String)] {
        let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (y0, m0, _) = CivilDate.date(low)
        let months = max(1, (high - low) / 30)
        let every = [1, 2, 3, 6, 12, 24, 60].first { months / $0 <= 6 } ?? 120
        var out = [(day: Int, label: String)]()
        var (y, m) = (y0, m0)
        while true {
            let day = CivilDate.days(year: y, month: m, day: 1)
            if day > high { break }
            if day >= low && ((y * 12 + m - 1) % every == 0) {
                out.append((day, every >= 12 ? String(y) : "\(monthNames[m - 1]) \(y)"))
            }
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
        }
        return out
    }
}
