import Foundation
import PatronReport
import PatronStages
import PatronTable
import Testing

@testable import PatronPipeline

/// The README's worked example of adding a module: `churn.flag` (two files and a registry
/// line) gets its own report section and a `customers.csv` column without the report stage
/// knowing its name.
@Suite struct ChurnFlagTests {
    static let pipeline = TempProject.datedOrdersPipeline(
        "churn", returns: "net",
        then: """
              rfm:
                use: segment.rfm
                inputs: [clean]
              ltv:
                use: ltv
                inputs: [clean]
              at_risk:
                use: churn.flag
                inputs: [ltv]
                with: {threshold: 0.5}
              report:
                use: report
                inputs: [rfm, at_risk]
                with: {out: Reports/churn, top: 5}
            """)

    @Test func flagsCustomersAndContributesToTheReport() async throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write(
            "Data/orders.csv",
            try String(contentsOfFile: packageRootPath + "/Data/sample/orders.csv", encoding: .utf8))
        try project.write("Pipelines/churn.yaml", Self.pipeline)
        let summary = try await project.run("churn")
        #expect(summary.succeeded, "\(summary.record.stages.compactMap(\.error))")
        let runner = try Runner(project: project.project, registry: BuiltinModules.registry)

        // Flagged exactly where P(alive) < 0.5, every ltv customer once.
        let ltv = try runner.table("ltv", of: summary)
        let flagged = try runner.table("at_risk", of: summary)
        #expect(flagged.names == ["customer_id", "p_alive", "at_risk", "clv"])
        #expect(flagged.rowCount == ltv.rowCount)
        guard case .bool(let flags)? = flagged["at_risk"]?.storage, let alive = ltv["p_alive"]?.doubles else {
            Issue.record("at_risk is not a bool column")
            return
        }
        #expect(flags == alive.map { $0 < 0.5 })
        let atRisk = flags.count { $0 }
        #expect(atRisk > 0 && atRisk < flags.count, "a threshold of 0.5 should flag some customers, not all")
        let record = try #require(summary.record.stages.first { $0.id == "at_risk" })
        #expect(record.counts?["at_risk"] == atRisk)

        // The report has its section and its column, with the same customers flagged.
        let folder = project.root + "/Reports/churn"
        let markdown = try String(contentsOfFile: folder + "/summary.md", encoding: .utf8)
        #expect(markdown.contains("## at_risk"))
        #expect(markdown.contains("`churn.flag` version 1"))
        #expect(markdown.contains("\(Format.grouped(atRisk)) of \(Format.grouped(flags.count)) customers"))
        let csv = try String(contentsOfFile: folder + "/customers.csv", encoding: .utf8).split(separator: "\n")
        // (ltv is upstream of the report through at_risk, so its columns come too.)
        #expect(csv.first == "customer_id,segment,rfm_score,p_alive,expected_purchases,clv,at_risk")
        let flaggedIDs = Set(
            csv.dropFirst().filter { $0.hasSuffix(",1") }.map { String($0.split(separator: ",")[0]) })
        let ids = try #require(flagged.strings("customer_id"))
        #expect(flaggedIDs == Set(flags.indices.filter { flags[$0] }.map { ids[$0] }))
        let html = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(html.contains("Customers at risk with the most clv"))
    }

    @Test func aThresholdOutsideZeroToOneIsRefused() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write(
            "Pipelines/churn.yaml", Self.pipeline.replacingOccurrences(of: "threshold: 0.5", with: "threshold: 3"))
        #expect(throws: PipelineError.self) { _ = try project.project.plan("churn", registry: BuiltinModules.registry) }
        do {
            _ = try project.project.plan("churn", registry: BuiltinModules.registry)
        } catch {
            #expect("\(error)".contains("stage 'at_risk': 'threshold' is a probability between 0 and 1, got 3"))
        }
    }

    /// The report stage's code names no module: what it says of a stage comes from the stage's
    /// module (`ReportContributing`).
    @Test func theReportStageNamesNoModule() throws {
        let folder = packageRootPath + "/Sources/PatronStages/Report"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let code = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for name in BuiltinModules.registry.names where name != "report" {
                #expect(!code.contains("\"\(name)\""), "Report/\(file) names the module \(name)")
            }
        }
    }
}

extension Table {
    fileprivate func strings(_ name: String) -> StringBuffer? {
        if case .string(let s)? = self[name]?.storage { return s }
        return nil
    }
}

/// The repository's root, from this file's path.
let packageRootPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
