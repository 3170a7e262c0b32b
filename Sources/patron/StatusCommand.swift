import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages

extension Patron {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say, for every stage, whether its cached output is fresh or why it must run.")

        @Argument(help: "Pipeline name.")
        var pipeline: String

        @OptionGroup var projectOptions: ProjectOptions

        @Option(name: .long, help: "Override a pipeline param: name=value (repeatable).")
        var param: [String] = []

        func run() async throws {
            let project = try projectOptions.load()
            let plan = try project.plan(
                pipeline, registry: BuiltinModules.registry, overrides: parseOverrides(param), allowOutside: true)
            let cache = try LocalCacheStore(root: project.cacheDirectory)
            let hasher = FileHasher(memoPath: project.stateDirectory + "/statcache.json")
            let keys = plan.keys(project: project, hasher: hasher)
            let statuses = plan.statuses(
                keys: keys, cache: cache, state: PipelineState.load(project, pipeline: plan.name),
                outputRoot: project.root, hasher: hasher)
            hasher.save()  // the files it hashed are not read again by the next run or status
            let width = max(8, plan.stages.map(\.id.count).max() ?? 0) + 2
            print("\(plan.name): \(statuses.filter { $0.status.isFresh }.count) of \(statuses.count) stages fresh")
            for (id, status) in statuses {
                let module = plan.stage(id)!.spec.name
                print(
                    "  \(id.padding(toLength: width, withPad: " ", startingAt: 0))\(module.padding(toLength: 20, withPad: " ", startingAt: 0))\(status.summary)"
                )
            }
        }
    }
}

func parseOverrides(_ params: [String]) throws -> [String: Value] {
    var out = [String: Value]()
    for p in params {
        guard let eq = p.firstIndex(of: "=") else { throw ValidationError("--param \(p): write it as name=value") }
        out[String(p[..<eq])] = Value.parseScalar(String(p[p.index(after: eq)...]))
    }
    return out
}
