import Foundation
import PatronTable
import Testing

/// A small seeded generator (SplitMix64), so a failing kill schedule can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite(.serialized) struct CrashSafetyTests {
    /// A pipeline whose second stage signals it has started, then sleeps.
    let slowPipeline = """
        pipeline: slow
        params: {pause: 30}
        stages:
          orders:
            use: ingest.csv
            with: {path: Data/sample/orders.csv}
          nap:
            use: shell
            inputs: [orders]
            with: {command: "touch started; sleep ${pause}; cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\""}
        """

    func waitFor(_ path: String, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !FileManager.default.fileExists(atPath: path) {
            guard Date() < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func secondRunExitsSeventyFiveOrWaits() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The holder keeps the lock until the test creates `release`.
        try writeFile(
            root + "/Pipelines/hold.yaml",
            """
            pipeline: hold
            stages:
              wait_for_release:
                use: shell
                with: {command: "touch started; while [ ! -f release ]; do sleep 0.05; done; printf 'x\\n1\\n' > \\"$PATRON_OUTPUT\\""}
            """)
        let holder = try PatronProcess(["run", "hold"], in: root)
        let exited = AsyncStream<Int32>.makeStream()
        try holder.start {
            exited.continuation.yield($0)
            exited.continuation.finish()
        }
        try await waitFor(root + "/started")
        let busy = try await patron("run", "customer-health", in: root)
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("holds .patron/lock"))
        let waiter = try PatronProcess(["run", "customer-health", "--wait"], in: root)
        let waiterExited = AsyncStream<Int32>.makeStream()
        try waiter.start {
            waiterExited.continuation.yield($0)
            waiterExited.continuation.finish()
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(waiter.process.isRunning)  // queued behind the holder
        _ = FileManager.default.createFile(atPath: root + "/release", contents: nil)
        var waitedStatus: Int32 = -1
        for await s in waiterExited.stream { waitedStatus = s }
        let waited = waiter.collect(waitedStatus)
        #expect(waited.status == 0)
        var holderStatus: Int32 = -1
        for await s in exited.stream { holderStatus = s }
        #expect(holderStatus == 0)
    }

    @Test func killedRunLeavesNoPartialEntryAndRerunRecovers() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(root + "/Pipelines/slow.yaml", slowPipeline)
        // Kill at several moments: during ingest, while writing the cache, during the command.
        for delay in [0.0, 0.05, 0.1, 0.2, 0.4] {
            let run = try PatronProcess(["run", "slow", "--force"], in: root)
            let exited = AsyncStream<Int32>.makeStream()
            try run.start {
                exited.continuation.yield($0)
                exited.continuation.finish()
            }
            try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            kill(run.process.processIdentifier, SIGKILL)
            for await _ in exited.stream {}
            _ = run.collect(0)
            try checkCacheIsWhole(root)
        }
        // The lock died with its holder; the rerun cleans up and completes.
        let rerun = try await patron("run", "slow", "--param", "pause=0", in: root)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try checkCacheIsWhole(root)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: root + "/.patron/cache/tmp")) ?? []).isEmpty)
        let second = try await patron("run", "slow", "--param", "pause=0", in: root)
        #expect(second.stderr.contains("0 ran, 2 from cache"))
    }

    /// SIGKILL at random moments of `patron run customer-health` (cold runs, forced reruns and
    /// resumed ones), `PATRON_KILLS` times (12 here; `make fuzz` runs 60): after every kill
    /// the cache holds only whole entries, and the run after the last kill completes with
    /// reports and cached tables byte-identical to a run never interrupted.
    @Test func killedAtRandomMomentsTheNextRunCompletesIdentically() async throws {
        let kills = Int(ProcessInfo.processInfo.environment["PATRON_KILLS"] ?? "") ?? 12
        let reference = try makeProject()
        let killed = try makeProject()
        defer {
            try? FileManager.default.removeItem(atPath: reference)
            try? FileManager.default.removeItem(atPath: killed)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let clean = try await patron("run", "customer-health", in: reference)
        #expect(clean.status == 0, "\(clean.stderr)")
        let runSeconds =
            Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)

        let seed = UInt64(ProcessInfo.processInfo.environment["PATRON_KILL_SEED"] ?? "") ?? 20261130
        var generator = SplitMix(seed: seed)
        var finishedBeforeKill = 0
        for round in 0..<kills {
            // Every third round resumes what earlier rounds left; the others force a full rerun.
            let arguments = round % 3 == 2 ? ["run", "customer-health"] : ["run", "customer-health", "--force"]
            let run = try PatronProcess(arguments, in: killed)
            let exited = AsyncStream<Int32>.makeStream()
            try run.start {
                exited.continuation.yield($0)
                exited.continuation.finish()
            }
            let delay = Double(generator.next() % 1_000) / 1_000 * runSeconds * 1.2
            try await Task.sleep(for: .milliseconds(Int(delay * 1_000)))
            kill(run.process.processIdentifier, SIGKILL)
            var status: Int32 = -1
            for await s in exited.stream { status = s }
            if status == 0 { finishedBeforeKill += 1 }
            _ = run.collect(status)
            try checkCacheIsWhole(killed)
        }
        let final = try await patron("run", "customer-health", in: killed)
        #expect(final.status == 0, "after \(kills) kills (PATRON_KILL_SEED=\(seed)): \(final.stderr)")
        #expect(finishedBeforeKill < kills, "every run finished before its kill: the loop tested nothing")

        // Same reports, and the same bytes in every cache entry the pipeline uses now.
        let report = "/Reports/customer-health"
        for name in try FileManager.default.contentsOfDirectory(atPath: reference + report) {
            #expect(
                FileManager.default.contents(atPath: killed + report + "/" + name)
                    == FileManager.default.contents(atPath: reference + report + "/" + name), "\(name) differs")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: killed + report).sorted()
                == FileManager.default.contentsOfDirectory(atPath: reference + report).sorted())
        let status = try await patron("status", "customer-health", in: killed)
        #expect(!status.stdout.contains("stale"), "\(status.stdout)")
        let cache = "/.patron/cache"
        for shard in try FileManager.default.contentsOfDirectory(atPath: reference + cache) where shard.count == 2 {
            for key in try FileManager.default.contentsOfDirectory(atPath: reference + cache + "/" + shard) {
                let folder = cache + "/" + shard + "/" + key
                for file in try FileManager.default.contentsOfDirectory(atPath: reference + folder)
                where file.hasSuffix(".arrow") {
                    #expect(
                        FileManager.default.contents(atPath: killed + folder + "/" + file)
                            == FileManager.default.contents(atPath: reference + folder + "/" + file),
                        "cache entry \(key.prefix(12))/\(file) differs or is missing")
                }
            }
        }
    }

    /// Every entry folder in the cache has its metadata and readable tables.
    func checkCacheIsWhole(_ root: String) throws {
        let cache = root + "/.patron/cache"
        let fm = FileManager.default
        for shard in (try? fm.contentsOfDirectory(atPath: cache)) ?? [] where shard.count == 2 {
            for key in try fm.contentsOfDirectory(atPath: "\(cache)/\(shard)") {
                let entry = "\(cache)/\(shard)/\(key)"
                #expect(fm.fileExists(atPath: entry + "/meta.json"), "entry \(key) has no meta.json")
                for file in try fm.contentsOfDirectory(atPath: entry) where file.hasSuffix(".arrow") {
                    #expect(throws: Never.self) { _ = try ArrowIPC.read(path: entry + "/" + file) }
                }
                // Sizes and checksums as stored (the check every read makes).
                let meta =
                    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: entry + "/meta.json")))
                    as? [String: Any]
                for port in meta?["ports"] as? [[String: Any]] ?? [] {
                    let name = port["name"] as? String ?? ""
                    let bytes = fm.contents(atPath: entry + "/" + name + ".arrow")
                    #expect(
                        bytes?.count == port["bytes"] as? Int,
                        "entry \(key.prefix(12)) \(name).arrow has the wrong size")
                }
            }
        }
    }
}
