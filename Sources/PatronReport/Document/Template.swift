import Foundation

/// A page template with `{{name}}` (escaped) and `{{{name}}}` (as is) placeholders — the
/// Mustache variables, without sections — so an analyst can restyle the report with a file
/// of their own (`template:` in the report stage).
///
/// ```swift
/// let page = try Template("<h1>{{title}}</h1>{{{body}}}").render(["title": "Q3", "body": "<p>…</p>"])
/// ```
package struct Template: Sendable {
    enum Piece: Sendable {
        case text(String)
        case escaped(String)
        case raw(String)
    }

    let pieces: [Piece]

    /// Parses a template; an unclosed `{{` is an error naming its line.
    package init(_ source: String, name: String = "template") throws(TemplateError) {
        var pieces = [Piece]()
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let triple = rest[open.upperBound...].hasPrefix("{")
            let afterOpen = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[afterOpen...].range(of: triple ? "}}}" : "}}") else {
                let line = source[..<open.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
                throw .unclosed(name: name, line: line)
            }
            let key = rest[afterOpen..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            pieces.append(triple ? .raw(key) : .escaped(key))
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces
    }

    /// The names the template uses.
    package var names: [String] {
        pieces.compactMap { if case .escaped(let n) = $0 { n } else if case .raw(let n) = $0 { n } else { nil } }
    }

    /// Fills in the placeholders; a name without a value is an error listing the known ones.
    package func render(_ values: [String: String], name: String = "template") throws(TemplateError) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .escaped(let key), .raw(let key):
                guard let value = values[key] else {
                    throw .unknownName(name: name, key: key, known: values.keys.sorted())
                }
                if case .escaped = piece { out += SVG.escape(value) } else { out += value }
            }
        }
        return out
    }
}

/// A template that cannot be used, with what to fix.
package enum TemplateError: Error, Equatable, CustomStringConvertible {
    case unclosed(name: String, line: Int)
    case unknownName(name: String, key: String, known: [String])

    package var description: String {
        switch self {
        case .unclosed(let name, let line):
            "\(name):\(line): a '{{' is never closed; close it with '}}' (or '}}}' after '{{{')"
        case .unknownName(let name, let key, let known):
            "\(name): '{{\(key)}}' is not a report variable; the variables are \(known.joined(separator: ", "))"
        }
    }
}
