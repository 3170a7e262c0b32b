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
            let (plan, _, _, _, statuses) = try planAndStatuses(projectOptions, pipeline: pipeline, param: param)
            for out in try projectOptions.load().detachedRunsOut(plan.name) {
                print(
                    "note: a detached Slurm run (\(out.run), submitted \(EventLog.timestamp(out.submitted))) is not recorded yet: what follows is from before it; `squeue -j \(out.jobs.joined(separator: ","))` shows its jobs"
                )
            }
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

/// A pipeline's plan with its keys and each stage's status against the last run (what
/// `status` and `plan` show); the files hashed are remembered in the stat cache.
func planAndStatuses(
    _ options: ProjectOptions, pipeline: String, param: [String]
) throws -> (
    plan: PipelinePlan, cache: LocalCacheStore, keys: [String: Result<KeyMaterial, StageFailure>],
    state: PipelineState, statuses: [(stage: String, status: StageStatus)]
) {
    let project = try options.load()
    let plan = try project.plan(
        pipeline, registry: BuiltinModules.registry, overrides: parseOverrides(param), allowOutside: true)
    let cache = try LocalCacheStore(root: project.cacheDirectory)
    let hasher = FileHasher(memoPath: project.stateDirectory + "/statcache.json")
    let keys = plan.keys(project: project, hasher: hasher)
    let state = PipelineState.load(project, pipeline: plan.name)
    let statuses = plan.statuses(keys: keys, cache: cache, state: state, outputRoot: project.root, hasher: hasher)
    hasher.save()  // the files it hashed are not read again by the next run or status
    return (plan, cache, keys, state, statuses)
}

func parseOverrides(_ params: [String]) throws -> [String: Value] {
    var out = [String: Value]()
    for p in params {
        guard let eq = p.firstIndex(of: "=") else { throw ValidationError("--param \(p): write it as name=value") }
        out[String(p[..<eq])] = Value.parseScalar(String(p[p.index(after: eq)...]))
    }
    return out
}
