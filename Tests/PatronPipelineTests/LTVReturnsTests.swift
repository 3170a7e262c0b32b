import Foundation
import PatronStages
import PatronTable
import Testing

@testable import PatronPipeline

/// With `returns: keep` upstream, negative amounts reach `ltv`: they are not purchases —
/// counted and said (params, counts), never repeat purchases or spend.
@Suite struct LTVReturnsTests {
    static func texts(_ table: Table, _ name: String) -> [String] {
        guard let column = table[name] else { return [] }
        return (0..<column.count).map { ValueFormat.format(column, $0) }
    }

    static func pipeline(_ returns: String) -> String {
        TempProject.datedOrdersPipeline(
            "kept", returns: returns,
            then: """
                  ltv:
                    use: ltv
                    inputs: [clean]
                """)
    }

    /// Customer A: two purchases and a later refund; B: only a refund; C, D: plain buyers.
    static let orders = """
        customer_id,order_date,amount
        A,2024-01-05,40
        A,2024-03-01,60
        A,2024-04-01,-60
        B,2024-02-01,-25
        C,2024-01-10,30
        C,2024-02-20,50
        C,2024-05-02,20
        D,2024-01-15,80
        D,2024-06-01,70
        E,2024-03-03,90
        """

    @Test func returnsAreCountedAndSaidNotAveragedIntoSpend() async throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("Data/orders.csv", Self.orders + "\n")
        try project.write("Pipelines/kept.yaml", Self.pipeline("keep"))
        let summary = try await project.run("kept")
        #expect(summary.succeeded, "\(summary.record.stages.compactMap(\.error))")
        let runner = try Runner(project: project.project, registry: BuiltinModules.registry)
        let ltv = try runner.table("ltv", of: summary)
        // B bought nothing: not a customer of the model.
        #expect(Self.texts(ltv, "customer_id") == ["A", "C", "D", "E"])
        // A's frequency and spend are its two purchases: 1 repeat, mean repeat spend 60.
        #expect(ltv["frequency"]?.doubles == [1, 2, 1, 0])
        #expect(ltv["monetary_value"]?.doubles?.first == 60)
        let params = try runner.table("ltv", port: "params", of: summary)
        let names = Self.texts(params, "name")
        let row = try #require(names.firstIndex(of: "negative_amounts"))
        #expect(params["value"]?.doubles?[row] == 2)
        #expect(ValueFormat.format(params["note"]!, row).contains("-85 in all"))
        #expect(summary.record.stages.first { $0.id == "ltv" }?.counts?["negative_amounts"] == 2)

        // Netted upstream, nothing negative arrives and nothing is said.
        try project.write("Pipelines/kept.yaml", Self.pipeline("net"))
        let netted = try await project.run("kept")
        let nettedParams = try runner.table("ltv", port: "params", of: netted)
        #expect(!Self.texts(nettedParams, "name").contains("negative_amounts"))
    }
}
