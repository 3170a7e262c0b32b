import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages

extension Patron {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show what a run would do: every stage's key, fresh or stale (and why), and the jobs it would submit.",
            discussion: """
                Nothing runs and nothing is written but the stat cache. --json prints one JSON \\
                object (stages in plan order; groups with the indices of the groups they wait \\
                for), for a scheduler or a script.
                """)

        @Argument(help: "Pipeline name.")
        var pipeline: String

        @OptionGroup var projectOptions: ProjectOptions

        @Option(name: .long, help: "Override a pipeline param: name=value (repeatable).")
        var param: [String] = []

        @Option(
            name: .long,
            help: "Seconds of work under which the pipeline is one job, as with run --executor slurm.")
        var fuseUnder: Double = PipelinePlan.smallPipeline

        @Flag(name: .long, help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let (plan, cache, keys, state, statuses) = try planAndStatuses(
                projectOptions, pipeline: pipeline, param: param)
            let last = plan.lastSeconds(state: state, cache: cache)
            let seconds = { (id: String) in last[id] ?? 1 }
            let toRun = Set(statuses.filter { !$0.status.isFresh }.map(\.stage))
            let groups = plan.jobGroups(toRun: toRun, seconds: seconds, fuseUnder: fuseUnder)
            var groupOf = [String: Int]()
            for (g, group) in groups.enumerated() { for id in group.stages { groupOf[id] = g } }
            if json {
                var stages = [[String: Any]]()
                for (id, status) in statuses {
                    var entry: [String: Any] = [
                        "id": id, "module": plan.stage(id)!.spec.name, "last_seconds": seconds(id),
                        "inputs": plan.waitsFor(id).sorted(),
                    ]
                    entry["key"] = (try? keys[id]?.get().key) ?? NSNull()
                    switch status {
                    case .fresh: entry["status"] = "fresh"
                    case .stale(let reasons):
                        entry["status"] = "stale"
                        entry["reasons"] = reasons
                    case .broken(let message):
                        entry["status"] = "broken"
                        entry["reasons"] = [message]
                    }
                    entry["group"] = groupOf[id] ?? NSNull()
                    stages.append(entry)
                }
                let object: [String: Any] = [
                    "pipeline": plan.name, "stages": stages,
                    "groups": groups.map { ["stages": $0.stages, "after": $0.after, "seconds": $0.seconds] },
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            let fresh = statuses.filter { $0.status.isFresh }.count
            print(
                "\(plan.name): \(fresh) of \(statuses.count) stages fresh; \(toRun.count) to run in \(groups.count) job\(groups.count == 1 ? "" : "s")"
            )
            let width = max(8, plan.stages.map(\.id.count).max() ?? 0) + 2
            for (id, status) in statuses {
                let key = ((try? keys[id]?.get().key) ?? "").prefix(12)
                let job = groupOf[id].map { "  [job \($0 + 1)]" } ?? ""
                print("  \(id.padding(toLength: width, withPad: " ", startingAt: 0))\(key)  \(status.summary)\(job)")
            }
            for (g, group) in groups.enumerated() {
                let after =
                    group.after.isEmpty ? "" : ", after job \(group.after.map { "\($0 + 1)" }.joined(separator: ", "))"
                print(
                    "job \(g + 1): \(group.stages.joined(separator: ", ")) (last runs \(String(format: "%.1f", group.seconds)) s\(after))"
                )
            }
        }
    }
}
