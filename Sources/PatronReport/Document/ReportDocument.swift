/// A report as content, before it is HTML or Markdown: a title, sections in order, each a
/// list of blocks. The renderers decide how each block looks.
///
/// ```swift
/// var doc = ReportDocument(title: "customer-health", subtitle: "Weekly health of the customer base")
/// doc.sections.append(.init(id: "overview", title: "Overview", blocks: [.facts([("Customers", "2 996")])]))
/// let html = try HTMLRenderer().render(doc)
/// ```
package struct ReportDocument: Sendable {
    package var title: String
    package var subtitle: String
    package var sections: [Section]
    /// Printed at the bottom: what made the report (and, with `--stamp`, when).
    package var footer: String

    package init(title: String, subtitle: String, sections: [Section] = [], footer: String = "") {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footer = footer
    }
}

/// One section of a report: an anchor id, a heading and its blocks.
package struct Section: Sendable {
    package var id: String
    package var title: String
    /// A short line under the heading (the stage's module, say).
    package var kicker: String
    package var blocks: [Block]

    package init(id: String, title: String, kicker: String = "", blocks: [Block] = []) {
        self.id = id
        self.title = title
        self.kicker = kicker
        self.blocks = blocks
    }
}

/// A piece of a section.
package enum Block: Sendable {
    /// Running text (escaped; `backticks` become code).
    case paragraph(String)
    /// A highlighted remark: a fit diagnostic, a warning.
    case callout(String)
    /// Label–value pairs, the headline figures.
    case facts([Fact])
    case table(DataTable)
    /// Charts shown side by side where there is room.
    case charts([any Chart])
    /// Parameters, shown folded in HTML.
    case parameters([Fact])
}

/// A label and its value.
package struct Fact: Sendable, Equatable {
    package var label: String
    package var value: String
    package init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A table of formatted cells: a preview of a stage's output or a summary.
package struct DataTable: Sendable, Equatable {
    package var caption: String
    package var columns: [String]
    /// Right-aligned (numeric) columns.
    package var numeric: [Bool]
    package var rows: [[String]]
    /// Rows in the whole table when `rows` is a preview.
    package var totalRows: Int?
    /// Whether the HTML table may be sorted by clicking its headers.
    package var sortable: Bool
    /// Whether `summary.md` shows it too (previews of stage outputs stay in the HTML).
    package var inSummary: Bool

    package init(
        caption: String, columns: [String], numeric: [Bool]? = nil, rows: [[String]], totalRows: Int? = nil,
        sortable: Bool = false, inSummary: Bool = true
    ) {
        self.inSummary = inSummary
        self.caption = caption
        self.columns = columns
        self.numeric = numeric ?? columns.map { _ in false }
        self.rows = rows
        self.totalRows = totalRows
        self.sortable = sortable
    }
}
