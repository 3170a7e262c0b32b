import Foundation
import Testing

/// A table of bad inputs, each run through the built `patron`: the exit code and the words
/// of the message, which must name the file and line (or pipeline file, line and key) and say
/// what to do.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var csv: [UInt8]? = nil
        /// Replaces the default pipeline file when set.
        var pipeline: String? = nil
        var status: Int32 = 1
        var says: [String]
        var testDescription: String { name }
    }

    static let header = "customer_id,order_date,amount\n"
    static func csv(_ rows: String) -> [UInt8] { Array((header + rows).utf8) }

    static let defaultPipeline = """
        pipeline: p
        stages:
          orders:
            use: ingest.csv
            with:
              path: Data/in.csv
              columns: {customer_id: string, order_date: date, amount: decimal}
          clean:
            use: clean.transactions
            inputs: [orders]
            with: {customer: customer_id, date: order_date, amount: amount}
        """

    static let cases: [Case] = [
        Case(name: "empty file", csv: [], says: ["Data/in.csv: the file is empty", "needs at least a header row"]),
        Case(
            name: "header only", csv: csv(""), says: ["Data/in.csv has a header but no data rows", "allow_empty: true"]),
        Case(
            name: "binary", csv: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
            says: ["looks like a binary file", "export the data as CSV"]),
        Case(
            name: "Latin-1", csv: Array(header.utf8) + [0x4A, 0xF6, 0x72, 0x67] + Array(",2024-01-02,3.5\n".utf8),
            says: [
                "Data/in.csv: 1 of 1 rows rejected", "line 2: column 'customer_id': invalid UTF-8",
                "set encoding: windows-1252",
            ]),
        Case(
            name: "UTF-16", csv: [0xFF, 0xFE] + Array(header.utf8).flatMap { [$0, 0] },
            says: ["the file is UTF-16", "iconv -f UTF-16 -t UTF-8"]),
        Case(
            name: "ragged rows", csv: csv("a,2024-01-02,3.5,9\nb,2024-01-02\nc,2024-01-03,4\n"),
            says: [
                "line 2: expected 3 fields, found 4", "line 3: expected 3 fields, found 2", "raise max_reject_ratio",
            ]),
        Case(
            name: "missing declared column", csv: Array("customer_id,date,amount\na,2024-01-02,3.5\n".utf8),
            says: [
                "Data/in.csv:1: declared column 'order_date' not in the header; the file has: customer_id, date, amount"
            ]),
        Case(
            name: "column twice in the file",
            csv: Array("customer_id,order_date,amount,amount\na,2024-01-02,3.5,4\n".utf8),
            says: ["Data/in.csv:1: bad header row: column 'amount' appears twice"]),
        Case(
            name: "column declared twice", csv: csv("a,2024-01-02,1\n"),
            pipeline: """
                pipeline: p
                stages:
                  orders:
                    use: ingest.csv
                    with: {path: Data/in.csv, columns: {customer_id: string, amount: decimal, amount: int}}
                """, status: 2, says: ["Pipelines/p.yaml:5:", "a key appears twice in one map: 'amount'"]),
        Case(
            name: "broken dates",
            csv: csv("a,2024-13-02,1\nb,2024-02-30,1\nc,02/03/2024,1\nd,yesterday,1\ne,20240102,1\nf,2024-01-02,1\n"),
            says: [
                "5 of 6 rows rejected",
                "line 2: column 'order_date': cannot read '2024-13-02' as a date in the format %Y-%m-%d",
                "line 3: column 'order_date': cannot read '2024-02-30'",
                "line 4: column 'order_date': cannot read '02/03/2024'",
                "line 5: column 'order_date': cannot read 'yesterday'",
                "line 6: column 'order_date': cannot read '20240102'", "date_format",
            ]),
        Case(
            name: "broken numbers",
            csv: csv(
                "a,2024-01-02,abc\nb,2024-01-02,NaN\nc,2024-01-02,inf\nd,2024-01-02,--1\ne,2024-01-02,1e400\nf,2024-01-02,1.2.3\ng,2024-01-02,1\n"
            ),
            says: [
                "6 of 7 rows rejected", "line 2: column 'amount': cannot read 'abc' as a decimal number",
                "line 3: column 'amount': cannot read 'NaN'",
                "line 4: column 'amount': cannot read 'inf'", "line 5: column 'amount': cannot read '--1'",
                "line 6: column 'amount': cannot read '1e400'",
            ]),
        Case(
            name: "unterminated quote", csv: csv("\"a,2024-01-02,3\nb,2024-01-02,4\n"),
            says: ["line 2: unterminated quote: a quoted field opened on this line never closes"]),
        Case(
            name: "runaway record",
            csv: csv("a,2024-01-02,1\n\"b,2024-01-02," + String(repeating: "9", count: 40_000) + "\n"),
            pipeline: """
                pipeline: p
                stages:
                  orders:
                    use: ingest.csv
                    with: {path: Data/in.csv, columns: {customer_id: string, amount: decimal}, max_record_mb: 0.01}
                """,
            says: ["Data/in.csv:3: the record starting here is longer than 10485 bytes", "raise max_record_mb"]),
        Case(
            name: "missing input file",
            pipeline: """
                pipeline: p
                stages:
                  orders:
                    use: ingest.csv
                    with: {path: Data/nothere.csv}
                """,
            says: ["orders: path: cannot read", "Data/nothere.csv", "relative paths start at the project root"]),
        Case(
            name: "not YAML", pipeline: "pipeline: p\nstages:\n  orders:\n\tuse: ingest.csv\n", status: 2,
            says: ["Pipelines/p.yaml:4:1: not valid YAML", "YAML indents with spaces only"]),
        Case(
            name: "unknown module", pipeline: "pipeline: p\nstages:\n  orders:\n    use: ingest.cvs\n", status: 2,
            says: ["Pipelines/p.yaml:4:10: stage 'orders': unknown module 'ingest.cvs' (did you mean 'ingest.csv'?)"]),
        Case(
            name: "misspelt parameter",
            pipeline:
                "pipeline: p\nstages:\n  orders:\n    use: ingest.csv\n    with: {path: Data/in.csv, colums: {a: string}}\n",
            status: 2, says: ["Pipelines/p.yaml:5:", "ingest.csv has no parameter 'colums' (did you mean 'columns'?)"]),
        Case(
            name: "unknown column type",
            pipeline:
                "pipeline: p\nstages:\n  orders:\n    use: ingest.csv\n    with: {path: Data/in.csv, columns: {a: strin}}\n",
            status: 2, says: ["Pipelines/p.yaml:5:", "column 'a': type 'strin' is not one of string, text"]),
        Case(
            name: "cycle",
            pipeline: """
                pipeline: p
                stages:
                  a: {use: shell, inputs: [b], with: {command: "true"}}
                  b: {use: shell, inputs: [a], with: {command: "true"}}
                """, status: 2, says: ["cycle: ", "a stage cannot depend on its own output"]),
        Case(
            name: "aliases that explode",
            pipeline: """
                pipeline: p
                x1: &a [x, x, x, x, x, x, x, x, x, x]
                x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                x4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                x5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                x6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                x7: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                x8: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
                stages:
                  orders: {use: ingest.csv, with: {path: Data/in.csv, columns: *h}}
                """, status: 2, says: ["Pipelines/p.yaml: the file expands to more than 100000 values"]),
        Case(
            name: "report outside the project",
            pipeline: """
                pipeline: p
                stages:
                  orders: {use: ingest.csv, with: {path: Data/in.csv}}
                  report: {use: report, inputs: [orders], with: {out: Reports/../../elsewhere}}
                """, status: 2, says: ["Pipelines/p.yaml:4:", "'out' must stay inside the project", "--allow-outside"]),
    ]

    @Test(arguments: cases) func badInputIsNamedAndExplained(_ c: Case) async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(c.csv ?? Self.csv("a,2024-01-02,1\n")).write(to: URL(fileURLWithPath: root + "/Data/in.csv"))
        try writeFile(root + "/Pipelines/p.yaml", c.pipeline ?? Self.defaultPipeline)
        let run = try await patron("run", "p", in: root)
        #expect(run.status == c.status, "\(run.stderr)")
        for words in c.says {
            #expect(run.stderr.contains(words), "missing “\(words)” in:\n\(run.stderr)")
        }
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func rowsUnderTheRejectLimitAreKeptOrInRejects() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let rows =
            (1...40).map { "c\($0),2024-01-\(String(format: "%02d", $0 % 28 + 1)),\($0)\n" }.joined()
            + "bad,2024-99-01,1\n"
        try Data(Self.csv(rows)).write(to: URL(fileURLWithPath: root + "/Data/in.csv"))
        try writeFile(root + "/Pipelines/p.yaml", Self.defaultPipeline)
        let run = try await patron("run", "p", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let kept = try await patron("show", "p", "orders", "--format", "csv", "--head", "100", in: root)
        let rejects = try await patron("show", "p", "orders.rejects", "--format", "csv", in: root)
        #expect(kept.stdout.split(separator: "\n").count - 1 == 40)
        #expect(
            rejects.stdout.contains(
                "42,column 'order_date': cannot read '2024-99-01' as a date in the format %Y-%m-%d,\"bad,2024-99-01,1\""
            ))
    }

    /// The sample orders with blank lines of every kind put in (empty, spaces, a tab, CRLF):
    /// every record Python's csv module finds is a kept or rejected row, every blank line is
    /// counted in the run record, and the numbers are exact.
    @Test func everyLineIsAccountedFor() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lines = try String(contentsOfFile: root + "/Data/sample/orders.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let blanks = ["", "   ", "\t", " \t ", "\r"]
        var text = ""
        for (i, line) in lines.enumerated() {
            text += line + (i + 1 < lines.count ? "\n" : "")
            // Only between records: a quoted comment may span lines.
            if i % 97 == 5, line.filter({ $0 == "\"" }).count % 2 == 0, !line.hasSuffix(",\"") {
                text += blanks[i % blanks.count] + "\n"
            }
        }
        text += "\n\n"
        try writeFile(root + "/Data/sample/orders.csv", text)
        let counted = try await csvRecords(root + "/Data/sample/orders.csv")
        #expect(counted.blank > 40)
        let run = try await patron("run", "customer-health", "--to", "clean", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let records = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs").sorted()
        let record =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: root + "/.patron/runs/" + records[0]))) as! [String: Any]
        let orders = (record["stages"] as! [[String: Any]]).first { $0["id"] as? String == "orders" }!
        let counts = orders["counts"] as! [String: Int]
        #expect(counts["rows_read"] == counted.records)
        #expect(counts["rows_kept"]! + counts["rows_rejected"]! == counted.records)
        #expect(counts["blank_lines"] == counted.blank)
    }
}
