import PatronStages
import Testing

@testable import PatronPipeline

/// How `patron plan` (and the Slurm driver) fuse the stages to run into jobs.
@Suite struct JobGroupTests {
    /// orders → clean → {rfm → clusters, ltv, sentiment} → report.
    static let plan: PipelinePlan = {
        let yaml = """
            pipeline: p
            stages:
              orders: {use: ingest.csv, with: {path: Data/orders.csv}}
              clean: {use: clean.transactions, inputs: [orders]}
              rfm: {use: segment.rfm, inputs: [clean]}
              clusters: {use: segment.kmeans, inputs: [rfm]}
              ltv: {use: ltv, inputs: [clean]}
              sentiment: {use: sentiment, inputs: [clean]}
              report: {use: report, inputs: [rfm, clusters, ltv, sentiment], with: {out: Reports/p}}
            """
        let file = try! PipelineFile.parse(yaml, path: "Pipelines/p.yaml")
        return try! PipelinePlan(file: file, registry: BuiltinModules.registry, projectRoot: "/project")
    }()

    static let all: Set<String> = ["orders", "clean", "rfm", "clusters", "ltv", "sentiment", "report"]

    @Test func aSmallPipelineIsOneJob() {
        let groups = Self.plan.jobGroups(toRun: Self.all) { _ in 5 }
        #expect(groups == [JobGroup(stages: Self.plan.stages.map(\.id), after: [], seconds: 35)])
        #expect(Self.plan.jobGroups(toRun: []) { _ in 5 }.isEmpty)
    }

    @Test func chainsAndSmallStagesJoinTheirUpstream() {
        let seconds: [String: Double] = [
            "orders": 60, "clean": 60, "rfm": 30, "clusters": 5, "ltv": 40, "sentiment": 50, "report": 2,
        ]
        let groups = Self.plan.jobGroups(toRun: Self.all) { seconds[$0]! }
        // orders → clean is a chain; rfm, ltv and sentiment are siblings and long: each its own
        // job after clean's; clusters (5 s) joins rfm; the report waits for four jobs, and is
        // small but has no single upstream, so it is a job of its own.
        #expect(
            groups.map(\.stages) == [["orders", "clean"], ["rfm", "clusters"], ["ltv"], ["sentiment"], ["report"]])
        #expect(groups.map(\.after) == [[], [0], [0], [0], [0, 1, 2, 3]])
        #expect(groups[1].seconds == 35)
        // Never a circle: every group waits only for groups before it.
        for (g, group) in groups.enumerated() { #expect(group.after.allSatisfy { $0 < g }) }
    }

    @Test func withNothingFusedByTimeChainsStillAre() {
        // --fuse-under 0: only chains join; the report reading every stage does not keep
        // clusters from being rfm's only dependant.
        let groups = Self.plan.jobGroups(toRun: Self.all, seconds: { _ in 5 }, fuseUnder: 0)
        #expect(
            groups.map(\.stages) == [["orders", "clean"], ["rfm", "clusters"], ["ltv"], ["sentiment"], ["report"]])
    }

    @Test func onlyTheStagesToRunAreGrouped() {
        let groups = Self.plan.jobGroups(toRun: ["ltv", "report"]) { _ in 100 }
        #expect(groups.map(\.stages) == [["ltv", "report"]])
        #expect(groups[0].after.isEmpty)
    }
}
