import Foundation
import PatronStages
import PatronTable
import Testing

@testable import PatronPipeline

/// The exact-duplicate rule leaves out provenance columns — `source_line`, and what a `shell`
/// stage declares — and is never silently off: a `shell` stage that keeps the source line
/// under another name must say so, or cleaning fails saying why.
@Suite struct ProvenanceTests {
    static func pipeline(shellProvenance: String) -> String {
        """
        pipeline: prov
        stages:
          orders:
            use: ingest.csv
            with:
              path: Data/orders.csv
              columns: {customer_id: string, order_id: string, order_date: date, amount: decimal}
          renamed:
            use: shell
            inputs: [orders]
            with:
              command: "sed '1s/source_line/line/' \\"$PATRON_INPUT\\" > \\"$PATRON_OUTPUT\\""
              columns: {customer_id: string, order_id: string, order_date: date, amount: decimal, line: int}
              \(shellProvenance)
          direct:
            use: clean.transactions
            inputs: [orders]
            with: {returns: net}
          clean:
            use: clean.transactions
            inputs: [renamed]
            with: {returns: net}
        """
    }

    static func project() throws -> TempProject {
        let project = try TempProject()
        try project.write(
            "Data/orders.csv",
            try String(contentsOfFile: packageRootPath + "/Data/sample/orders.csv", encoding: .utf8))
        return project
    }

    @Test func aRenamedSourceLineDeclaredAsProvenanceKeepsDuplicatesFound() async throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Pipelines/prov.yaml", Self.pipeline(shellProvenance: "provenance: [line]"))
        let summary = try await project.run("prov")
        #expect(summary.succeeded, "\(summary.record.stages.compactMap(\.error))")
        let counts = { (id: String) in summary.record.stages.first { $0.id == id }?.counts ?? [:] }
        let direct = counts("direct")["rejected: duplicate"] ?? 0
        #expect(direct > 0)
        #expect(counts("clean")["rejected: duplicate"] == direct)
        // Rejects name the file's lines, from the declared column.
        let runner = try Runner(project: project.project, registry: BuiltinModules.registry)
        let a = try runner.table("direct", port: "rejects", of: summary)
        let b = try runner.table("clean", port: "rejects", of: summary)
        #expect(a["line"]?.storage == b["line"]?.storage)
    }

    @Test func anUndeclaredRowNumberFailsInsteadOfSwitchingDuplicatesOff() async throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Pipelines/prov.yaml", Self.pipeline(shellProvenance: ""))
        let summary = try await project.run("prov")
        let clean = summary.record.stages.first { $0.id == "clean" }
        #expect(clean?.status == .failed)
        #expect(clean?.error?.contains("column 'line' numbers the rows") == true, "\(clean?.error ?? "")")
        #expect(clean?.error?.contains("provenance: [line]") == true)
    }
}
