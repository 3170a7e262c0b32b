import PatronStages
import Testing

@testable import PatronPipeline

@Suite struct ValidationTests {
    let registry = BuiltinModules.registry

    func problems(_ yaml: String, overrides: [String: Value] = [:]) -> [String] {
        do {
            let file = try PipelineFile.parse(yaml, path: "Pipelines/p.yaml")
            _ = try PipelinePlan(file: file, registry: registry, overrides: overrides, projectRoot: "/project")
            return []
        } catch PipelineError.invalid(let problems) {
            return problems.map(\.description)
        } catch {
            return ["other: \(error)"]
        }
    }

    @Test func reportsEveryProblemWithItsPosition() {
        let yaml = """
            pipeline: p
            params: {sep: ";"}
            stages:
              orders:
                use: ingest.csvv
              raw:
                use: ingest.csv
                with:
                  path: ${missing}
                  delimter: ","
                  max_reject_ratio: lots
              script:
                use: shell
                inputs: [nowhere, raw.oops]
                with: {command: "true", outputs: [main, extra]}
              a:
                use: shell
                inputs: [b]
                with: {command: "true"}
              b:
                use: shell
                inputs: [a]
                with: {command: "true"}
            """
        let found = problems(yaml)
        #expect(
            found.contains(
                "Pipelines/p.yaml:5:10: stage 'orders': unknown module 'ingest.csvv' (did you mean 'ingest.csv'?); `patron modules` lists them"
            ))
        #expect(
            found.contains(
                "Pipelines/p.yaml:9:13: stage 'raw': undefined param '${missing}'; declare it under params: or pass --param missing=…"
            ))
        #expect(
            found.contains {
                $0.hasPrefix(
                    "Pipelines/p.yaml:10:7: stage 'raw': ingest.csv has no parameter 'delimter' (did you mean 'delimiter'?)"
                )
            })
        #expect(
            found.contains(
                "Pipelines/p.yaml:11:25: stage 'raw': 'max_reject_ratio' expects number, got a string 'lots'"))
        #expect(found.contains { $0.hasPrefix("Pipelines/p.yaml:14:14: stage 'script': unknown input 'nowhere'") })
        #expect(
            found.contains(
                "Pipelines/p.yaml:14:23: stage 'script': 'raw' has no port 'oops'; its ports are raw, raw.rejects"))
        #expect(
            found.contains {
                $0.hasPrefix("Pipelines/p.yaml:16:3: cycle: ") && $0.contains("a → b → a") || $0.contains("b → a → b")
            })
        #expect(found.count == 7)
    }

    @Test func missingRequiredParamAndWrongArity() {
        let found = problems(
            """
            pipeline: p
            stages:
              orders:
                use: ingest.csv
                inputs: [other]
              other:
                use: shell
            """)
        #expect(found.contains("Pipelines/p.yaml:5:14: stage 'orders': ingest.csv reads no inputs; remove inputs:"))
        #expect(found.contains { $0.hasPrefix("Pipelines/p.yaml:3:3: stage 'orders': ingest.csv needs 'path'") })
        #expect(found.contains { $0.hasPrefix("Pipelines/p.yaml:6:3: stage 'other': shell needs 'command'") })
    }

    @Test func yamlSyntaxErrorsArePositioned() {
        let found = problems("pipeline: p\nstages:\n  a: {use: shell\n  b: 1\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Pipelines/p.yaml:4:"))
        #expect(found[0].contains("not valid YAML"))
    }

    @Test func fileLevelMistakes() {
        let found = problems("pipeline: other\nstagez: {}\n")
        #expect(found.contains("Pipelines/p.yaml:1:11: pipeline 'other' must equal the file name 'p'"))
        #expect(found.contains { $0.hasPrefix("Pipelines/p.yaml:2:1: unknown key 'stagez'") })
        #expect(found.contains { $0.contains("missing 'stages:'") })
    }

    @Test func paramsSubstituteWithTypesAndOverrides() throws {
        let yaml = """
            pipeline: p
            params: {ratio: 0.2, name: orders, year: 2025}
            stages:
              orders:
                use: ingest.csv
                with: {path: "Data/${name}-${year}.csv", max_reject_ratio: "${ratio}"}
            """
        let file = try PipelineFile.parse(yaml, path: "Pipelines/p.yaml")
        let plan = try PipelinePlan(file: file, registry: registry, projectRoot: "/project")
        #expect(plan.stages[0].params["path"] == .string("Data/orders-2025.csv"))
        #expect(plan.stages[0].params["max_reject_ratio"] == .double(0.2))
        #expect(plan.stages[0].params["delimiter"] == .string(","))
        let overridden = try PipelinePlan(
            file: file, registry: registry, overrides: ["year": .int(2024)], projectRoot: "/project")
        #expect(overridden.stages[0].params["path"] == .string("Data/orders-2024.csv"))
        #expect(throws: PipelineError.self) {
            _ = try PipelinePlan(file: file, registry: registry, overrides: ["nope": .int(1)], projectRoot: "/project")
        }
    }

    @Test func stagesAreOrderedByDependencyThenReadingOrder() throws {
        let yaml = """
            pipeline: p
            stages:
              late: {use: shell, inputs: [early], with: {command: "true"}}
              early: {use: shell, with: {command: "true"}}
              other: {use: shell, with: {command: "true"}}
            """
        let plan = try PipelinePlan(
            file: try PipelineFile.parse(yaml, path: "p.yaml"), registry: registry, projectRoot: "/x")
        #expect(plan.stages.map(\.id) == ["early", "late", "other"])
        #expect(plan.downstream(of: "early") == ["early", "late"])
        #expect(plan.upstream(of: "late") == ["early", "late"])
    }

    /// Of stages ready together, the one with the most work after it launches first.
    @Test func launchOrderFollowsTheCriticalPath() throws {
        let yaml = """
            pipeline: p
            stages:
              clean: {use: shell, with: {command: "true"}}
              side: {use: shell, inputs: [clean], with: {command: "true"}}
              rfm: {use: shell, inputs: [clean], with: {command: "true"}}
              clusters: {use: shell, inputs: [rfm], with: {command: "true"}}
              report: {use: shell, inputs: [clusters, side], with: {command: "true"}}
            """
        let plan = try PipelinePlan(
            file: try PipelineFile.parse(yaml, path: "p.yaml"), registry: registry, projectRoot: "/x")
        // side and clusters tie: file order.
        #expect(Runner.criticalPathOrder(plan) { _ in 1 }.map(\.id) == ["clean", "rfm", "side", "clusters", "report"])
        // A slow side stage goes first when its recorded seconds make it the longer path.
        let slow = Runner.criticalPathOrder(plan) { $0 == "side" ? 10 : 1 }.map(\.id)
        #expect(slow == ["clean", "side", "rfm", "clusters", "report"])
    }

    @Test func canonicalJSONIsOrderIndependent() {
        let a = Value.map([.init("b", .int(1)), .init("a", .list([.double(0.5), .string("x\"y")]))])
        let b = Value.map([.init("a", .list([.double(0.5), .string("x\"y")])), .init("b", .int(1))])
        #expect(a.canonicalJSON == b.canonicalJSON)
        #expect(a.canonicalJSON == #"{"a":[0.5,"x\"y"],"b":1}"#)
    }
}
