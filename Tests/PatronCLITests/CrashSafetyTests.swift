import Foundation
import PatronTable
import Testing

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
        try writeFile(root + "/Pipelines/hold.yaml", """
            pipeline: hold
            stages:
              wait_for_release:
                use: shell
                with: {command: "touch started; while [ ! -f release ]; do sleep 0.05; done; printf 'x\\n1\\n' > \\"$PATRON_OUTPUT\\""}
            """)
        let holder = try PatronProcess(["run", "hold"], in: root)
        let exited = AsyncStream<Int32>.makeStream()
        try holder.start { exited.continuation.yield($0); exited.continuation.finish() }
        try await waitFor(root + "/started")
        let busy = try await patron("run", "customer-health", in: root)
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("holds .patron/lock"))
        let waiter = try PatronProcess(["run", "customer-health", "--wait"], in: root)
        let waiterExited = AsyncStream<Int32>.makeStream()
        try waiter.start { waiterExited.continuation.yield($0); waiterExited.continuation.finish() }
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
            try run.start { exited.continuation.yield($0); exited.continuation.finish() }
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
            }
        }
    }
}
