/// A chart that renders itself as inline SVG: a title, labelled axes (diagrams excepted),
/// and marks whose bytes depend only on the data.
package protocol Chart: Sendable {
    var title: String { get }
    /// The chart as an `<svg>` element, without an XML declaration or namespace (it is meant
    /// to be inlined in HTML).
    func svg() -> String
}

/// One named series of a chart, drawn in `Palette.categorical[index]` unless `color` is set.
package struct Series: Sendable {
    package enum Style: Sendable { case line, points, lineAndPoints }
    package var name: String
    package var points: [(x: Double, y: Double)]
    package var style: Style
    package var color: String?
    /// Points that stand for less than the others (a month with data for only some of its
    /// days), by index, with what to say: drawn hollow, reached by a dashed line.
    package var partial: [Int: String] = [:]

    package init(_ name: String, points: [(x: Double, y: Double)], style: Style = .lineAndPoints, color: String? = nil)
    {
        self.name = name
        self.points = points
        self.style = style
        self.color = color
    }
}

/// Colours that colour-blind readers can tell apart (Okabe and Ito's palette) and a
/// perceptually even sequential ramp (viridis) for heat maps.
package enum Palette {
    package static let categorical = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
    ]
    package static let positive = "#009E73"
    package static let neutral = "#B8B8B8"
    package static let negative = "#D55E00"

    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ]

    /// The ramp's colour at `t` in 0…1, as `#rrggbb`.
    package static func sequential(_ t: Double) -> String {
        let u = min(1, max(0, t.isFinite ? t : 0)) * Double(viridis.count - 1)
        let i = min(viridis.count - 2, Int(u))
        let f = u - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let v = Int((x + (y - x) * f).rounded())
            let hex = String(v, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// Text colour readable on the ramp's colour at `t`.
    static func textOnSequential(_ t: Double) -> String { t > 0.55 ? "#111" : "#fff" }
}
