import Foundation

/// Renders a `ReportDocument` as Markdown for `summary.md`: headings, headline figures and
/// tables, no charts — the file a pull request's diff shows when results change.
package struct MarkdownRenderer: Sendable {
    package init() {}

    package func render(_ document: ReportDocument) -> String {
        var out = "# \(document.title)\n\n\(document.subtitle)\n"
        for section in document.sections {
            out += "\n## \(section.title)\n\n"
            if !section.kicker.isEmpty { out += "_\(section.kicker)_\n\n" }
            var first = true
            for block in section.blocks {
                guard let text = MarkdownRenderer.markdown(block) else { continue }
                if !first { out += "\n" }
                out += text
                first = false
            }
        }
        if !document.footer.isEmpty { out += "\n---\n\n\(document.footer)\n" }
        return out
    }

    static func markdown(_ block: Block) -> String? {
        switch block {
        case .paragraph(let text): return text + "\n"
        case .callout(let text): return "> " + text + "\n"
        case .facts(let facts):
            guard !facts.isEmpty else { return nil }
            return table(
                DataTable(caption: "", columns: ["Figure", "Value"], rows: facts.map { [$0.label, $0.value] }))
        case .parameters(let facts):
            guard !facts.isEmpty else { return nil }
            return table(
                DataTable(
                    caption: "", columns: ["Parameter", "Value"], rows: facts.map { [$0.label, "`" + $0.value + "`"] }))
        case .table(let t): return t.inSummary ? table(t) : nil
        case .charts: return nil
        }
    }

    static func table(_ t: DataTable) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = ""
        if !t.caption.isEmpty { out += "\(t.caption)\n\n" }
        out += "| " + t.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + t.numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
        for row in t.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        if let total = t.totalRows, total > t.rows.count {
            out += "\n_First \(t.rows.count) of \(Format.grouped(total)) rows._\n"
        }
        return out
    }
}
