import Foundation
import PatronStages
import PatronSupport
import Testing

@testable import PatronPipeline

/// Cache keys cannot go stale: every module's output on a small fixture is pinned here
/// together with the versions that are part of its cache key (`Engine.version` and the
/// module's own). A change that alters an output must bump one of them — the module's
/// version for its own code, `Engine.version` for shared code (CSV reader, tables, Arrow) —
/// or cached outputs of the old code would be served as if current. When this test fails:
/// bump the right version, then replace the pin with the hash the failure prints. (A change
/// of the fixture itself — the pipeline below, or the first 2 000 lines of the sample shop's
/// orders — also changes outputs: then re-pin without a bump.)
@Suite struct OutputPinTests {
    /// "engine E · module@version" → SHA-256 over the stage's cached Arrow files, port by port.
    static let pins: [String: String] = [
        "engine 2 · ingest.csv@3": "efe2e0b7a5e05324d17a6d5723c9705bd522aa9ef5325ad7f1b0c8c15ea2ea5b",
        "engine 2 · clean.transactions@1": "d033a491c76df811316eac655a61a315134a05426236847b7ce635686df0ef5b",
        "engine 2 · shell@2": "18137f309c782577903eea4d2b19715dea8b2d99e4548acfba4f58a6b129b125",
        "engine 2 · segment.rfm@1": "81a783030ed8109adb6307c51236db1aacdc9a531856a9b85ebb694d84b663e5",
        "engine 2 · segment.kmeans@2": "77f8b06b66893d8cd3fbd83013e13b776a0ceb52f8662f0dc1e8841f8aa64403",
        "engine 2 · ltv@6": "19e3b6fea9c2a765abb827e9225d5322bd74f6a2fd8dbd832a1499965b74ebaf",
        "engine 2 · sentiment@1.be64098e9f5d": "2211c0f0ea169dd08adbae51a7f5e8d984dde3e83a70ba254223e1a0f30d262d",
        "engine 2 · churn.flag@1": "ec6fbcf4f83dd1c4b3183ad003025ce37c80af26991c133d7da28fd16a01925b",
        "engine 2 · report@2": "7b99d78ef726e3998d564fcd030b545efa1dc4cba797bbfb68a25cd9fc7d045d",
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
            let pin = "engine \(Engine.version) · \(stage.spec.name)@\(stage.spec.version)"
            seen.insert(stage.spec.name)
            let actual = hasher.finalize().hex
            guard let expected = Self.pins[pin] else {
                Issue.record(
                    "no pin for \(pin): if its version was bumped on purpose, pin the new output: \"\(pin)\": \"\(actual)\""
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
