import Foundation
import Synchronization
import Testing

/// `patron run --executor slurm` and `patron export slurm` against a real single-node Slurm
/// cluster (issue 20). `make test-slurm` starts one (Tests/Slurm/cluster.sh) and runs these
/// with SLURM_CONF and PATRON_TEST_SLURM=1; without PATRON_TEST_SLURM they are skipped (the
/// cluster a developer's SLURM_CONF names is not for tests), with it they need the cluster.
@Suite(.serialized) struct SlurmTests {
    static let environment = ProcessInfo.processInfo.environment
    static let wanted = environment["PATRON_TEST_SLURM"] == "1"
    static let available =
        wanted && (environment["SLURM_CONF"].map { FileManager.default.fileExists(atPath: $0) } ?? false)
    /// The driver looks at the queue every 0.3 s here (2 s by default).
    static let fast = ["PATRON_SLURM_POLL": "0.3"]

    @Test func aClusterIsThereWhenRequired() {
        if Self.wanted {
            #expect(
                Self.available, "PATRON_TEST_SLURM=1 but SLURM_CONF names no slurm.conf: start Tests/Slurm/cluster.sh")
        }
    }

    @Test(.enabled(if: available)) func aPipelineRunsOnSlurmAsItRunsHere() async throws {
        let root = try makeProject()
        let shared = NSTemporaryDirectory() + "patron-shared-\(UUID().uuidString)"
        defer { for dir in [root, shared] { try? FileManager.default.removeItem(atPath: dir) } }

        let run = try await patron(
            "run", "customer-health", "--executor", "slurm", "--cache-dir", shared, in: root, environment: Self.fast)
        #expect(run.status == 0, "\(run.stderr)")
        let record = try onlyRunRecord(root)
        let jobs = record["clusterJobs"] as? [[String: Any]] ?? []
        let stages = record["stages"] as! [[String: Any]]
        #expect(!jobs.isEmpty && jobs.count < stages.count, "\(jobs.count) jobs for \(stages.count) stages")
        #expect(stages.allSatisfy { $0["status"] as? String == "ran" })
        expectCommittedReport(in: root)
        #expect(try await liveJobs(jobs.compactMap { $0["id"] as? String }).isEmpty)

        // Nothing changed: nothing is submitted.
        let again = try await patron(
            "run", "customer-health", "--executor", "slurm", "--cache-dir", shared, in: root, environment: Self.fast)
        #expect(again.status == 0, "\(again.stderr)")
        #expect((again.stdout + again.stderr).contains("nothing to submit"), "\(again.stdout)")
        #expect(try latestRunRecord(root)["clusterJobs"] == nil)

        // A new horizon: only ltv and the report run, in jobs of their own.
        let horizon = try await patron(
            "run", "customer-health", "--executor", "slurm", "--cache-dir", shared, "--param", "horizon_weeks=26",
            in: root, environment: Self.fast)
        #expect(horizon.status == 0, "\(horizon.stderr)")
        let third = try latestRunRecord(root)
        let ran = (third["stages"] as! [[String: Any]]).filter { $0["status"] as? String == "ran" }.map {
            $0["id"] as! String
        }
        #expect(ran == ["ltv", "report"])
        let submitted = (third["clusterJobs"] as? [[String: Any]] ?? []).flatMap { $0["stages"] as! [String] }
        #expect(submitted == ["ltv", "report"])
    }

    static let failing = """
        pipeline: fails
        stages:
          orders:
            use: ingest.csv
            with: {path: Data/sample/orders.csv}
          broken:
            use: shell
            inputs: [orders]
            with: {command: "echo 'no such column: spend' >&2; exit 1"}
          fine:
            use: shell
            inputs: [orders]
            with: {command: "printf 'x\\\\n1\\\\n' > \\"$PATRON_OUTPUT\\""}
          after_one:
            use: shell
            inputs: [broken]
            with: {command: "printf 'x\\\\n1\\\\n' > \\"$PATRON_OUTPUT\\""}
          after_two:
            use: shell
            inputs: [broken]
            with: {command: "printf 'x\\\\n2\\\\n' > \\"$PATRON_OUTPUT\\""}
        """

    @Test(.enabled(if: available)) func aFailingStageFailsTheRunAndItsDependantsNeverRun() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(root + "/Pipelines/fails.yaml", Self.failing)
        // --fuse-under 0: every stage after orders is a job of its own, so Slurm itself must
        // keep the failed job's dependants from running.
        let run = try await patron(
            "run", "fails", "--executor", "slurm", "--fuse-under", "0", in: root, environment: Self.fast)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken") && run.stderr.contains("no such column: spend"), "\(run.stderr)")
        let record = try onlyRunRecord(root)
        let status = Dictionary(
            uniqueKeysWithValues: (record["stages"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["status"] as! String)
            })
        #expect(
            status == [
                "orders": "ran", "broken": "failed", "fine": "ran", "after_one": "skipped", "after_two": "skipped",
            ])
        #expect((record["clusterJobs"] as! [[String: Any]]).count == 5)
        // No entry for the failed stage, and nothing half-written.
        let key = (record["stages"] as! [[String: Any]]).first { $0["id"] as? String == "broken" }!["key"] as! String
        #expect(!FileManager.default.fileExists(atPath: "\(root)/.patron/cache/\(key.prefix(2))/\(key)"))
        let leftovers = FileManager.default.enumerator(atPath: root + "/.patron/cache")!.compactMap { $0 as? String }
            .filter { $0.contains("tmp/") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let ids = (record["clusterJobs"] as! [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(try await liveJobs(ids).isEmpty)
    }

    @Test(.enabled(if: available)) func sigtermCancelsTheJobsAndTheNextRunCompletes() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The nap's length is read from a file the key does not cover: the rerun is quick.
        try writeFile(
            root + "/Pipelines/naps.yaml",
            Self.ordersThen(
                "naps", stage: "nap",
                command: #"sleep $(cat nap.txt 2>/dev/null || echo 0); printf 'x\\n1\\n' > \"$PATRON_OUTPUT\""#))
        try writeFile(root + "/nap.txt", "60")
        let driver = try PatronProcess(
            ["run", "naps", "--executor", "slurm"], in: root, environment: Self.fast)
        let ended = Mutex<Int32?>(nil)
        try driver.start { status in ended.withLock { $0 = status } }
        // Wait until the job runs, and orders is done (the nap is under way).
        let running = try await waitFor(seconds: 30) {
            let out = try await sh("squeue -h -n patron:naps:1 -o %T")
            return out.stdout.contains("RUNNING") && FileManager.default.fileExists(atPath: root + "/.patron/logs")
        }
        #expect(running, "the job never ran")
        let id = try await sh("squeue -h -n patron:naps:1 -o %i").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try await Task.sleep(for: .milliseconds(500))
        kill(driver.process.processIdentifier, SIGTERM)
        let stopped = try await waitFor(seconds: 15) { ended.withLock { $0 } != nil }
        #expect(stopped, "the driver did not stop")
        let result = driver.collect(ended.withLock { $0 } ?? -1)
        #expect(result.status == 143, "\(result.stderr)")
        #expect(result.stderr.contains("cancelled Slurm job"), "\(result.stderr)")
        let gone = try await waitFor(seconds: 20) { try await liveJobs([id]).isEmpty }
        #expect(gone, "job \(id) is still in the queue")
        #expect(try latestRunRecord(root)["outcome"] as? String == "interrupted")

        try writeFile(root + "/nap.txt", "0")
        let next = try await patron("run", "naps", "--executor", "slurm", in: root, environment: Self.fast)
        #expect(next.status == 0, "\(next.stderr)")
    }

    @Test(.enabled(if: available)) func aTaskWhoseInputChangedAfterSubmissionExits2() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Submitted held; the orders file changes before the job may start.
        let driver = try PatronProcess(
            ["run", "customer-health", "--executor", "slurm", "--sbatch-args=--hold"], in: root,
            environment: Self.fast)
        let ended = Mutex<Int32?>(nil)
        try driver.start { status in ended.withLock { $0 = status } }
        let held = try await waitFor(seconds: 30) {
            try await sh("squeue -h -n patron:customer-health:1 -o %T").stdout.contains("PENDING")
        }
        #expect(held)
        let orders = root + "/Data/sample/orders.csv"
        let handle = try #require(FileHandle(forWritingAtPath: orders))
        handle.seekToEndOfFile()
        handle.write(Data("C9999,O99999,2025-06-01,10.00,EUR,SE,\n".utf8))
        try handle.close()
        let id = try await sh("squeue -h -n patron:customer-health:1 -o %i").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await sh("scontrol release \(id)")
        let done = try await waitFor(seconds: 60) { ended.withLock { $0 } != nil }
        #expect(done)
        let result = driver.collect(ended.withLock { $0 } ?? -1)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("changed after the run was submitted"), "\(result.stderr)")
        #expect(try onlyRunRecord(root)["outcome"] as? String == "failed")
    }

    @Test(.enabled(if: available)) func pipelinesOfOneJobEachGoOutAsAThrottledJobArray() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for market in ["se", "nl", "pl"] {
            try writeFile(
                root + "/Pipelines/\(market).yaml",
                Self.ordersThen(
                    market, stage: "count", command: #"printf 'market,n\\n\#(market),1\\n' > \"$PATRON_OUTPUT\""#))
        }
        let run = try await patron(
            "run", "se", "nl", "pl", "--executor", "slurm", "--max-jobs", "2", in: root, environment: Self.fast)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("element 2 of Slurm job array"), "\(run.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs")
        #expect(runs.count == 3)
        let tasks = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/tasks")
        let script = try String(contentsOfFile: "\(root)/.patron/tasks/\(tasks[0])/array.sh", encoding: .utf8)
        #expect(script.contains("2) number=3;"))
        for market in ["se", "nl", "pl"] {
            let shown = try await patron("show", market, "count", "--format", "csv", in: root)
            #expect(shown.stdout == "market,n\n\(market),1\n", "\(shown.stderr)")
        }
    }

    @Test(.enabled(if: available)) func aParamSweepIsAJobArrayWithARunRecordPerValue() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/Pipelines/customer-health.yaml"
        try writeFile(
            file,
            try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
                of: "with: {out: Reports/customer-health}", with: #"with: {out: "Reports/health-${horizon_weeks}"}"#))
        let run = try await patron(
            "run", "customer-health", "--executor", "slurm", "--param", "horizon_weeks=26", "--param",
            "horizon_weeks=52", "--max-jobs", "1", in: root, environment: Self.fast)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("element 1 of Slurm job array"), "\(run.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs").sorted()
        #expect(runs.count == 2 && runs[0].hasSuffix("-customer-health-1.json"))
        var ran = [[String]]()
        for name in runs {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/.patron/runs/" + name))
            let record = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            ran.append(
                (record["stages"] as! [[String: Any]]).filter { $0["status"] as? String == "ran" }.map {
                    $0["id"] as! String
                })
            #expect((record["params"] as? [String])?.count == 1)
        }
        // One combination at a time (%1): the second found what does not depend on the horizon.
        #expect(ran.map(\.count).sorted() == [2, 8], "\(ran)")
        // The 52-week report is the committed one, in its own folder.
        let made = FileManager.default.contents(atPath: "\(root)/Reports/health-52/index.html")
        #expect(made == FileManager.default.contents(atPath: "\(packageRoot)/Reports/customer-health/index.html"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/Reports/health-26/index.html"))
    }

    @Test(.enabled(if: available)) func aDetachedRunIsRecordedByItsLastJob() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try await patron(
            "run", "customer-health", "--executor", "slurm", "--detach", "--fuse-under", "0", in: root,
            environment: Self.fast)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("not waiting (--detach)"), "\(run.stderr)")
        let meanwhile = try await patron("status", "customer-health", in: root)
        #expect(meanwhile.stdout.contains("is not recorded yet"), "\(meanwhile.stdout)")
        let recorded = try await waitFor(seconds: 120) {
            try await sh("squeue -h -n patron:customer-health:record -o %i").stdout.isEmpty
                && FileManager.default.fileExists(atPath: root + "/.patron/runs")
        }
        #expect(recorded)
        let record = try onlyRunRecord(root)
        #expect(record["outcome"] as? String == "success")
        #expect((record["clusterJobs"] as? [[String: Any]])?.count == 6)
        // From submission to the last job, not the recording job's own moment.
        #expect((record["seconds"] as? Double ?? 0) > 1, "\(record["seconds"] ?? "")")
        let made = FileManager.default.contents(atPath: "\(root)/Reports/customer-health/index.html")
        #expect(made == FileManager.default.contents(atPath: "\(packageRoot)/Reports/customer-health/index.html"))
        let status = try await patron("status", "customer-health", in: root)
        #expect(status.stdout.contains("8 of 8 stages fresh"), "\(status.stdout)")
        #expect(!status.stdout.contains("not recorded yet"), "\(status.stdout)")
    }

    @Test(.enabled(if: available)) func anExportedScriptMakesTheSameReport() async throws {
        let root = try makeProject()
        let shared = NSTemporaryDirectory() + "patron-shared-\(UUID().uuidString)"
        defer { for dir in [root, shared] { try? FileManager.default.removeItem(atPath: dir) } }
        let export = try await patron(
            "export", "slurm", "customer-health", "--cache-dir", shared, "-o", "slurm/run.sh", in: root)
        #expect(export.status == 0, "\(export.stderr)")
        let submitted = try await sh("cd \(root) && bash slurm/run.sh")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let ids =
            submitted.stdout.split(separator: "jobs ").last?.split(separator: "(").first?
            .split(separator: " ").map(String.init) ?? []
        #expect(ids.count >= 2, "\(submitted.stdout)")
        let finished = try await waitFor(seconds: 120) { try await liveJobs(ids).isEmpty }
        #expect(finished)
        expectCommittedReport(in: root)
        let status = try await patron("status", "customer-health", "--cache-dir", shared, in: root)
        #expect(status.stdout.contains("8 of 8 stages fresh"), "\(status.stdout)")
    }

    // MARK: helpers

    /// A pipeline reading the sample orders, then one shell stage running `command` (as the
    /// YAML file says it, in double quotes).
    static func ordersThen(_ pipeline: String, stage: String, command: String) -> String {
        """
        pipeline: \(pipeline)
        stages:
          orders:
            use: ingest.csv
            with: {path: Data/sample/orders.csv}
          \(stage):
            use: shell
            inputs: [orders]
            with: {command: "\(command)"}
        """
    }

    /// The customer-health report made in `root` is the committed one, byte for byte.
    func expectCommittedReport(in root: String) {
        for file in ["index.html", "summary.md", "customers.csv"] {
            let made = FileManager.default.contents(atPath: "\(root)/Reports/customer-health/\(file)")
            let committed = FileManager.default.contents(atPath: "\(packageRoot)/Reports/customer-health/\(file)")
            #expect(made != nil && made == committed, "\(file) differs from the committed report")
        }
    }

    /// Jobs among `ids` still pending or running (squeue without --states shows only those).
    func liveJobs(_ ids: [String]) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let out = try await sh("squeue -h -j \(ids.joined(separator: ",")) -o %i 2>/dev/null")
        return out.stdout.split(separator: "\n").map(String.init)
    }

    func onlyRunRecord(_ root: String) throws -> [String: Any] {
        let runs = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs")
        #expect(runs.count == 1, "\(runs)")
        return try latestRunRecord(root)
    }

    func latestRunRecord(_ root: String) throws -> [String: Any] {
        let runs = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs").sorted()
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/.patron/runs/" + runs.last!))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

/// Runs `command` with /bin/sh and waits for it (through the termination handler).
func sh(_ command: String) async throws -> Finished {
    try await PatronProcess(["sh", "-c", command], in: NSTemporaryDirectory(), executable: "/bin/sh").finish()
}

/// Polls `condition` every 200 ms for up to `seconds`; whether it came true.
func waitFor(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(200))
    }
    return try await condition()
}
