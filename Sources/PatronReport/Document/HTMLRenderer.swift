/// Renders a `ReportDocument` as one self-contained HTML page: inline CSS, inline SVG, a
/// few lines of inline script for sortable tables, no request to anywhere.
///
/// The page goes through a `Template` with the variables `title`, `subtitle`, `style`,
/// `nav`, `body`, `footer` and `script`; `HTMLRenderer.defaultTemplate` is the built-in one.
package struct HTMLRenderer: Sendable {
    package var template: Template
    package var templateName: String

    package init(template: Template? = nil, templateName: String = "built-in template") {
        self.template = template ?? (try! Template(HTMLRenderer.defaultTemplate))
        self.templateName = templateName
    }

    package func render(_ document: ReportDocument) throws(TemplateError) -> String {
        let nav = document.sections.map { "<a href=\"#\(SVG.escape($0.id))\">\(SVG.escape($0.title))</a>" }.joined(
            separator: "\n")
        var body = ""
        for section in document.sections {
            body += "<section id=\"\(SVG.escape(section.id))\">\n<h2>\(SVG.escape(section.title))</h2>\n"
            if !section.kicker.isEmpty { body += "<p class=\"kicker\">\(HTMLRenderer.inline(section.kicker))</p>\n" }
            for block in section.blocks { body += HTMLRenderer.html(block) + "\n" }
            body += "</section>\n"
        }
        return try template.render(
            [
                "title": document.title, "subtitle": document.subtitle, "style": HTMLRenderer.style, "nav": nav,
                "body": body, "footer": document.footer, "script": HTMLRenderer.script,
            ], name: templateName)
    }

    static func html(_ block: Block) -> String {
        switch block {
        case .paragraph(let text): return "<p>\(inline(text))</p>"
        case .callout(let text): return "<p class=\"callout\">\(inline(text))</p>"
        case .facts(let facts):
            return "<dl class=\"facts\">"
                + facts.map { "<div><dt>\(inline($0.label))</dt><dd>\(SVG.escape($0.value))</dd></div>" }.joined()
                + "</dl>"
        case .parameters(let facts):
            guard !facts.isEmpty else { return "" }
            return "<details class=\"params\"><summary>Parameters</summary><table>"
                + facts.map { "<tr><th>\(SVG.escape($0.label))</th><td><code>\(SVG.escape($0.value))</code></td></tr>" }
                .joined() + "</table></details>"
        case .table(let table): return html(table)
        case .charts(let charts):
            // Diagrams (the DAG) take the whole width; charts share it, two to a row where there is room.
            return "<div class=\"charts\">"
                + charts.map { "<figure\($0 is DAGDiagram ? " class=\"wide\"" : "")>\($0.svg())</figure>" }.joined()
                + "</div>"
        }
    }

    static func html(_ table: DataTable) -> String {
        var out = "<div class=\"table-wrap\"><table\(table.sortable ? " class=\"sortable\"" : "")>"
        var caption = table.caption
        if let total = table.totalRows, total > table.rows.count {
            caption +=
                (caption.isEmpty ? "" : " — ")
                + "first \(Format.grouped(table.rows.count)) of \(Format.grouped(total)) rows"
        }
        if !caption.isEmpty { out += "<caption>\(inline(caption))</caption>" }
        out +=
            "<thead><tr>"
            + table.columns.enumerated().map {
                "<th\(table.numeric[$0.offset] ? " class=\"num\"" : "")>\(SVG.escape($0.element))</th>"
            }.joined() + "</tr></thead><tbody>"
        for row in table.rows {
            out +=
                "<tr>"
                + row.enumerated().map {
                    "<td\(table.numeric[$0.offset] ? " class=\"num\"" : "")>\(SVG.escape($0.element))</td>"
                }.joined() + "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// Escapes text and turns `backticked` spans into code.
    static func inline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return SVG.escape(text) }
        return parts.enumerated().map {
            $0.offset % 2 == 1 && $0.offset < parts.count - 1
                ? "<code>\(SVG.escape(String($0.element)))</code>" : SVG.escape(String($0.element))
        }.joined()
    }

    /// The built-in page: every variable used once; copy it to start a template of your own.
    package static let defaultTemplate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <p class="subtitle">{{subtitle}}</p>
        <nav>
        {{{nav}}}
        </nav>
        </header>
        <main>
        {{{body}}}
        </main>
        <footer>{{footer}}</footer>
        <script>{{{script}}}</script>
        </body>
        </html>

        """

    static let style = """

        :root{--ink:#1d2433;--muted:#5b6475;--rule:#d9dde5;--bg:#fff;--panel:#f6f7f9;--accent:#0072B2}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
        header{padding:24px max(16px,calc(50% - 520px)) 12px;border-bottom:1px solid var(--rule);background:var(--panel)}
        h1{margin:0;font-size:26px}
        .subtitle{margin:4px 0 10px;color:var(--muted)}
        nav{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:14px}
        nav a{color:var(--accent);text-decoration:none}
        main{padding:0 max(16px,calc(50% - 520px))}
        section{padding:18px 0 8px;border-bottom:1px solid var(--rule)}
        h2{font-size:21px;margin:0 0 2px}
        .kicker{margin:0 0 10px;color:var(--muted);font-size:13px}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 3px;border-radius:3px}
        .callout{border-left:4px solid #E69F00;background:#fff8e6;padding:8px 12px}
        .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:10px 0}
        .facts div{background:var(--panel);border-radius:6px;padding:8px 10px}
        .facts dt{font-size:12px;color:var(--muted)}
        .facts dd{margin:0;font-size:18px;font-weight:600;font-variant-numeric:tabular-nums}
        .params summary{cursor:pointer;color:var(--muted);font-size:13px}
        .params table{margin:6px 0}
        .table-wrap{overflow-x:auto;margin:10px 0}
        table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
        caption{text-align:left;color:var(--muted);padding:0 0 4px}
        th,td{padding:3px 10px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        th,td.num{white-space:nowrap}
        td{max-width:36em}
        th{background:var(--panel)}
        td.num,th.num{text-align:right}
        table.sortable th{cursor:pointer}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:16px;margin:10px 0}
        figure{margin:0}
        figure.wide{grid-column:1/-1}
        svg.chart{width:100%;height:auto;font-size:12px}
        svg .chart-title{font-size:14px;font-weight:600;fill:var(--ink)}
        svg .axis{stroke:#444;stroke-width:1}
        svg .grid{stroke:#e4e7ec;stroke-width:1}
        svg .tick,svg .legend{fill:#333;font-size:11px}
        svg .axis-label{fill:#222;font-size:12px;font-weight:600}
        svg .cell{font-size:11px}
        svg .edge{fill:none;stroke:#555;stroke-width:1.5}
        svg .node rect{fill:#eaf2fa;stroke:#0072B2}
        svg .node-id{font-size:13px;font-weight:600;fill:var(--ink)}
        svg .node-detail{font-size:11px;fill:var(--muted)}
        footer{padding:16px max(16px,calc(50% - 520px));color:var(--muted);font-size:13px}
        @media print{nav{display:none}section{break-inside:avoid-page}.charts{grid-template-columns:1fr 1fr}}

        """

    /// Sorts a `table.sortable` by the clicked column (numbers as numbers), toggling the order.
    static let script = """

        document.querySelectorAll("table.sortable th").forEach(function (th, _, all) {
          th.addEventListener("click", function () {
            var table = th.closest("table"), body = table.tBodies[0], col = th.cellIndex;
            var up = th.getAttribute("data-order") !== "asc";
            th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-order"); });
            th.setAttribute("data-order", up ? "asc" : "desc");
            var key = function (row) {
              var t = row.cells[col].textContent.replace(/[\\s\\u202F]/g, "");
              var n = parseFloat(t);
              return isNaN(n) ? t : n;
            };
            Array.prototype.slice.call(body.rows).sort(function (a, b) {
              var x = key(a), y = key(b);
              var c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
              return up ? c : -c;
            }).forEach(function (row) { body.appendChild(row); });
          });
        });

        """
}
