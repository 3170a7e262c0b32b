import Foundation
import PatronStages
import PatronSupport
import Testing

@testable import PatronPipeline

/// Cache keys cannot go stale: every module's output on a small fixture is pinned here
/// together with the versions that are part of its cache key (`Engine.version` and the
/// module's own). A change that alters an output must bump one of them — the module's
/// version for its own code, `Engine.version` for shared code (CSV reader, tables, Arrow) —
/// or cached outputs of the old code would be served as if current. A pin's key holds the
/// versions of the module and of every module upstream of it in the fixture (their outputs are
/// its input). When this test fails:
/// bump the right version, then replace the pin with the hash the failure prints. (A change
/// of the fixture itself — the pipeline below, or the first 2 000 lines of the sample shop's
/// orders — also changes outputs: then re-pin without a bump.)
@Suite struct OutputPinTests {
    /// "engine E · upstream@version → … → module@version" → SHA-256 over the stage's cached
    /// Arrow files, port by port.
    static let pins: [String: String] = [
        "engine 2 · ingest.csv@3 → clean.transactions@3 → ltv@7 → churn.flag@1":
            "efc70fc4a0d36af924a315c9b544d0686be0b62fe909f6bd1bd50345f33762fb",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → ltv@7":
            "208492101deed91cbfba9bceecf74e1c8c825ccddfca9d223d18c615e575db61",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → segment.rfm@2 → segment.kmeans@2 → ltv@7 → sentiment@41.fc351a102cb1 → churn.flag@1 → report@3":
            "5f1615fe1038be09d06ad4b93718d05dbd6a5641f487ca504ecc1aaaa393b8e2",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → segment.rfm@2 → segment.kmeans@2":
            "b257ae27395b1d8c4011eceabae36584951af11683b5ebd4ea04bc5f6df10e9d",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → segment.rfm@2":
            "3cbef16e87ad667b8513c0461757bcc0ee550de2f56541aaed4b3ebaaca6fda1",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → sentiment@41.fc351a102cb1":
            "93f9053859b898189d394ce977e3f0bc0d792a8a8a275a6ffec1e70de6565dce",
        "engine 2 · ingest.csv@3 → clean.transactions@3 → shell@2":
            "e17bd9290245fa2a9cc19320ecbc5d25b277d94fdb631958d5b9478882b63276",
        "engine 2 · ingest.csv@3 → clean.transactions@3":
            "ab211e43469538024fa8b03c4d62e841c0219f662cc36111063fbdd32d5eb767",
        "engine 2 · ingest.csv@3": "99aed25235a589eb28b3a5f585f70f9098842d155600771632c3015e584625b5",
    ]

    /// Every built-in module once, on the first 2 000 rows of the sample shop's orders.
    static let fixture = """
        pipeline: pins
        stages:
          orders:
            use: ingest.csv
            with:
              path: Data/orders.csv
              columns: {customer_id: string, order_id: string, order_date: date, amount: decimal,
                        currency: string, country: string, feedback: text}
          clean:
            use: clean.transactions
            inputs: [orders]
            with: {order_id: order_id, currency: currency, base_currency: EUR,
                   rates: {SEK: 0.087, PLN: 0.23, GBP: 1.17}, returns: net}
          copy:
            use: shell
            inputs: [clean]
            with: {command: "cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\"", select: [customer_id, amount]}
          rfm:
            use: segment.rfm
            inputs: [clean]
          clusters:
            use: segment.kmeans
            inputs: [rfm]
            with: {k: 3, n_init: 2}
          ltv:
            use: ltv
            inputs: [clean]
          sentiment:
            use: sentiment
            inputs: [clean]
          at_risk:
            use: churn.flag
            inputs: [ltv]
          report:
            use: report
            inputs: [rfm, clusters, ltv, sentiment, at_risk, clean.rejects]
            with: {out: Reports/pins}
        """

    @Test func everyModulesOutputIsPinnedWithItsVersions() async throws {
        let project = try TempProject()
        defer { project.remove() }
        let sample = try String(
            contentsOfFile: packageRoot + "/Data/sample/orders.csv", encoding: .utf8)
        try project.write(
            "Data/orders.csv",
            sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(2_001).joined(separator: "\n")
                + "\n")
        try project.write("Pipelines/pins.yaml", Self.fixture)
        let summary = try await project.run("pins")
        #expect(summary.succeeded, "\(summary.record.stages.compactMap(\.error))")
        let plan = try project.project.plan("pins", registry: BuiltinModules.registry)
        let cache = try LocalCacheStore(root: project.project.cacheDirectory)
        var seen = Set<String>()
        for stage in plan.stages {
            let key = try #require(summary.record.stages.first { $0.id == stage.id }?.key)
            var hasher = SHA256()
            for port in stage.ports {
                hasher.update(port + "=")
                hasher.update(Array(try Data(contentsOf: URL(fileURLWithPath: cache.portPath(key, port: port)))))
            }
            // The module's version and those of every module upstream of it: an output depends
            // on all of them (an upstream bump changes the input, hence the output).
            let upstream = plan.stages.filter { plan.upstream(of: stage.id).contains($0.id) }
            let pin =
                "engine \(Engine.version) · "
                + upstream.map { "\($0.spec.name)@\($0.spec.version)" }.joined(separator: " → ")
            seen.insert(stage.spec.name)
            let actual = hasher.finalize().hex
            guard let expected = Self.pins[pin] else {
                Issue.record(
                    "no pin for \(pin): if a version was bumped on purpose, pin the new output: \"\(pin)\": \"\(actual)\""
                )
                continue
            }
            #expect(
                actual == expected,
                "the output of \(stage.spec.name) changed but its versions did not (\(pin)): bump the module's version (or Engine.version for shared code), then pin \"\(actual)\""
            )
        }
        // Every built-in module is in the fixture.
        #expect(seen == Set(BuiltinModules.registry.names))
    }
}

private let packageRoot = packageRootPath
