/// Horizontal bars, one row per category; several series are stacked (shares, say) or
/// drawn side by side.
///
/// ```swift
/// let chart = BarChart(title: "Customers by segment", categoryLabel: "Segment", valueLabel: "Customers",
///                      categories: ["Champions", "At risk"], series: [("Customers", [360, 120])])
/// let svg = chart.svg()
/// ```
package struct BarChart: Chart {
    package var title: String
    package var categoryLabel: String
    package var valueLabel: String
    package var categories: [String]
    package var series: [(name: String, values: [Double])]
    package var stacked: Bool
    /// How a value prints on a tick and in a bar's tooltip.
    package var format: @Sendable (Double) -> String
    package var colors: [String]?

    package init(
        title: String, categoryLabel: String, valueLabel: String, categories: [String],
        series: [(name: String, values: [Double])], stacked: Bool = false, colors: [String]? = nil,
        format: @escaping @Sendable (Double) -> String = { Format.significant($0, 4) }
    ) {
        self.title = title
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
        self.categories = categories
        self.series = series
        self.stacked = stacked
        self.colors = colors
        self.format = format
    }

    func color(_ i: Int) -> String {
        colors?[i % (colors?.count ?? 1)] ?? Palette.categorical[i % Palette.categorical.count]
    }

    package func svg() -> String {
        let shown = categories.map { $0.count > 30 ? String($0.prefix(29)) + "…" : $0 }
        let longest = shown.map(\.count).max() ?? 4
        let rowHeight = stacked || series.count == 1 ? 24.0 : 14.0 * Double(series.count) + 8
        var frame = Frame()
        frame.left = min(220, 24 + 6.6 * Double(longest))
        frame.height = frame.top + frame.bottom + max(1, Double(categories.count)) * rowHeight
        let totals = categories.indices.map { i in
            stacked ? series.reduce(0) { $0 + max(0, $1.values[i]) } : series.map { $0.values[i] }.max() ?? 0
        }
        let (low, high) = Scale.niceRange(totals, includeZero: true)
        let x = Scale(low: low, high: high, from: frame.plotLeft, to: frame.plotRight)
        var svg = SVG()
        frame.begin(&svg, title: title, kind: "bar")
        frame.legend(&svg, series.enumerated().map { ($0.element.name, color($0.offset)) })
        frame.xAxis(&svg, ticks: Scale.ticks(low, high).map { (x($0), format($0)) }, label: valueLabel, grid: true)
        svg.line(frame.plotLeft, frame.plotTop, frame.plotLeft, frame.plotBottom, className: "axis")
        svg.text(categoryLabel, x: 12, y: frame.plotTop - 8, anchor: "start", className: "axis-label")
        for (i, category) in categories.enumerated() {
            let rowTop = frame.plotTop + Double(i) * rowHeight
            svg.text(shown[i], x: frame.plotLeft - 8, y: rowTop + rowHeight / 2 + 4, anchor: "end", className: "tick")
            var start = low
            for (s, entry) in series.enumerated() {
                let value = entry.values[i]
                guard value.isFinite else { continue }
                let tooltip = "\(category)\(series.count > 1 ? ", \(entry.name)" : ""): \(format(value))"
                if stacked {
                    let end = start + max(0, value)
                    svg.rect(
                        x: x(start), y: rowTop + 4, width: x(end) - x(start), height: rowHeight - 8, fill: color(s),
                        title: tooltip)
                    start = end
                } else {
                    let barHeight = series.count == 1 ? rowHeight - 8 : 12
                    let y = series.count == 1 ? rowTop + 4 : rowTop + 4 + Double(s) * 14
                    svg.rect(
                        x: x(min(0, value)), y: y, width: abs(x(value) - x(0)), height: barHeight, fill: color(s),
                        title: tooltip)
                }
            }
        }
        frame.end(&svg)
        return svg.markup
    }
}
