/// How the stages a run must run are fused into jobs for a cluster scheduler (`patron plan`,
/// and the Slurm driver): one job per group, a group after the groups it reads from.
///
/// A pipeline whose stages to run took `fuseUnder` seconds or less in their last runs (120 by
/// default) is one job (a job costs the scheduler's latency and a process start). Otherwise
/// each stage joins the group of its only upstream stage to run when it is that stage's only
/// dependant to run (a chain) or when it took under a twelfth of `fuseUnder` (10 s). Every group is then a tree under one
/// first stage, so groups cannot wait for each other in a circle.
package struct JobGroup: Sendable, Equatable {
    /// Its stages, in plan order.
    package var stages: [String]
    /// Indices of the groups it must wait for.
    package var after: [Int]
    /// The sum of its stages' last-run seconds (1 for a stage never run).
    package var seconds: Double
}

extension PipelinePlan {
    /// Where the stages that write files write them: each stage's output-path params, as the
    /// pipeline file gives them (relative to the project or the output root).
    package var outputPaths: [(stage: String, param: String, path: String)] {
        stages.filter { $0.spec.capabilities.contains(.writesFiles) }.flatMap { stage in
            stage.spec.params.filter { $0.kind == .outputPath }.compactMap { p in
                stage.params[p.name]?.string.map { (stage.id, p.name, $0) }
            }
        }
    }

    /// Seconds of work under which a whole pipeline is one job (`--fuse-under`'s default).
    package static let smallPipeline = 120.0

    /// Each stage's seconds in its last completed run (1 for a stage never run), for sizing jobs.
    package func lastSeconds(state: PipelineState, cache: any CacheStore) -> [String: Double] {
        Dictionary(
            uniqueKeysWithValues: stages.map { stage in
                (stage.id, state.stages[stage.id].flatMap { cache.meta($0.key)?.seconds } ?? 1)
            })
    }

    /// The stages `id` waits for: its inputs, and for a stage that reads the whole pipeline
    /// (the report), everything upstream.
    package func waitsFor(_ id: String) -> Set<String> {
        guard let stage = stage(id) else { return [] }
        if stage.spec.capabilities.contains(.readsPipeline) { return upstream(of: id).subtracting([id]) }
        return Set(stage.inputs.map(\.stage))
    }

    /// The jobs to submit for the stages in `toRun`, given each stage's last-run seconds.
    package func jobGroups(
        toRun: Set<String>, seconds: (String) -> Double, fuseUnder: Double = smallPipeline
    ) -> [JobGroup] {
        let order = stages.map(\.id).filter { toRun.contains($0) }
        guard !order.isEmpty else { return [] }
        let total = order.reduce(0) { $0 + seconds($1) }
        if total <= fuseUnder { return [JobGroup(stages: order, after: [], seconds: total)] }
        let smallStage = fuseUnder / 12
        var groupOf = [String: Int]()
        var members = [[String]]()
        for id in order {
            let ups = waitsFor(id).filter { toRun.contains($0) }
            if ups.count == 1, let up = ups.first, let g = groupOf[up] {
                // Its only dependant reading it directly (a report that reads the whole pipeline
                // waits for everything, but is not what makes a chain).
                let siblings = order.filter { other in
                    let s = stage(other)!
                    return other == id
                        || (!s.spec.capabilities.contains(.readsPipeline) && s.inputs.contains { $0.stage == up })
                }
                if siblings == [id] || seconds(id) < smallStage {
                    groupOf[id] = g
                    members[g].append(id)
                    continue
                }
            }
            groupOf[id] = members.count
            members.append([id])
        }
        return members.enumerated().map { g, ids in
            let after = Set(ids.flatMap { waitsFor($0) }.compactMap { groupOf[$0] }).subtracting([g])
            return JobGroup(stages: ids, after: after.sorted(), seconds: ids.reduce(0) { $0 + seconds($1) })
        }
    }
}
