/// A small writer of SVG markup: elements with attributes in the order given, text escaped,
/// coordinates with one decimal, so a chart's bytes depend only on its data.
struct SVG {
    private(set) var markup = ""

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    enum Attribute {
        case number(String, Double)
        case text(String, String)
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map {
            switch $0 {
            case .number(let name, let value): " \(name)=\"\(Format.coordinate(value))\""
            case .text(let name, let value): " \(name)=\"\(escape(value))\""
            }
        }.joined()
    }

    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        markup += "<\(name)\(SVG.render(attributes))>"
    }

    mutating func close(_ name: String) { markup += "</\(name)>" }

    mutating func element(_ name: String, _ attributes: [Attribute], text: String? = nil) {
        if let text {
            markup += "<\(name)\(SVG.render(attributes))>\(SVG.escape(text))</\(name)>"
        } else {
            markup += "<\(name)\(SVG.render(attributes))/>"
        }
    }

    mutating func raw(_ text: String) { markup += text }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
        let attributes: [Attribute] = [
            .number("x", x), .number("y", y), .number("width", max(0, width)), .number("height", max(0, height)),
            .text("fill", fill),
        ]
        if let title {
            open("rect", attributes)
            element("title", [], text: title)
            close("rect")
        } else {
            element("rect", attributes)
        }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) {
        element(
            "line",
            [.number("x1", x1), .number("y1", y1), .number("x2", x2), .number("y2", y2), .text("class", className)])
    }

    mutating func text(
        _ value: String, x: Double, y: Double, anchor: String = "middle", className: String, rotate: Bool = false
    ) {
        var attributes: [Attribute] = [
            .number("x", x), .number("y", y), .text("text-anchor", anchor), .text("class", className),
        ]
        if rotate {
            attributes.append(.text("transform", "rotate(-90 \(Format.coordinate(x)) \(Format.coordinate(y)))"))
        }
        element("text", attributes, text: value)
    }
}
