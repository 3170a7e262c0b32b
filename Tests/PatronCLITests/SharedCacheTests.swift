import Foundation
import Testing

/// Two projects on one cache folder (`PATRON_CACHE_DIR`), as on a shared file system.
@Suite struct SharedCacheRunTests {
    /// A run's start-up leaves alone the half-written entry of another live process (it used
    /// to delete it: the other run then failed with "cannot store the output in the cache"),
    /// and two projects running at the same time on one cache both succeed with the same report.
    @Test func twoProjectsShareOneCacheAtTheSameTime() async throws {
        let cache = NSTemporaryDirectory() + "patron-shared-cache-\(UUID().uuidString)"
        let a = try makeProject(), b = try makeProject()
        defer { for path in [cache, a, b] { try? FileManager.default.removeItem(atPath: path) } }
        let environment = ["PATRON_CACHE_DIR": cache]
        // Another run's temporary, as if mid-store: owned by a live process of this host.
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let host = String(String(cString: name).map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        let writing = "\(cache)/tmp/0123abcd.\(host).\(getpid()).7"
        try FileManager.default.createDirectory(atPath: writing, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: writing + "/main.arrow", contents: Data([1, 2, 3]))

        async let first = patron("run", "customer-health", "--quiet", in: a, environment: environment)
        async let second = patron("run", "customer-health", "--quiet", in: b, environment: environment)
        let (ranA, ranB) = try await (first, second)
        #expect(ranA.status == 0, "\(ranA.stderr)")
        #expect(ranB.status == 0, "\(ranB.stderr)")
        #expect(FileManager.default.fileExists(atPath: writing + "/main.arrow"), "a live run's temporary was removed")
        let reportA = try String(contentsOfFile: a + "/Reports/customer-health/summary.md", encoding: .utf8)
        let reportB = try String(contentsOfFile: b + "/Reports/customer-health/summary.md", encoding: .utf8)
        #expect(reportA == reportB)

        // B's own entries (another horizon), which A does not use; then gc in A keeps them.
        let sweep = try await patron(
            "run", "customer-health", "--quiet", "--param", "horizon_weeks=26", in: b, environment: environment)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        // Entries are CACHE/ab/abcdef…/: every entry folder under every shard.
        let entries = {
            let fm = FileManager.default
            return Set(
                try fm.contentsOfDirectory(atPath: cache).filter { $0 != "tmp" }.flatMap { shard in
                    try fm.contentsOfDirectory(atPath: cache + "/" + shard)
                })
        }
        let before = try entries()
        #expect(before.count > 8)
        let plain = try await patron("gc", in: a, environment: environment)
        #expect(plain.status == 0 && plain.stdout.contains("may be shared"), "\(plain.stdout)\(plain.stderr)")
        let byAge = try await patron("gc", "--older-than", "7d", in: a, environment: environment)
        #expect(byAge.status == 0, "\(byAge.stderr)")
        #expect(try entries() == before, "gc in one project removed entries another uses")
        let bad = try await patron("gc", "--older-than", "soon", in: a, environment: environment)
        #expect(bad.status == 64 || bad.status == 2, "\(bad.status)")
        #expect(bad.stderr.contains("7d"))
    }
}
