/// A pipeline's stages as boxes in columns by depth (a stage sits one column right of its
/// deepest input), with arrows from inputs to the stages that read them.
///
/// ```swift
/// let chart = DAGDiagram(title: "Pipeline", nodes: [("orders", "ingest.csv"), ("clean", "clean.transactions")],
///                        edges: [("orders", "clean")])
/// ```
package struct DAGDiagram: Chart {
    package var title: String
    package var nodes: [(id: String, detail: String)]
    package var edges: [(from: String, to: String)]

    package init(title: String, nodes: [(id: String, detail: String)], edges: [(from: String, to: String)]) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
    }

    /// Column of each node: 0 for nodes without inputs, else one more than the deepest input.
    var depths: [String: Int] {
        var depth = [String: Int]()
        for node in nodes {  // nodes come in pipeline (topological) order
            depth[node.id] = (edges.filter { $0.to == node.id }.compactMap { depth[$0.from] }.max()).map { $0 + 1 } ?? 0
        }
        return depth
    }

    package func svg() -> String {
        let depth = depths
        let columns = (depth.values.max() ?? 0) + 1
        var rowsInColumn = [Int](repeating: 0, count: columns)
        var slot = [String: (column: Int, row: Int)]()
        for node in nodes {
            let c = depth[node.id]!
            slot[node.id] = (c, rowsInColumn[c])
            rowsInColumn[c] += 1
        }
        let longest = nodes.map { max($0.id.count * 8, $0.detail.count * 6) }.max() ?? 100
        let boxWidth = max(120, Double(longest) + 20), boxHeight = 38.0, gapX = 40.0, gapY = 16.0
        // Edges that skip a column run in lanes below the boxes, so they never cross one.
        let long = edges.filter { e in
            slot[e.from] != nil && slot[e.to] != nil && slot[e.to]!.column - slot[e.from]!.column > 1
        }
        let boxesHeight = Double(rowsInColumn.max() ?? 1) * (boxHeight + gapY)
        let width = max(640, 20 + Double(columns) * (boxWidth + gapX))
        let height = 50 + boxesHeight + Double(long.count) * 10 + 10
        func origin(_ id: String) -> (Double, Double) {
            let s = slot[id]!
            let columnHeight = Double(rowsInColumn[s.column]) * (boxHeight + gapY) - gapY
            let top = 50 + (boxesHeight - gapY - columnHeight) / 2
            return (20 + Double(s.column) * (boxWidth + gapX), top + Double(s.row) * (boxHeight + gapY))
        }
        var svg = SVG()
        svg.open(
            "svg",
            [
                .text("class", "chart"), .text("data-kind", "diagram"),
                .text("viewBox", "0 0 \(Format.coordinate(width)) \(Format.coordinate(height))"),
                .text("role", "img"), .text("aria-label", title),
            ])
        svg.element("title", [], text: title)
        svg.text(title, x: width / 2, y: 20, className: "chart-title")
        svg.raw(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#555\"/></marker></defs>"
        )
        func c(_ v: Double) -> String { Format.coordinate(v) }
        var lane = 0
        for edge in edges where slot[edge.from] != nil && slot[edge.to] != nil {
            let (x1, y1) = origin(edge.from)
            let (x2, y2) = origin(edge.to)
            let (sx, sy, ex, ey) = (x1 + boxWidth, y1 + boxHeight / 2, x2, y2 + boxHeight / 2)
            let path: String
            if slot[edge.to]!.column - slot[edge.from]!.column > 1 {
                let y = 50 + boxesHeight - gapY / 2 + Double(lane) * 10
                lane += 1
                let bend = gapX / 2
                path =
                    "M\(c(sx)) \(c(sy))C\(c(sx + bend)) \(c(sy)) \(c(sx + bend)) \(c(y)) \(c(sx + 2 * bend)) \(c(y))"
                    + "L\(c(ex - 2 * bend)) \(c(y))C\(c(ex - bend)) \(c(y)) \(c(ex - bend)) \(c(ey)) \(c(ex)) \(c(ey))"
            } else {
                let mid = (sx + ex) / 2
                path = "M\(c(sx)) \(c(sy))C\(c(mid)) \(c(sy)) \(c(mid)) \(c(ey)) \(c(ex)) \(c(ey))"
            }
            svg.element("path", [.text("d", path), .text("class", "edge"), .text("marker-end", "url(#arrow)")])
        }
        for node in nodes {
            let (x, y) = origin(node.id)
            svg.open("g", [.text("class", "node")])
            svg.element(
                "rect",
                [
                    .number("x", x), .number("y", y), .number("width", boxWidth), .number("height", boxHeight),
                    .text("rx", "5"),
                ])
            svg.text(node.id, x: x + boxWidth / 2, y: y + 16, className: "node-id")
            svg.text(node.detail, x: x + boxWidth / 2, y: y + 31, className: "node-detail")
            svg.close("g")
        }
        svg.close("svg")
        return svg.markup
    }
}
