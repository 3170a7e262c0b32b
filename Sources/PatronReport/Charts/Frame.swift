import Foundation

/// The drawing area of a chart with axes: margins, the plot rectangle, the title and the
/// axis lines, ticks and labels.
struct Frame {
    var width = 640.0
    var height = 340.0
    var left = 72.0
    var right = 24.0
    var top = 46.0
    var bottom = 58.0

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// Opens the `<svg>` with its accessible name and draws the visible title.
    func begin(_ svg: inout SVG, title: String, kind: String) {
        svg.open(
            "svg",
            [
                .text("class", "chart"), .text("data-kind", kind),
                .text("viewBox", "0 0 \(Format.coordinate(width)) \(Format.coordinate(height))"),
                .text("role", "img"), .text("aria-label", title),
            ])
        svg.element("title", [], text: title)
        svg.text(title, x: width / 2, y: 20, className: "chart-title")
    }

    func end(_ svg: inout SVG) { svg.close("svg") }

    /// Horizontal axis at the bottom: ticks at plot x positions, and the axis label.
    func xAxis(_ svg: inout SVG, ticks: [(x: Double, label: String)], label: String, grid: Bool = false) {
        svg.line(plotLeft, plotBottom, plotRight, plotBottom, className: "axis")
        for tick in ticks {
            if grid { svg.line(tick.x, plotTop, tick.x, plotBottom, className: "grid") }
            svg.line(tick.x, plotBottom, tick.x, plotBottom + 5, className: "axis")
            svg.text(tick.label, x: tick.x, y: plotBottom + 18, className: "tick")
        }
        svg.text(label, x: (plotLeft + plotRight) / 2, y: height - 12, className: "axis-label")
    }

    /// Vertical axis at the left: ticks at plot y positions, and the axis label (rotated).
    func yAxis(_ svg: inout SVG, ticks: [(y: Double, label: String)], label: String, grid: Bool = true) {
        svg.line(plotLeft, plotTop, plotLeft, plotBottom, className: "axis")
        for tick in ticks {
            if grid { svg.line(plotLeft, tick.y, plotRight, tick.y, className: "grid") }
            svg.line(plotLeft - 5, tick.y, plotLeft, tick.y, className: "axis")
            svg.text(tick.label, x: plotLeft - 8, y: tick.y + 4, anchor: "end", className: "tick")
        }
        svg.text(label, x: 16, y: (plotTop + plotBottom) / 2, className: "axis-label", rotate: true)
    }

    /// A legend of coloured squares above the plot, right-aligned.
    func legend(_ svg: inout SVG, _ entries: [(name: String, color: String)]) {
        guard entries.count > 1 else { return }
        var x = plotRight
        let y = top - 16
        for entry in entries.reversed() {
            x -= Double(entry.name.count) * 6.4
            svg.text(entry.name, x: x, y: y + 9, anchor: "start", className: "legend")
            x -= 14
            svg.rect(x: x, y: y, width: 10, height: 10, fill: entry.color)
            x -= 14
        }
    }
}

/// A linear or base-10 logarithmic mapping from data values to plot coordinates, with
/// round-numbered ticks.
struct Scale {
    var low: Double
    var high: Double
    var from: Double
    var to: Double
    var logarithmic = false

    func callAsFunction(_ v: Double) -> Double {
        let (a, b, x) = logarithmic ? (log10(low), log10(high), log10(max(v, low))) : (low, high, v)
        return b == a ? (from + to) / 2 : from + (x - a) / (b - a) * (to - from)
    }

    /// Round values spanning `low…high`: steps of 1, 2 or 5 × 10ᵏ (linear), powers of ten (log).
    static func ticks(_ low: Double, _ high: Double, count: Int = 5, logarithmic: Bool = false) -> [Double] {
        guard low.isFinite, high.isFinite, high > low else { return low.isFinite ? [low] : [] }
        if logarithmic {
            var out = [Double]()
            var k = Int(log10(low).rounded(.down))
            while Format.pow10(k) <= high * 1.0001 {
                if Format.pow10(k) >= low * 0.9999 { out.append(Format.pow10(k)) }
                k += 1
            }
            return out
        }
        let raw = (high - low) / Double(max(1, count))
        let exponent = Int(log10(raw).rounded(.down))
        let magnitude = Format.pow10(exponent)
        let mantissa = [1.0, 2, 5, 10].first { $0 * magnitude >= raw * 0.999999 } ?? 10
        let step = mantissa * magnitude
        // k × mantissa is an exact integer; one division by an exact power of ten then gives
        // the nearest double to the round value (0.3, not 0.30000000000000004).
        func value(_ k: Double) -> Double {
            exponent < 0 ? k * mantissa / Format.pow10(-exponent) : k * mantissa * magnitude
        }
        var out = [Double]()
        var k = (low / step - 1e-9).rounded(.up)
        while value(k) <= high + step * 1e-9 {
            out.append(value(k))
            k += 1
        }
        return out
    }

    /// A data range widened to the nearest ticks, from zero when `includeZero` and no value
    /// is negative.
    static func niceRange(_ values: [Double], includeZero: Bool) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high == low {
            (low, high) = (low - 0.5, high + 0.5)
            if includeZero && low < 0 && (finite.min() ?? 0) >= 0 {
                low = 0
                high = 1
            }
        }
        let raw = (high - low) / 5
        let magnitude = Format.pow10(Int(log10(raw).rounded(.down)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999999 } ?? 10 * magnitude
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step)
    }
}
