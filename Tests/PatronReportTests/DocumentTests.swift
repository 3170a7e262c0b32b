import Testing

@testable import PatronReport

@Suite struct DocumentTests {
    static var document: ReportDocument {
        var doc = ReportDocument(title: "Q3 <health>", subtitle: "Weekly")
        doc.sections = [
            Section(
                id: "overview", title: "Overview", kicker: "from `Pipelines/x.yaml`",
                blocks: [
                    .facts([Fact("Customers", "2 996")]),
                    .paragraph("Rows in = kept + rejected; see `clean.rejects`."),
                    .table(
                        DataTable(
                            caption: "Reasons", columns: ["Reason", "Rows"], numeric: [false, true],
                            rows: [["dup | twice", "3"]])),
                    .table(
                        DataTable(caption: "Preview", columns: ["a"], rows: [["1"]], totalRows: 100, inSummary: false)),
                    .charts([
                        LineChart(
                            title: "Trend", xLabel: "x", yLabel: "y", series: [Series("s", points: [(0, 1), (1, 2)])])
                    ]),
                ])
        ]
        doc.footer = "Made by patron."
        return doc
    }

    @Test func htmlIsSelfContained() throws {
        let html = try HTMLRenderer().render(DocumentTests.document)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Q3 &lt;health&gt;</title>"))
        #expect(html.contains("<a href=\"#overview\">Overview</a>"))
        #expect(html.contains("<code>clean.rejects</code>"))
        #expect(html.contains("first 1 of 100 rows"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    }

    @Test func markdownHasFiguresAndTablesButNoChartsOrPreviews() {
        let md = MarkdownRenderer().render(DocumentTests.document)
        #expect(md.hasPrefix("# Q3 <health>\n\nWeekly\n"))
        #expect(md.contains("| Customers | 2 996 |"))
        #expect(md.contains("| dup \\| twice | 3 |"))
        #expect(md.contains("|---|---:|"))
        #expect(!md.contains("Preview"))
        #expect(!md.contains("<svg"))
        #expect(md.hasSuffix("Made by patron.\n"))
    }

    @Test func templatesFillVariablesAndNameMistakes() throws {
        let template = try Template("<h1>{{title}}</h1>{{{ body }}}")
        #expect(template.names == ["title", "body"])
        #expect(try template.render(["title": "a<b", "body": "<p>x</p>"]) == "<h1>a&lt;b</h1><p>x</p>")
        #expect(throws: TemplateError.unclosed(name: "t.html", line: 2)) { try Template("ok\n{{title", name: "t.html") }
        #expect(throws: TemplateError.unknownName(name: "template", key: "colour", known: ["title"])) {
            try Template("{{colour}}").render(["title": "x"])
        }
    }

    @Test func customTemplateReceivesEveryVariable() throws {
        let template = try Template("{{title}}|{{subtitle}}|{{footer}}|{{{nav}}}|{{{style}}}|{{{body}}}|{{{script}}}")
        let html = try HTMLRenderer(template: template).render(DocumentTests.document)
        #expect(html.hasPrefix("Q3 &lt;health&gt;|Weekly|Made by patron.|<a href=\"#overview\">"))
    }
}
