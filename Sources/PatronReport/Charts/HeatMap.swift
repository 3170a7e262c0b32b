/// A grid of coloured cells (rows × columns) on the viridis ramp, with each cell's text
/// (a count, say) printed in it and a colour key.
///
/// ```swift
/// let chart = HeatMap(title: "Customers by R and F score", xLabel: "F score", yLabel: "R score",
///                     columns: ["1", "2"], rows: ["2", "1"], values: [[3, 5], [8, nil]])
/// ```
package struct HeatMap: Chart {
    package var title: String
    package var xLabel: String
    package var yLabel: String
    package var columns: [String]
    package var rows: [String]
    /// `values[row][column]`; nil draws an empty cell.
    package var values: [[Double?]]
    /// Text in each cell; by default the value with 3 significant figures.
    package var cellText: [[String]]?
    /// What the colour means, for the key.
    package var valueLabel: String
    /// The least spread the colours stand for: values closer together than this are not
    /// stretched over the whole ramp (P(alive) from 0.99999 to 1 is not a story), and values
    /// that are all the same to within a thousandth of it are drawn in one colour, labelled.
    package var minimumRange: Double

    package init(
        title: String, xLabel: String, yLabel: String, columns: [String], rows: [String], values: [[Double?]],
        cellText: [[String]]? = nil, valueLabel: String = "", minimumRange: Double = 0
    ) {
        self.minimumRange = minimumRange
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.columns = columns
        self.rows = rows
        self.values = values
        self.cellText = cellText
        self.valueLabel = valueLabel
    }

    package func svg() -> String {
        var frame = Frame()
        frame.left = max(72, 30 + 6.6 * Double(rows.map(\.count).max() ?? 2))
        frame.right = 96
        let cellHeight = min(40, 260 / Double(max(1, rows.count)))
        frame.height = frame.top + frame.bottom + cellHeight * Double(rows.count)
        let cellWidth = (frame.plotRight - frame.plotLeft) / Double(max(1, columns.count))
        let present = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite)
        let (low, high) = Self.scale(present, minimumRange: minimumRange)
        let constant = high == low
        func t(_ v: Double) -> Double { constant ? 0.5 : min(1, max(0, (v - low) / (high - low))) }
        var svg = SVG()
        frame.begin(&svg, title: title, kind: "heatmap")
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let x = frame.plotLeft + Double(c) * cellWidth
                let y = frame.plotTop + Double(r) * cellHeight
                guard let value, value.isFinite else {
                    svg.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: "#f2f2f2")
                    continue
                }
                let text = cellText?[r][c] ?? Format.significant(value, 3)
                svg.rect(
                    x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, fill: Palette.sequential(t(value)),
                    title: "\(yLabel) \(rows[r]), \(xLabel) \(columns[c]): \(text)")
                if cellWidth >= 28 && cellHeight >= 14 {
                    svg.element(
                        "text",
                        [
                            .number("x", x + cellWidth / 2), .number("y", y + cellHeight / 2 + 4),
                            .text("text-anchor", "middle"),
                            .text("class", "cell"), .text("fill", Palette.textOnSequential(t(value))),
                        ], text: text)
                }
            }
        }
        frame.xAxis(
            &svg,
            ticks: columns.enumerated().map { (frame.plotLeft + (Double($0.offset) + 0.5) * cellWidth, $0.element) },
            label: xLabel)
        frame.yAxis(
            &svg, ticks: rows.enumerated().map { (frame.plotTop + (Double($0.offset) + 0.5) * cellHeight, $0.element) },
            label: yLabel, grid: false)
        // Colour key: the ramp with its lowest and highest value.
        let keyX = frame.plotRight + 24
        let keyHeight = max(40, frame.plotBottom - frame.plotTop)
        if constant {
            // One colour, and what it stands for.
            svg.rect(x: keyX, y: frame.plotTop, width: 14, height: 14, fill: Palette.sequential(0.5))
            svg.text(
                "all " + Format.significant(low, 4), x: keyX + 18, y: frame.plotTop + 11, anchor: "start",
                className: "tick")
        } else {
            for k in 0..<10 {
                let y = frame.plotTop + Double(9 - k) * keyHeight / 10
                svg.rect(
                    x: keyX, y: y, width: 14, height: keyHeight / 10 + 0.5, fill: Palette.sequential(Double(k) / 9))
            }
            svg.text(
                Format.significant(high, 3), x: keyX + 18, y: frame.plotTop + 8, anchor: "start", className: "tick")
            svg.text(
                Format.significant(low, 3), x: keyX + 18, y: frame.plotTop + keyHeight, anchor: "start",
                className: "tick")
        }
        if !valueLabel.isEmpty { svg.text(valueLabel, x: keyX + 7, y: frame.plotTop - 8, className: "legend") }
        frame.end(&svg)
        return svg.markup
    }

    /// The values the ends of the colour ramp stand for: the data's range, widened to
    /// `minimumRange` around its middle when narrower; one value (`low == high`) when the data
    /// spread less than a thousandth of `minimumRange` (or not at all).
    static func scale(_ values: [Double], minimumRange: Double) -> (low: Double, high: Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        if high - low <= minimumRange / 1000 || high == low { return ((low + high) / 2, (low + high) / 2) }
        if high - low >= minimumRange { return (low, high) }
        let middle = (low + high) / 2
        return (middle - minimumRange / 2, middle + minimumRange / 2)
    }
}
