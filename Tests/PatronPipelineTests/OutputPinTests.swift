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
        "engine 2 · ingest.csv@3": "efe2e0b7a5e05324d17a6d5723c9705bd522aa9ef5325ad7f1b0c8c15ea2ea5b",
        "engine 2 · ingest.csv@3 → clean.transactions@2":
            "45a02ca6a6a1a7b1ef5e6fa9516af4d741c1f984d5579502fc1b5f427208eb80",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → shell@2":
            "18f91c0af582ffa7a8640fddb7c17344e7a7b6a43774abe6a78d6122541c8736",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → segment.rfm@2":
            "9c83255c6082b2d38db6810cd41a34cad11e8bc5d2949bfcd2caf5abb01fad7f",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → segment.rfm@2 → segment.kmeans@2":
            "24f2f22c840763a9f628c5c0dc38eb9a72952174164fcd71ec9fd7b8eb9da917",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → ltv@6":
            "0beb3af85692490170f1d3c3d1befc8b54b4a570fe7d1bbb12beaab550abab8c",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → sentiment@1.be64098e9f5d":
            "aa709a1094aeb78439eb899e12b132add1e1c094509eba05eeb1f0d07ea33b55",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → ltv@6 → churn.flag@1":
            "4e44f17c88f85681cdb6fe6fe029ffee442064c41f6dbdc2f448507281dfefa4",
        "engine 2 · ingest.csv@3 → clean.transactions@2 → segment.rfm@2 → segment.kmeans@2 → ltv@6 → sentiment@1.be64098e9f5d → churn.flag@1 → report@2":
            "a0bf7fd945549c46c926a27efb8735bc64c462ffae58be91e095337ae6c91777",
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
