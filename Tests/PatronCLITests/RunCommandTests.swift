import Foundation
import PatronTable
import Testing

@Suite struct RunCommandTests {
    @Test func defaultPipelineRunsThenIsFresh() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try await patron("run", "customer-health", in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("customer-health: done"))
        #expect(first.stderr.contains("8 ran, 0 from cache"))
        #expect(first.stderr.contains(".patron/cache/"))
        let second = try await patron("run", "customer-health", "--quiet", in: root + "/Data")
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty)
        let again = try await patron("run", "customer-health", in: root)
        #expect(again.stderr.contains("0 ran, 8 from cache"))
        let status = try await patron("status", "customer-health", in: root)
        #expect(status.stdout.contains("8 of 8 stages fresh"))
        // Every ingested row is kept or rejected.
        let shown = try await patron("show", "customer-health", "orders", "--head", "3", in: root)
        #expect(shown.stdout.contains("orders: "))
        let rejects = try await patron(
            "show", "customer-health", "orders.rejects", "--format", "csv", "--head", "1000", in: root)
        #expect(rejects.stdout.hasPrefix("line,reason,raw\n"))
        #expect(rejects.stdout.contains("cannot read 'n/a' as a decimal number"))
        let records = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs").sorted()
        #expect(records.count == 3)
        // Row accounting through the pipeline: ingest keeps or rejects every data row,
        // clean keeps or rejects every ingested row.
        let record =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: root + "/.patron/runs/" + records[0]))) as! [String: Any]
        let stages = Dictionary(
            uniqueKeysWithValues: (record["stages"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        let orders = stages["orders"]!["rows"] as! [String: Int], clean = stages["clean"]!["rows"] as! [String: Int]
        // Records as Python's csv module reads the file: exactly the rows kept and rejected.
        let counted = try await csvRecords(root + "/Data/sample/orders.csv")
        #expect(orders["main"]! + orders["rejects"]! == counted.records)
        #expect(counted.blank == 0)
        #expect(clean["main"]! + clean["rejects"]! == orders["main"]!)
        let cleanRejects = try await patron(
            "show", "customer-health", "clean.rejects", "--format", "csv", "--head", "100000", in: root)
        #expect(cleanRejects.stdout.contains("exact duplicate of line"))
        #expect(cleanRejects.stdout.contains("return netted with the earlier purchase"))
        let rfm = try await patron("show", "customer-health", "rfm", "--head", "3", in: root)
        #expect(rfm.stdout.contains("rfm_score (string)") && rfm.stdout.contains("segment (string)"))
        let summary = try await patron("show", "customer-health", "rfm.summary", "--format", "json", in: root)
        let segments = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as! [[String: Any]]
        #expect(
            segments.map { $0["customers"] as! Int }.reduce(0, +) == (stages["rfm"]!["rows"] as! [String: Int])["main"]!
        )
        let selection = try await patron("show", "customer-health", "clusters.selection", "--format", "json", in: root)
        let ks = try JSONSerialization.jsonObject(with: Data(selection.stdout.utf8)) as! [[String: Any]]
        #expect(ks.map { $0["k"] as! Int } == Array(2...8))
        #expect(ks.filter { $0["chosen"] as! Bool }.count == 1)
    }

    @Test func exitCodesForUsageAndPipelineErrors() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(root + "/Pipelines/broken.yaml", "pipeline: broken\nstages:\n  a:\n    use: nosuch.module\n")
        let broken = try await patron("run", "broken", in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("Pipelines/broken.yaml:4:10: stage 'a': unknown module 'nosuch.module'"))
        let unknown = try await patron("run", "nope", in: root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no pipeline 'nope'"))
        let badParam = try await patron("run", "customer-health", "--param", "nope=1", in: root)
        #expect(badParam.status == 2)
        let badFlag = try await patron("run", "customer-health", "--jobs-typo", in: root)
        #expect(badFlag.status == 2)
        let noProject = try await patron("list", in: "/")
        #expect(noProject.status == 2)
        #expect(noProject.stderr.contains("no Patron project here"))
    }

    @Test func failingStageExitsOneAndNamesIt() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(
            root + "/Pipelines/fails.yaml",
            """
            pipeline: fails
            stages:
              boom:
                use: shell
                with: {command: "echo 'disk quota exceeded' >&2; exit 4"}
            """)
        let result = try await patron("run", "fails", "--log-format", "json", in: root)
        #expect(result.status == 1)
        let events = result.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(!events.isEmpty)
        let failed = events.first { $0["event"] as? String == "stage_failed" }
        #expect((failed?["error"] as? String)?.contains("disk quota exceeded") == true)
        #expect(events.last?["outcome"] as? String == "failed")
    }

    @Test func jobsGiveIdenticalBytes() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let one = try await patron("run", "customer-health", "-j", "1", "--cache-dir", "c1", in: root)
        let two = try await patron("run", "customer-health", "-j4", "--cache-dir", "c4", in: root)
        #expect(one.status == 0 && two.status == 0)
        func arrowFiles(_ dir: String) throws -> [String: Data] {
            var out = [String: Data]()
            let base = root + "/" + dir
            for path in FileManager.default.enumerator(atPath: base)!.compactMap({ $0 as? String })
            where path.hasSuffix(".arrow") {
                out[path] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + path))
            }
            return out
        }
        let a = try arrowFiles("c1"), b = try arrowFiles("c4")
        #expect(a.count == 16)  // every port of the eight stages (the report's is its manifest)
        #expect(a == b)
    }

    @Test func exportShowDagListModules() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try await patron("run", "customer-health", in: root)
        let csv = try await patron("export", "customer-health", "revenue_by_country", "-o", root + "/r.csv", in: root)
        #expect(csv.status == 0)
        let text = try String(contentsOfFile: root + "/r.csv", encoding: .utf8)
        #expect(text.hasPrefix("country,currency,orders,revenue\nDE,EUR,"))
        _ = try await patron("export", "customer-health", "orders", "-o", root + "/o.arrow", in: root)
        let table = try ArrowIPC.read(path: root + "/o.arrow")
        #expect(
            table.names == [
                "customer_id", "order_id", "order_date", "amount", "currency", "country", "feedback", "source_line",
            ])
        #expect(table.rowCount > 9000)
        let json = try await patron("show", "customer-health", "orders", "--format", "json", "--head", "2", in: root)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 2)
        #expect(rows?[0]["order_date"] as? String == "2023-01-01")
        // csv and json print every row unless --head says otherwise; the table is a preview.
        let all = try await patron("show", "customer-health", "orders", "--format", "csv", in: root)
        #expect(all.stdout.split(separator: "\n").count > 9_000)
        let everyRow = try await patron("show", "customer-health", "orders", "--format", "json", in: root)
        #expect(
            (try JSONSerialization.jsonObject(with: Data(everyRow.stdout.utf8)) as? [[String: Any]])?.count
                == table.rowCount)
        let preview = try await patron("show", "customer-health", "orders", in: root)
        #expect(preview.stdout.contains("more rows (--head N)"))
        let dag = try await patron("dag", "customer-health", in: root)
        #expect(dag.stdout.contains("orders --> clean") && dag.stdout.contains("clean --> rfm"))
        let dot = try await patron("dag", "customer-health", "--format", "dot", in: root)
        #expect(dot.stdout.contains("\"orders\" -> \"clean\""))
        let list = try await patron("list", in: root)
        #expect(list.stdout.contains("customer-health"))
        let modules = try await patron("modules", in: root)
        #expect(modules.stdout.contains("ingest.csv") && modules.stdout.contains("max_reject_ratio"))
        let dry = try await patron(
            "run", "customer-health", "--dry-run", "--param", "orders_file=Data/sample/other.csv", in: root)
        #expect(dry.status == 1)
        #expect(dry.stderr.contains("cannot run"))
        let gc = try await patron("gc", "--keep-runs", "1", in: root)
        #expect(gc.status == 0)
        #expect(gc.stdout.contains("kept 8"))
    }

    @Test func sampleIsDeterministicAndMatchesTheCommittedFile() async throws {
        let dir = NSTemporaryDirectory() + "patron-sample-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try await patron("sample", "-o", dir + "/a.csv", "--customers", "3000", "--seed", "1", in: dir)
        #expect(made.status == 0)
        let committed = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Data/sample/orders.csv"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.csv")) == committed)
        _ = try await patron("sample", "-o", dir + "/b.csv", "--customers", "3000", "--seed", "2", in: dir)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/b.csv")) != committed)
    }
}

@Suite struct CDNOWTests {
    /// The real data: the CDNOW sample is cleaned, scored, clustered and its lifetime value
    /// fitted without error, every row accounted for, and the published estimates come out.
    @Test func cdnowPipelineEndToEnd() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Data/cdnow", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: packageRoot + "/Data/cdnow/sample.csv", toPath: root + "/Data/cdnow/sample.csv")
        let run = try await patron("run", "cdnow-ltv", "--log-format", "json", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let finished = run.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        .filter { $0["event"] as? String == "stage_finished" }
        let rows = Dictionary(uniqueKeysWithValues: finished.map { ($0["stage"] as! String, $0["rows"] as! Int) })
        #expect(rows["orders"] == 6_919)
        #expect(rows["rfm"]! > 2_300 && rows["rfm"]! <= 2_357)
        #expect(rows["clusters"] == rows["rfm"])
        #expect(rows["ltv"] == 2_357)
        let rejects = try await patron(
            "show", "cdnow-ltv", "clean.rejects", "--format", "csv", "--head", "1000", in: root)
        let lines = rejects.stdout.split(separator: "\n").dropFirst()
        #expect(rows["clean"]! + lines.count == 6_919)
        #expect(lines.allSatisfy { $0.contains("zero amount") || $0.contains("exact duplicate of line") })
        let summary = try await patron("show", "cdnow-ltv", "rfm.summary", "--format", "json", in: root)
        let segments = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as! [[String: Any]]
        #expect(segments.map { $0["customers"] as! Int }.reduce(0, +) == rows["rfm"]!)
        #expect((segments.first { $0["segment"] as? String == "Other" }?["customers"] as? Int) == 0)
        let params = try await patron("show", "cdnow-ltv", "ltv.params", "--format", "json", in: root)
        let table = try JSONSerialization.jsonObject(with: Data(params.stdout.utf8)) as! [[String: Any]]
        func value(_ model: String, _ name: String) -> Double {
            table.first { $0["model"] as? String == model && $0["name"] as? String == name }?["value"] as? Double
                ?? .nan
        }
        #expect(abs(value("bg-nbd", "r") - 0.2426) < 0.00005)
        #expect(abs(value("bg-nbd", "alpha") - 4.414) < 0.0005)
        #expect(abs(value("bg-nbd", "log_likelihood") - -9582.43) < 0.005)
        #expect(abs(value("gamma-gamma", "q") - 3.74) < 0.005)
        let ltv = try await patron("show", "cdnow-ltv", "ltv", "--format", "csv", "--head", "5000", in: root)
        #expect(!ltv.stdout.contains("nan") && !ltv.stdout.contains("inf"))
        // The 39-week holdout: every customer in one frequency group, tracking rises.
        let evaluation = try await patron(
            "show", "cdnow-ltv", "ltv.evaluation", "--format", "json", "--head", "1000", in: root)
        let rowsOut = try JSONSerialization.jsonObject(with: Data(evaluation.stdout.utf8)) as! [[String: Any]]
        #expect(
            rowsOut.filter { $0["kind"] as? String == "by_frequency" }.map { $0["customers"] as! Int }.reduce(0, +)
                == 2_357)
        let tracked = rowsOut.filter { $0["kind"] as? String == "tracking" }.map { $0["actual"] as! Double }
        #expect(tracked.count == 39 && tracked == tracked.sorted())
        // The same pipeline with Pareto/NBD: a param away.
        let pnbd = try await patron(
            "run", "cdnow-ltv", "--only", "ltv", "--param", "model=pareto-nbd", "--quiet", in: root)
        #expect(pnbd.status == 0, "\(pnbd.stderr)")
        let pparams = try await patron(
            "show", "cdnow-ltv", "ltv.params", "--format", "csv", "--param", "model=pareto-nbd", in: root)
        #expect(pparams.stdout.contains("pareto-nbd,r,0.553"))
        #expect(pparams.stdout.contains("pareto-nbd,log_likelihood,-9594.97"))
    }
}

@Suite struct SimulationRecoveryTests {
    /// `patron sample` simulates BG/NBD purchases (r 0.9, α 15, a 0.8, b 2.4 per week) and
    /// Gamma-Gamma spend (p 6.25, q 3.74, γ 15.44 in euros); fitting them back recovers the
    /// purchase parameters within three standard errors.
    @Test func ltvRecoversTheSimulatedParameters() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try await patron(
            "sample", "-o", root + "/Data/sim.csv", "--customers", "200000", "--seed", "11", in: root)
        #expect(made.status == 0)
        try writeFile(
            root + "/Pipelines/sim.yaml",
            """
            pipeline: sim
            stages:
              orders:
                use: ingest.csv
                with: {path: Data/sim.csv, columns: {customer_id: string, order_date: date, amount: decimal, currency: string}}
              ltv:
                use: ltv
                inputs: [orders]
                with: {observation_end: 2025-06-30, spend: none}
            """)
        let run = try await patron("run", "sim", "--quiet", in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let params = try await patron("show", "sim", "ltv.params", "--format", "json", in: root)
        let rows = try JSONSerialization.jsonObject(with: Data(params.stdout.utf8)) as! [[String: Any]]
        for (name, truth) in [("r", 0.9), ("alpha", 15.0), ("a", 0.8), ("b", 2.4)] {
            let row = rows.first { $0["name"] as? String == name }!
            let value = row["value"] as! Double, se = row["std_error"] as! Double
            #expect(abs(value - truth) <= 3 * se, "\(name): \(value) ± \(se), simulated with \(truth)")
        }
    }
}

/// A CSV file's data records and blank lines (no field, or one of only spaces and tabs) after
/// the header, as Python's csv module reads them: an independent count for "nothing is lost".
func csvRecords(_ path: String) async throws -> (records: Int, blank: Int) {
    let script = """
        import csv, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        blank = sum(1 for r in rows if not r or (len(r) == 1 and r[0].strip(" \\t") == ""))
        print(len(rows) - blank, blank)
        """
    let output = try await runProcess(
        ProcessInfo.processInfo.environment["PATRON_PYTHON"] ?? "/usr/bin/python3", ["-c", script, path])
    let numbers = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard numbers.count == 2 else { throw CSVCountFailed(output: output) }
    return (numbers[0], numbers[1])
}

struct CSVCountFailed: Error, CustomStringConvertible {
    var output: String
    var description: String { "Python's csv count printed: \(output)" }
}
