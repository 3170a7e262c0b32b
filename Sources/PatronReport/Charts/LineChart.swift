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
            let kept = entry.points.indices.filter { entry.points[$0].x.isFinite && entry.points[$0].y.isFinite }
            let points = kept.map { entry.points[$0] }
            let partial = Set(kept.indices.filter { entry.partial[kept[$0]] != nil })
            if entry.style != .points, points.count > 1 {
                // Solid between whole points; a segment that reaches a partial point is dashed.
                func segment(_ k: Int) -> String {
                    "M\(Format.coordinate(x(points[k - 1].x))) \(Format.coordinate(y(points[k - 1].y)))"
                        + "L\(Format.coordinate(x(points[k].x))) \(Format.coordinate(y(points[k].y)))"
                }
                let dashed = (1..<points.count).filter { partial.contains($0) || partial.contains($0 - 1) }
                let solid = (1..<points.count).filter { !dashed.contains($0) }
                for (steps, dash) in [(solid, false), (dashed, true)] where !steps.isEmpty {
                    var attributes: [SVG.Attribute] = [
                        .text("d", steps.map(segment).joined()), .text("fill", "none"), .text("stroke", colors[s]),
                        .text("stroke-width", "2"),
                    ]
                    if dash { attributes.append(.text("stroke-dasharray", "5 4")) }
                    svg.element("path", attributes)
                }
            }
            if entry.style != .line {
                let radius = entry.style == .points && points.count > 200 ? 1.8 : 3
                for (k, p) in points.enumerated() {
                    let note = entry.partial[kept[k]]
                    svg.open(
                        "circle",
                        [.number("cx", x(p.x)), .number("cy", y(p.y)), .number("r", radius)]
                            + (note == nil
                                ? [.text("fill", colors[s])]
                                : [.text("fill", "#ffffff"), .text("stroke", colors[s]), .text("stroke-width", "1.5")]))
                    svg.element(
                        "title", [],
                        text: "\(entry.name): \(xText(p.x)), \(Format.significant(p.y, 4))"
                            + (note.map { " (\($0))" } ?? ""))
                    svg.close("circle")
                }
            }
        }
        frame.end(&svg)
        return svg.markup
    }

    /// An x value for a tooltip: a date on a date axis.
    func xText(_ x: Double) -> String {
        if case .dates = xTicks, x.isFinite, abs(x) < 3e6 { return ValueFormat.date(Int32(x.rounded(.down))) }
        return Format.significant(x, 4)
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
