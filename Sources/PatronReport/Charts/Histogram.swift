import Foundation

/// Counts of values in bins, drawn as adjacent columns; `logarithmic` bins by powers of ten
/// (for skewed amounts such as lifetime value).
///
/// ```swift
/// let chart = Histogram(title: "CLV", valueLabel: "CLV (EUR)", values: clv, logarithmic: true)
/// ```
package struct Histogram: Chart {
    package var title: String
    package var valueLabel: String
    package var countLabel: String
    package private(set) var edges: [Double]
    package private(set) var counts: [Int]
    package var logarithmic: Bool
    /// Values left out of the bins (non-positive ones on a log scale, non-finite ones).
    package private(set) var excluded: Int

    package init(
        title: String, valueLabel: String, countLabel: String = "Customers", values: [Double], bins: Int = 30,
        logarithmic: Bool = false
    ) {
        self.title = title
        self.valueLabel = valueLabel
        self.countLabel = countLabel
        self.logarithmic = logarithmic
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        excluded = values.count - usable.count
        var low = usable.min() ?? 0
        var high = usable.max() ?? 1
        if logarithmic { (low, high) = (log10(low), log10(high)) }
        if high <= low { high = low + 1 }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { k in
            let e = low + Double(k) * width
            return logarithmic ? Foundation.pow(10, e) : e
        }
        var counts = [Int](repeating: 0, count: bins)
        for v in usable {
            let t = ((logarithmic ? log10(v) : v) - low) / width
            counts[min(bins - 1, max(0, Int(t)))] += 1
        }
        self.counts = counts
    }

    package func svg() -> String {
        let frame = Frame()
        let x = Scale(
            low: edges.first!, high: edges.last!, from: frame.plotLeft, to: frame.plotRight, logarithmic: logarithmic)
        let (_, top) = Scale.niceRange(counts.map(Double.init), includeZero: true)
        let y = Scale(low: 0, high: top, from: frame.plotBottom, to: frame.plotTop)
        var svg = SVG()
        frame.begin(&svg, title: title, kind: "histogram")
        let xTicks =
            logarithmic
            ? Scale.ticks(edges.first!, edges.last!, logarithmic: true) : Scale.ticks(edges.first!, edges.last!)
        frame.yAxis(&svg, ticks: Scale.ticks(0, top).map { (y($0), Format.significant($0, 4)) }, label: countLabel)
        frame.xAxis(
            &svg, ticks: xTicks.map { (x($0), Format.significant($0, 3)) },
            label: valueLabel + (logarithmic ? " (log scale)" : ""))
        for (k, count) in counts.enumerated() where count > 0 {
            let tooltip =
                "\(Format.significant(edges[k], 3))–\(Format.significant(edges[k + 1], 3)): \(Format.grouped(count))"
            svg.rect(
                x: x(edges[k]) + 0.5, y: y(Double(count)), width: x(edges[k + 1]) - x(edges[k]) - 1,
                height: y(0) - y(Double(count)),
                fill: Palette.categorical[0], title: tooltip)
        }
        frame.end(&svg)
        return svg.markup
    }
}
