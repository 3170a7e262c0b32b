import Foundation
import PatronSupport
import PatronTable

extension Runner {
    /// Which stages the selection flags pick.
    package static func selection(_ plan: PipelinePlan, _ options: RunOptions) throws -> Set<String> {
        let ids = plan.stages.map(\.id)
        for id in options.only + [options.from, options.to].compactMap({ $0 }) where !ids.contains(id) {
            throw PipelineError.usage(
                "pipeline '\(plan.name)' has no stage '\(id)'\(suggestion(id, ids)); its stages: \(ids.joined(separator: ", "))"
            )
        }
        if !options.only.isEmpty { return Set(options.only) }
        var selected = Set(ids)
        if let from = options.from { selected.formIntersection(plan.downstream(of: from)) }
        if let to = options.to { selected.formIntersection(plan.upstream(of: to)) }
        return selected
    }

    /// Planning: keys and statuses of every stage, what must run and why, damaged cache
    /// entries found and discarded, stages that cannot run for want of an input.
    func prepare(_ plan: PipelinePlan, options: RunOptions) throws -> Work {
        let selected = try Runner.selection(plan, options)
        let keys = plan.keys(project: project, hasher: hasher)
        let state = PipelineState.load(project, pipeline: plan.name)
        let statuses = Dictionary(
            uniqueKeysWithValues: plan.statuses(
                keys: keys, cache: cache, state: state,
                outputRoot: options.outputRoot ?? project.root, hasher: hasher
            ).map { ($0.stage, $0.status) })
        // After the statuses too: checking a report's files hashes them, and an unchanged
        // 50 MB customers.csv should not be read again on the next run.
        hasher.save()

        // What must run: selected stages that are stale (or all selected, with --force).
        var work = Work(keys: keys, statuses: statuses, toRun: [], records: [:], state: state)
        for stage in plan.stages {
            let key = try? keys[stage.id]?.get().key
            var record = RunRecord.Stage(id: stage.id, module: stage.spec.name, key: key, status: .notSelected)
            if selected.contains(stage.id) {
                let status = statuses[stage.id]!
                if case .broken(let message) = status {
                    record.status = .failed
                    record.error = message
                } else if options.force || !status.isFresh {
                    work.toRun.insert(stage.id)
                    record.status = .pending
                    record.reason = options.force && status.isFresh ? "--force" : status.summary
                } else {
                    record.status = .cached
                }
            }
            work.records[stage.id] = record
        }
        discardDamagedEntries(plan, &work, dryRun: options.dryRun)
        if !options.dryRun { removeLeftoverFiles(plan, outputRoot: options.outputRoot ?? project.root) }
        // Inputs of stages that will run must be cached if they are not run themselves. A
        // task waits a little for them: on a network file system another node's entry may
        // show up late.
        for stage in plan.stages where work.toRun.contains(stage.id) {
            for ref in stage.inputs
            where !work.toRun.contains(ref.stage) && !(work.statuses[ref.stage]?.isFresh ?? false) {
                if work.records[ref.stage]?.status == .failed { continue }
                if options.taskRecords != nil, let key = try? keys[ref.stage]?.get().key,
                    cache.waitForEntry(key, seconds: options.inputWait)
                {
                    work.statuses[ref.stage] = .fresh(key: key)
                    continue
                }
                work.records[stage.id]!.status = .failed
                work.records[stage.id]!.error =
                    options.taskRecords == nil
                    ? "its input '\(ref)' is not in the cache and is not selected to run; run it first (drop --only/--from)"
                    : "its input '\(ref)' is not in the cache (waited \(Int(options.inputWait)) s for it): the job that makes it did not succeed, or this node does not see the cache folder \(project.display(project.cacheDirectory))"
                work.toRun.remove(stage.id)
            }
        }
        return work
    }

    /// Checks the cache entries a run will read (size and checksum of each file) before it
    /// starts. A damaged one is discarded, with a warning, and its stage reruns, whatever was
    /// selected; the entries that stage reads are checked in turn. A dry run only says so.
    private func discardDamagedEntries(_ plan: PipelinePlan, _ work: inout Work, dryRun: Bool) {
        var checked = Set<String>()
        while true {
            var reads = Set<String>()
            for stage in plan.stages where work.toRun.contains(stage.id) {
                reads.formUnion(
                    stage.spec.capabilities.contains(.readsPipeline)
                        ? plan.upstream(of: stage.id).subtracting([stage.id]) : Set(stage.inputs.map(\.stage)))
            }
            let toCheck = plan.stages.filter {
                reads.contains($0.id) && !work.toRun.contains($0.id) && !checked.contains($0.id)
                    && work.statuses[$0.id]?.isFresh == true
            }
            if toCheck.isEmpty { return }
            for stage in toCheck {
                checked.insert(stage.id)
                guard let key = try? work.keys[stage.id]?.get().key else { continue }
                do {
                    try cache.verify(key)
                } catch {
                    let reason = (error as? CacheDamage)?.reason ?? String(describing: error)
                    log.event(
                        "cache_damaged", ["stage": .string(stage.id), "key": .string(key), "error": .string(reason)],
                        text: "! \(stage.id): its cache entry is damaged (\(reason)); discarded, \(stage.id) reruns",
                        isError: true)
                    if !dryRun { try? cache.remove(key) }
                    work.toRun.insert(stage.id)
                    work.records[stage.id]!.status = .pending
                    work.records[stage.id]!.reason = "its cache entry was damaged (\(reason))"
                }
            }
        }
    }

    /// Files a killed run was writing (`NAME.tmp-PID` beside a report's files) are removed
    /// from every folder a stage writes, whether or not the stage runs now: a fresh report's
    /// folder holds only what its manifest lists.
    private func removeLeftoverFiles(_ plan: PipelinePlan, outputRoot: String) {
        for output in plan.outputPaths {
            AtomicFile.removeLeftovers(in: ProjectPath.absolute(output.path, root: outputRoot))
        }
    }

    /// `--dry-run`: what would run and why (and the command a `shell` stage would run), and a
    /// record that is not saved.
    func dryRun(_ plan: PipelinePlan, work: Work, start: RunStart) -> RunSummary {
        let width = max(16, plan.stages.map(\.id.count).max() ?? 0)
        for stage in plan.stages {
            let r = work.records[stage.id]!
            let what =
                switch r.status {
                case .pending: "would run  (\(r.reason ?? ""))"
                case .cached: "fresh"
                case .failed: "cannot run: \(r.error ?? "")"
                default: "not selected"
                }
            // A command a stage would run is shown in full: shell stages run what the file says.
            let command = r.status == .pending ? stage.command : nil
            var fields: [String: Value] = [
                "stage": .string(stage.id), "action": .string(r.status.rawValue),
                "reason": .string(r.reason ?? r.error ?? ""),
            ]
            if let command { fields["command"] = .string(command) }
            log.event(
                "plan", fields,
                text:
                    "  \(stage.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(stage.spec.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(what)"
                    + (command.map {
                        "\n  \(String(repeating: " ", count: width + 22))runs: /bin/sh -c \(Shell.quote($0))"
                    } ?? ""))
        }
        let record = RunRecord(
            id: start.id, pipeline: plan.name, started: EventLog.timestamp(start.date), finished: EventLog.timestamp(),
            seconds: 0, outcome: .dryRun, jobs: start.options.jobs, arguments: start.options.arguments,
            stages: plan.stages.map { work.records[$0.id]! }, params: start.recordParams,
            variant: start.options.variant)
        return RunSummary(
            succeeded: !work.records.values.contains { $0.status == .failed }, record: record, recordPath: nil)
    }
}
