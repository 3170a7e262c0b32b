import Foundation
import Testing

/// The report stage and `patron check`, on the repository's pipelines and committed reports.
@Suite struct ReportTests {
    /// A project with the pipelines, every data set and the committed Reports/.
    func projectWithReports() throws -> String {
        let root = try makeProject()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Data/cdnow", withIntermediateDirectories: true)
        try fm.copyItem(atPath: packageRoot + "/Data/cdnow/sample.csv", toPath: root + "/Data/cdnow/sample.csv")
        try fm.copyItem(
            atPath: packageRoot + "/Data/sample/retail-lines.csv", toPath: root + "/Data/sample/retail-lines.csv")
        try fm.copyItem(atPath: packageRoot + "/Reports", toPath: root + "/Reports")
        return root
    }

    func files(_ dir: String) throws -> [String: Data] {
        var out = [String: Data]()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return out
    }

    @Test func committedReportsAreCurrentAndCheckFailsAfterAParameterChange() async throws {
        let root = try projectWithReports()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = try await patron("check", "--all", in: root)
        #expect(
            check.status == 0,
            "committed Reports/ are stale; run `make run`, `patron run cdnow-ltv` and `patron run retail-lines`, then commit Reports/\n\(check.stdout)\(check.stderr)"
        )
        #expect(check.stdout.contains("customer-health: Reports/customer-health is up to date"))
        #expect(check.stdout.contains("cdnow-ltv: Reports/cdnow-ltv is up to date"))
        #expect(check.stdout.contains("retail-lines: Reports/retail-lines is up to date"))

        // A parameter change alters the report: check exits 3 naming the files and lines.
        let path = root + "/Pipelines/customer-health.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(of: "horizon_weeks: 52", with: "horizon_weeks: 26").write(
            toFile: path, atomically: true, encoding: .utf8)
        let stale = try await patron("check", "customer-health", in: root)
        #expect(stale.status == 3, "\(stale.stdout)\(stale.stderr)")
        #expect(stale.stdout.contains("customer-health: Reports/customer-health is stale:"))
        #expect(stale.stdout.contains("Reports/customer-health/summary.md: differs"))
        #expect(stale.stdout.contains("Reports/customer-health/customers.csv: differs"))
        // A line diff: the old horizon goes, the new one comes, and nothing else is listed
        // around them as changed.
        let removed = try #require(stale.stdout.range(of: ": - | horizon | `52` |"))
        let added = try #require(stale.stdout.range(of: ": + | horizon | `26` |"))
        #expect(removed.lowerBound < added.lowerBound)
        #expect(!stale.stdout.contains(": - ## ") && !stale.stdout.contains(": + ## "))
        #expect(stale.stdout.contains("to update: patron run customer-health"))
        // The committed files are untouched by check; a run brings them up to date.
        #expect(try files(root + "/Reports/customer-health") == files(packageRoot + "/Reports/customer-health"))
        let run = try await patron("run", "customer-health", in: root)
        #expect(run.status == 0)
        #expect(run.stderr.contains("report wrote: Reports/customer-health/index.html"))
        let fresh = try await patron("check", "customer-health", in: root)
        #expect(fresh.status == 0, "\(fresh.stdout)")
        let usage = try await patron("check", in: root)
        #expect(usage.status == 2)
    }

    /// `clean.monthly` holds the kept lines by month (lines and revenue add up to the kept
    /// table's), and the run record counts the distinct orders kept, which the report shows.
    @Test func cleanCountsOrdersAndMonths() async throws {
        let root = try projectWithReports()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try await patron("run", "retail-lines", "--quiet", in: root).status == 0)
        func csv(_ target: String) async throws -> [[String]] {
            let shown = try await patron("show", "retail-lines", target, "--format", "csv", in: root)
            #expect(shown.status == 0, "\(shown.stderr)")
            return shown.stdout.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let monthly = try await csv("clean.monthly")
        #expect(monthly.first == ["month", "lines", "revenue", "first_day", "last_day"])
        let months = monthly.dropFirst()
        #expect(months.count == 13)
        #expect(months.first?[0] == "2010-12-01" && months.first?[3] == "2010-12-01")
        #expect(months.last?[0] == "2011-12-01" && months.last?[4] == "2011-12-09")
        let kept = try await csv("clean")
        let header = try #require(kept.first)
        let order = try #require(header.firstIndex(of: "order_id")),
            amount = try #require(header.firstIndex(of: "amount"))
        #expect(months.reduce(0) { $0 + Int($1[1])! } == kept.count - 1)
        let revenue = kept.dropFirst().reduce(0.0) { $0 + Double($1[amount])! }
        #expect(abs(months.reduce(0.0) { $0 + Double($1[2])! } - revenue) < 0.005)
        let orders = Set(kept.dropFirst().map { $0[order] }).count
        #expect(orders == 1_837)
        let summary = try String(contentsOfFile: root + "/Reports/retail-lines/summary.md", encoding: .utf8)
        #expect(summary.contains("| Orders | 1\u{202F}837 |") && summary.contains("| Order lines | 12\u{202F}851 |"))
    }

    @Test func sameBytesForTwoRunsAndAnyJobs() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let one = try await patron("run", "customer-health", "-j", "1", "--cache-dir", "c1", in: root)
        #expect(one.status == 0, "\(one.stderr)")
        let first = try files(root + "/Reports/customer-health")
        #expect(Set(first.keys) == ["index.html", "summary.md", "customers.csv"])
        try FileManager.default.removeItem(atPath: root + "/Reports")
        let two = try await patron("run", "customer-health", "-j", "2", "--cache-dir", "c2", in: root)
        #expect(two.status == 0)
        #expect(try files(root + "/Reports/customer-health") == first)
        let again = try await patron(
            "run", "customer-health", "--force", "--only", "report", "--cache-dir", "c2", in: root)
        #expect(again.status == 0)
        #expect(try files(root + "/Reports/customer-health") == first)
        // --stamp adds when and how long; without it nothing in the report depends on the run.
        let stamped = try await patron(
            "run", "customer-health", "--force", "--only", "report", "--stamp", "--cache-dir", "c2", in: root)
        #expect(stamped.status == 0)
        let html = String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/Reports/customer-health/index.html")),
            as: UTF8.self)
        #expect(html.contains("This run (<code>--stamp</code>)"))
        #expect(!String(decoding: first["index.html"]!, as: UTF8.self).contains("--stamp"))
    }

    @Test func reportIsSelfContainedAndEveryChartIsLabelled() throws {
        for name in ["customer-health", "cdnow-ltv"] {
            let html = try String(contentsOfFile: packageRoot + "/Reports/\(name)/index.html", encoding: .utf8)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(name) refers to the network")
            #expect(!html.contains(packageRoot), "\(name) holds an absolute path")
            let charts = html.components(separatedBy: "<svg class=\"chart\"").dropFirst()
            #expect(charts.count >= 8, "\(name) has \(charts.count) charts")
            for chart in charts {
                let svg = String(chart[..<chart.range(of: "</svg>")!.lowerBound])
                #expect(svg.contains("<title>") && svg.contains("class=\"chart-title\""))
                if !svg.contains("data-kind=\"diagram\"") {
                    #expect(
                        svg.components(separatedBy: "class=\"axis-label\"").count - 1 == 2,
                        "a chart without two axis labels: \(svg.prefix(200))")
                }
            }
            for section in ["Overview", "Customers"] { #expect(html.contains("<h2>\(section)</h2>")) }
            let csv = try String(contentsOfFile: packageRoot + "/Reports/\(name)/customers.csv", encoding: .utf8)
            #expect(csv.hasPrefix("customer_id,segment,rfm_score,cluster,p_alive,expected_purchases,clv"))
        }
        let summary = try String(contentsOfFile: packageRoot + "/Reports/cdnow-ltv/summary.md", encoding: .utf8)
        // The published BG/NBD estimates, as the report prints them.
        for figure in [
            "| bg-nbd | r | 0.24259 |", "| bg-nbd | alpha | 4.4136 |", "| bg-nbd | a | 0.79292 |",
            "| bg-nbd | b | 2.4259 |",
        ] {
            #expect(summary.contains(figure), "\(figure) not in summary.md")
        }
    }

    @Test func editedReportMakesTheStageStale() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try await patron("run", "customer-health", in: root)
        try "edited".write(toFile: root + "/Reports/customer-health/summary.md", atomically: true, encoding: .utf8)
        let status = try await patron("status", "customer-health", in: root)
        #expect(status.stdout.contains("output Reports/customer-health/summary.md is not what the stage wrote"))
        let run = try await patron("run", "customer-health", in: root)
        #expect(run.stderr.contains("1 ran, 7 from cache"))
        #expect(
            try String(contentsOfFile: root + "/Reports/customer-health/summary.md", encoding: .utf8).hasPrefix(
                "# customer-health"))
        // Notes are in the report, so a notes edit reruns the report and nothing else.
        let path = root + "/Pipelines/customer-health.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(of: "k chosen by silhouette.", with: "k chosen by the silhouette.").write(
            toFile: path, atomically: true, encoding: .utf8)
        let afterNotes = try await patron("run", "customer-health", in: root)
        #expect(afterNotes.stderr.contains("1 ran, 7 from cache"))
        #expect(
            try String(contentsOfFile: root + "/Reports/customer-health/index.html", encoding: .utf8).contains(
                "k chosen by the silhouette."))
        // The files the report just wrote are remembered by stat with their hashes, so the
        // next run's check of them reads nothing.
        let memo =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: root + "/.patron/statcache.json"))) as? [String: Any]
        for name in ["index.html", "summary.md", "customers.csv"] {
            #expect(
                memo?.keys.contains { $0.hasSuffix("/Reports/customer-health/" + name) } == true,
                "\(name) is not in the stat memo")
        }
    }
}

@Suite struct ReportTemplateTests {
    /// An analyst's own template: its variables are filled, an edit reruns the report, and a
    /// mistake names the file and the variables there are.
    @Test func customTemplateIsUsedAndItsMistakesAreNamed() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Templates", withIntermediateDirectories: true)
        let template = root + "/Templates/plain.html"
        try
            "<html><head><title>{{title}}</title><style>{{{style}}}</style></head><body><h1>Our shop: {{title}}</h1>{{{body}}}<p>{{footer}}</p><script>{{{script}}}</script></body></html>"
            .write(toFile: template, atomically: true, encoding: .utf8)
        let path = root + "/Pipelines/customer-health.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(
            of: "with: {out: Reports/customer-health}",
            with: "with: {out: Reports/customer-health, template: Templates/plain.html, title: Monday}"
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await patron("run", "customer-health", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: root + "/Reports/customer-health/index.html", encoding: .utf8)
        #expect(html.hasPrefix("<html><head><title>Monday</title>"))
        #expect(html.contains("<h1>Our shop: Monday</h1>") && html.contains("<svg class=\"chart\""))
        try "<h1>{{titel}}</h1>".write(toFile: template, atomically: true, encoding: .utf8)
        let broken = try await patron("run", "customer-health", in: root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Templates/plain.html: '{{titel}}' is not a report variable; the variables are"))
        #expect(broken.stderr.contains("1 ran, 7 from cache") || broken.stderr.contains("0 ran, 7 from cache"))
    }

    @Test func outputMustStayInsideTheProject() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/Pipelines/customer-health.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try yaml.replacingOccurrences(of: "with: {out: Reports/customer-health}", with: "with: {out: ../elsewhere}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await patron("run", "customer-health", in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'out' must stay inside the project"))
    }
}

@Suite struct ReportEscapingTests {
    /// Data is never markup: hostile customer ids and comments go through the whole pipeline
    /// and come out escaped in the page, which then loads without a request or a script.
    @Test func hostileStringsAreEscaped() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let orders = root + "/Data/sample/orders.csv"
        var csv = try String(contentsOfFile: orders, encoding: .utf8)
        let hostile = "<script>alert('id')</script>"
        for (i, day) in ["2025-06-20", "2025-06-21", "2025-06-22"].enumerated() {
            csv +=
                "\(hostile),O9999999\(i),\(day),500.00,EUR,NL,\"<img src=x onerror=alert(1)> Slechte kwaliteit, na twee dagen kapot. <script>alert(2)</script> & </td></table> Vreselijk, nooit meer!!!\"\n"
        }
        // The comment must be among the report's 20 most negative, where it shows escaped: in
        // Dutch, as the sample's most negative comments are, it scores about −0.975 against a
        // cut-off near −0.947 (sentiment module version 7).
        try csv.write(toFile: orders, atomically: true, encoding: .utf8)
        let run = try await patron("run", "customer-health", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: root + "/Reports/customer-health/index.html", encoding: .utf8)
        #expect(
            html.contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;")
                || html.contains("&lt;script&gt;alert('id')&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; Slechte kwaliteit"))
        #expect(!html.contains("<img") && !html.contains("<script>alert") && !html.contains("</td></table>"))
        let customers = try String(contentsOfFile: root + "/Reports/customer-health/customers.csv", encoding: .utf8)
        #expect(customers.contains("\n\(hostile),"))
        if let browser = chromium {
            let output = try await runProcess(
                ProcessInfo.processInfo.environment["PATRON_PYTHON"] ?? "/usr/bin/python3",
                [
                    packageRoot + "/Tests/browser/check_page.py", browser, root + "/Reports/customer-health/index.html",
                    root + "/shot.png",
                ])
            let result = try #require(
                try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
            #expect((result["errors"] as? [String]) == [], "\(result)")
            #expect((result["requests"] as? [String]) == [], "\(result)")
        }
    }
}
