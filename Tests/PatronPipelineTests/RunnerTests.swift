import Foundation
import PatronStages
import PatronTable
import Testing

@testable import PatronPipeline

/// A throwaway project folder with a CSV and the pipelines a test writes.
struct TempProject {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("patron-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Pipelines", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Data", withIntermediateDirectories: true)
        try write("Data/orders.csv", "customer_id,amount\nc1,10.5\nc2,3\nc1,x\nc3,4.25\n")
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    var project: Project { try! Project(explicit: root) }

    /// A pipeline over a dated `Data/orders.csv` (customer_id, order_date, amount): `orders`,
    /// `clean` with `returns`, then the stages in `rest` (YAML, indented two spaces).
    static func datedOrdersPipeline(_ name: String, returns: String, then rest: String) -> String {
        """
        pipeline: \(name)
        stages:
          orders:
            use: ingest.csv
            with:
              path: Data/orders.csv
              columns: {customer_id: string, order_date: date, amount: decimal}
          clean:
            use: clean.transactions
            inputs: [orders]
            with: {returns: \(returns)}

        """ + rest
    }

    func run(
        _ pipeline: String, _ configure: (inout RunOptions) -> Void = { _ in }, overrides: [String: Value] = [:],
        cache: String? = nil
    ) async throws -> RunSummary {
        let project = try Project(explicit: root, cacheOverride: cache)
        let plan = try project.plan(pipeline, registry: BuiltinModules.registry, overrides: overrides)
        var options = RunOptions()
        options.jobs = 2
        configure(&options)
        let runner = Runner(
            project: project, registry: BuiltinModules.registry,
            cache: try LocalCacheStore(root: project.cacheDirectory),
            log: EventLog(quiet: true, interactive: false),
            hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
        return try await runner.run(plan, options: options)
    }

    func status(_ pipeline: String, overrides: [String: Value] = [:]) throws -> [String: StageStatus] {
        let project = self.project
        let plan = try project.plan(pipeline, registry: BuiltinModules.registry, overrides: overrides)
        let keys = plan.keys(project: project, hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
        return Dictionary(
            uniqueKeysWithValues: plan.statuses(
                keys: keys, cache: try LocalCacheStore(root: project.cacheDirectory),
                state: PipelineState.load(project, pipeline: pipeline)
            ).map { ($0.stage, $0.status) })
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension RunSummary {
    func status(_ id: String) -> String? { record.stages.first { $0.id == id }?.status.rawValue }
}

@Suite struct RunnerTests {
    let pipeline = """
        pipeline: p
        params: {ratio: 0.5, suffix: a}
        stages:
          orders:
            use: ingest.csv
            with: {path: Data/orders.csv, columns: {customer_id: string, amount: decimal}, max_reject_ratio: "${ratio}"}
          tagged:
            use: shell
            inputs: [orders]
            with: {command: "awk -F, 'NR==1{print $0\\",tag\\"} NR>1{print $0\\",${suffix}\\"}' \\"$PATRON_INPUT\\" > \\"$PATRON_OUTPUT\\""}
          rejects_copy:
            use: shell
            inputs: [orders.rejects]
            with: {command: "cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\""}
        """

    @Test func secondRunIsAllCacheHits() async throws {
        let p = try TempProject()
        defer { p.remove() }
        try p.write("Pipelines/p.yaml", pipeline)
        let first = try await p.run("p")
        #expect(first.succeeded)
        #expect(first.record.stages.map(\.status.rawValue) == ["ran", "ran", "ran"])
        #expect(first.record.stages[0].rows == ["main": 3, "rejects": 1])
        let second = try await p.run("p")
        #expect(second.record.stages.map(\.status.rawValue) == ["cached", "cached", "cached"])
        let cache = try LocalCacheStore(root: p.project.cacheDirectory)
        let tagged = try cache.load(second.record.stages[1].key!, port: "main")
        #expect(tagged.names == ["customer_id", "amount", "source_line", "tag"])
        #expect(tagged["tag"] == .string(["a", "a", "a"]))
        let rejects = try cache.load(second.record.stages[2].key!, port: "main")
        #expect(rejects["line"] == .int([4]))
    }

    @Test func invalidationIsExplained() async throws {
        let p = try TempProject()
        defer { p.remove() }
        try p.write("Pipelines/p.yaml", pipeline)
        _ = try await p.run("p")
        #expect(try p.status("p").values.allSatisfy(\.isFresh))

        // A param change reruns only the stage that uses it, and says which param.
        let changed = try p.status("p", overrides: ["suffix": .string("b")])
        #expect(changed["orders"]!.isFresh)
        #expect(changed["rejects_copy"]!.isFresh)
        guard case .stale(let reasons) = changed["tagged"]! else {
            Issue.record("tagged should be stale")
            return
        }
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("params changed: command"))
        let rerun = try await p.run("p", overrides: ["suffix": .string("b")])
        #expect(rerun.record.stages.map(\.status.rawValue) == ["cached", "ran", "cached"])

        // An input file's content change reruns everything downstream of it.
        try p.write("Data/orders.csv", "customer_id,amount\nc1,10.5\nc9,1\n")
        let afterEdit = try p.status("p", overrides: ["suffix": .string("b")])
        #expect(afterEdit["orders"] == .stale(reasons: ["input file changed: Data/orders.csv"]))
        #expect(afterEdit["tagged"] == .stale(reasons: ["input orders is stale and will rerun"]))
        let again = try await p.run("p", overrides: ["suffix": .string("b")])
        #expect(again.record.stages.map(\.status.rawValue) == ["ran", "ran", "ran"])
        #expect(again.record.stages[0].rows == ["main": 2, "rejects": 0])
        // An input swapped for another: the one no longer read is named as such, not as stale.
        try p.write("Data/orders.csv", "customer_id,amount\nc1,10.5\nc9,1\nc3,2\n")
        try p.write(
            "Pipelines/p.yaml", pipeline.replacingOccurrences(of: "inputs: [orders.rejects]", with: "inputs: [orders]"))
        let swapped = try p.status("p", overrides: ["suffix": .string("b")])
        #expect(
            swapped["rejects_copy"]
                == .stale(reasons: [
                    "now reads orders, which is stale and will rerun", "no longer reads orders.rejects",
                ]))
        try p.write("Pipelines/p.yaml", pipeline)
        try p.write("Data/orders.csv", "customer_id,amount\nc1,10.5\nc9,1\n")
        // Deleting the cache is explained too.
        try FileManager.default.removeItem(atPath: p.project.cacheDirectory)
        #expect(
            try p.status("p", overrides: ["suffix": .string("b")])["orders"]
                == .stale(reasons: ["cache entry missing (removed by gc or by hand)"]))
    }

    @Test func failureStopsNewStagesAndKeepGoingRunsIndependentOnes() async throws {
        let p = try TempProject()
        defer { p.remove() }
        try p.write(
            "Pipelines/f.yaml",
            """
            pipeline: f
            params: {code: 3}
            stages:
              bad:
                use: shell
                with: {command: "echo 'something broke' >&2; exit ${code}"}
              after_bad:
                use: shell
                inputs: [bad]
                with: {command: "cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\""}
              independent:
                use: shell
                with: {command: "printf 'x\\n1\\n' > \\"$PATRON_OUTPUT\\""}
            """)
        let stopped = try await p.run("f") { $0.jobs = 1 }
        #expect(!stopped.succeeded)
        #expect(stopped.status("bad") == "failed")
        #expect(stopped.status("after_bad") == "skipped")
        #expect(stopped.status("independent") == "skipped")
        let error = stopped.record.stages[0].error ?? ""
        #expect(error.contains("command exited with status 3"))
        #expect(error.contains("something broke"))

        let kept = try await p.run("f") {
            $0.jobs = 1
            $0.keepGoing = true
        }
        #expect(!kept.succeeded)
        #expect(kept.status("after_bad") == "skipped")
        #expect(kept.status("independent") == "ran")

        // Fixed: the rerun resumes, taking what finished from the cache.
        let resumed = try await p.run("f", overrides: ["code": .int(0)])
        #expect(resumed.succeeded == false)  // exit 0 but no output written
        #expect(resumed.record.stages[0].error?.contains("did not write its 'main' output") == true)
        #expect(resumed.status("independent") == "cached")
    }

    @Test func resumeAfterFailureRunsOnlyWhatIsLeft() async throws {
        let p = try TempProject()
        defer { p.remove() }
        try p.write(
            "Pipelines/r.yaml",
            """
            pipeline: r
            params: {fail: 1}
            stages:
              orders:
                use: ingest.csv
                with: {path: Data/orders.csv, columns: {customer_id: string}}
              step:
                use: shell
                inputs: [orders]
                with: {command: "test ${fail} = 0 && cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\""}
            """)
        let failed = try await p.run("r")
        #expect(failed.record.stages.map(\.status.rawValue) == ["ran", "failed"])
        let resumed = try await p.run("r", overrides: ["fail": .int(0)])
        #expect(resumed.record.stages.map(\.status.rawValue) == ["cached", "ran"])
    }

    @Test func onlyUsesCachedInputsAndSaysWhenThereAreNone() async throws {
        let p = try TempProject()
        defer { p.remove() }
        try p.write("Pipelines/p.yaml", pipeline)
        let cold = try await p.run("p") { $0.only = ["tagged"] }
        #expect(cold.status("tagged") == "failed")
        #expect(cold.record.stages[1].error?.contains("not in the cache") == true)
        _ = try await p.run("p")
        let only = try await p.run("p") {
            $0.only = ["tagged"]
            $0.force = true
        }
        #expect(only.record.stages.map(\.status.rawValue) == ["not-selected", "ran", "not-selected"])
        let from = try await p.run("p") {
            $0.from = "orders"
            $0.force = true
            $0.to = "tagged"
        }
        #expect(from.record.stages.map(\.status.rawValue) == ["ran", "ran", "not-selected"])
    }

    @Test func forceReplacesTheCachedOutput() async throws {
        let p = try TempProject()
        defer { p.remove() }
        // The command reads a file the cache key does not know about: only --force sees a change.
        try p.write("Data/external.txt", "1")
        try p.write(
            "Pipelines/x.yaml",
            """
            pipeline: x
            stages:
              outside:
                use: shell
                with: {command: "printf 'v\\n%s\\n' \\"$(cat Data/external.txt)\\" > \\"$PATRON_OUTPUT\\""}
            """)
        let first = try await p.run("x")
        try p.write("Data/external.txt", "2")
        let cached = try await p.run("x")
        #expect(cached.status("outside") == "cached")
        let forced = try await p.run("x") { $0.force = true }
        #expect(forced.status("outside") == "ran")
        #expect(first.record.stages[0].key == forced.record.stages[0].key)
        let table = try LocalCacheStore(root: p.project.cacheDirectory).load(forced.record.stages[0].key!, port: "main")
        #expect(table["v"] == .int([2]))
    }

    @Test func lockIsExclusiveAndReleasedWithItsHolder() throws {
        let p = try TempProject()
        defer { p.remove() }
        let path = p.root + "/lock"
        guard case .acquired(let first) = try RunLock.acquire(path: path, wait: false) else {
            Issue.record("first acquire")
            return
        }
        guard case .busy(let holder) = try RunLock.acquire(path: path, wait: false) else {
            Issue.record("second should be busy")
            return
        }
        #expect(holder == "pid \(getpid())")
        withExtendedLifetime(first) {}
        // `first` is released here; the lock is free again.
        _ = consume first
        guard case .acquired = try RunLock.acquire(path: path, wait: false) else {
            Issue.record("lock not released")
            return
        }
    }

    @Test func jobsDoNotChangeBytes() async throws {
        let p = try TempProject()
        defer { p.remove() }
        var csv = "customer_id,amount\n"
        for i in 0..<5000 { csv += "c\(i % 97),\(i).\(i % 100)\n" }
        try p.write("Data/orders.csv", csv)
        try p.write("Pipelines/p.yaml", pipeline)
        func files(_ summary: RunSummary, _ cache: String) throws -> [Data] {
            try summary.record.stages.flatMap { stage in
                try ["main", "rejects"].compactMap { port -> Data? in
                    let path = try LocalCacheStore(root: p.root + "/" + cache).portPath(stage.key!, port: port)
                    return FileManager.default.fileExists(atPath: path)
                        ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil
                }
            }
        }
        let one = try await p.run("p", { $0.jobs = 1 }, cache: "cache-j1")
        let many = try await p.run("p", { $0.jobs = 8 }, cache: "cache-j8")
        #expect(many.record.stages.map(\.status.rawValue) == ["ran", "ran", "ran"])
        let files1 = try files(one, "cache-j1"), files8 = try files(many, "cache-j8")
        #expect(files1.count == 4)
        #expect(one.record.stages.map(\.key) == many.record.stages.map(\.key))
        #expect(files1 == files8)
    }
}
