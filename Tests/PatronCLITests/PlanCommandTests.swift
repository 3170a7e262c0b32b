import Foundation
import Testing

/// `patron plan`: the plan as data, for a scheduler (issue 20).
@Suite struct PlanCommandTests {
    func plan(_ arguments: String..., in root: String) async throws -> [String: Any] {
        let done = try await PatronProcess(["plan", "customer-health", "--json"] + arguments, in: root).finish()
        #expect(done.status == 0, "\(done.stderr)")
        return try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as! [String: Any]
    }

    @Test func planSaysWhatWouldRunAndInWhichJobs() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try await plan(in: root)
        let stages = first["stages"] as! [[String: Any]]
        #expect(stages.count == 8)
        #expect(stages.allSatisfy { $0["status"] as? String == "stale" && ($0["key"] as? String)?.count == 64 })
        let groups = first["groups"] as! [[String: Any]]
        #expect(groups.count == 1, "a small pipeline is one job")
        #expect((groups[0]["stages"] as! [String]).count == 8)
        // Nothing ran: plan writes no state and no cache entry.
        #expect(!FileManager.default.fileExists(atPath: root + "/.patron/state/customer-health.json"))
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: root + "/.patron/cache")) ?? []
        #expect(cached.filter { $0 != "tmp" }.isEmpty)

        let ran = try await patron("run", "customer-health", "--quiet", in: root)
        #expect(ran.status == 0, "\(ran.stderr)")
        let after = try await plan(in: root)
        #expect((after["groups"] as! [Any]).isEmpty)
        let keys = Dictionary(
            uniqueKeysWithValues: (after["stages"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["key"] as! String)
            })
        #expect(keys == Dictionary(uniqueKeysWithValues: stages.map { ($0["id"] as! String, $0["key"] as! String) }))

        let changed = try await plan("--param", "horizon_weeks=26", in: root)
        let stale = (changed["stages"] as! [[String: Any]]).filter { $0["status"] as? String == "stale" }
        #expect(stale.map { $0["id"] as! String } == ["ltv", "report"])
        #expect((stale[0]["reasons"] as! [String]).joined().contains("horizon"))
        #expect(((changed["groups"] as! [[String: Any]])[0]["stages"] as! [String]) == ["ltv", "report"])
    }
}
