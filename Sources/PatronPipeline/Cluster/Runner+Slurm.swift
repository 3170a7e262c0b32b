import Foundation
import PatronSupport
import Synchronization

/// What a cluster run ended with: each pipeline's summary (its one run record), and whether a
/// task refused to run for a usage reason (`--expect` found another key: exit 2).
package struct ClusterOutcome: Sendable {
    package var summaries: [RunSummary]
    package var usageFailure: Bool
}

extension Runner {
    /// How a job ended.
    private enum JobEnd: Equatable {
        case succeeded
        /// Its task exited with `status` (nil: no status written) while Slurm said `state`.
        case failed(status: Int32?, state: String)
        /// Never ran: a job it waits for did not succeed.
        case notRun(because: Int)
        case interrupted
        /// `sbatch` refused it (or an earlier job): why.
        case notSubmitted(String)

        /// For the run record.
        var word: String {
            switch self {
            case .succeeded: "succeeded"
            case .failed: "failed"
            case .notRun: "not-run"
            case .interrupted: "interrupted"
            case .notSubmitted: "not-submitted"
            }
        }
    }

    /// `patron run --executor slurm`: keys and statuses computed here once; the stale stages
    /// fused into jobs (`jobGroups`), each job `sbatch`ed after the jobs it reads from
    /// (`afterok`, `--kill-on-invalid-dep=yes`), running the same binary in task mode with
    /// `--expect` for every key; one `squeue` per poll for every job still out; on a signal
    /// every job is `scancel`led. The tasks' records are merged into one run record and the
    /// state per pipeline, as a local run leaves them.
    ///
    /// `params[k]` are the `--param` overrides `plans[k]` was made with, `variants[k]` its
    /// place in a sweep (nil: not a sweep).
    package func runOnSlurm(
        _ plans: [PipelinePlan], params: [[String]], variants: [Int?], options: RunOptions, cluster: ClusterOptions
    ) async throws -> ClusterOutcome {
        let start = RunStart(options: options)
        let folder = ClusterJob.folder(project, start.id)
        let slurm = Slurm(scratch: folder)
        if !options.dryRun { try slurm.checkInstalled() }

        // Plan every pipeline: what is fresh, what to run, in which jobs.
        var works = [Work]()
        var jobs = [ClusterJob]()
        for (p, plan) in plans.enumerated() {
            let work = try prepare(plan, options: options)
            let seconds = plan.lastSeconds(state: work.state, cache: cache)
            let groups = plan.jobGroups(toRun: work.toRun, seconds: { seconds[$0] ?? 1 }, fuseUnder: cluster.fuseUnder)
            let keys = work.keys.compactMapValues { try? $0.get().key }
            let new = ClusterJob.jobs(
                groups, plan: plan, variant: p, params: params[p], keys: keys, first: jobs.count + 1)
            jobs += new
            works.append(work)
            // Entries the tasks will read are in use from now on (`gc --older-than` keeps them).
            for (id, status) in work.statuses where status.isFresh {
                if let key = keys[id] { cache.markUsed(key) }
            }
        }
        // Pipelines that are one job each, waiting for nothing, go out as one job array
        // (throttled by --max-jobs), not as a job each.
        let single = jobs.indices.filter { j in
            jobs[j].after.isEmpty && !jobs.contains { $0.variant == jobs[j].variant && $0.number != jobs[j].number }
        }
        let array = single.count >= 2 ? single : []
        let stageCount = plans.reduce(0) { $0 + $1.stages.count }
        let toRunCount = works.reduce(0) { $0 + $1.toRun.count }
        if options.dryRun {
            var summaries = [RunSummary]()
            for (p, plan) in plans.enumerated() {
                summaries.append(dryRun(plan, work: works[p], start: start.of(params: params[p], variant: variants[p])))
            }
            for job in jobs {
                logJob(
                    job,
                    "would submit"
                        + (job.after.isEmpty ? "" : ", after job " + job.after.map(String.init).joined(separator: ", "))
                )
            }
            return ClusterOutcome(summaries: summaries, usageFailure: false)
        }
        if jobs.isEmpty {
            log.event(
                "cached", ["stages": .int(stageCount)],
                text: "· nothing to submit: every selected stage is fresh in the cache")
        } else {
            log.event(
                "cluster_plan", ["jobs": .int(jobs.count), "stages": .int(toRunCount), "run": .string(start.id)],
                text:
                    "\(toRunCount) stage\(toRunCount == 1 ? "" : "s") to run in \(jobs.count) Slurm job\(jobs.count == 1 ? "" : "s") (logs in \(project.display(folder)))"
            )
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        // Submit, then watch the queue until every job has ended.
        var ids = [Int: String]()
        var ends = [Int: JobEnd]()
        let outstanding = { jobs.indices.filter { ids[$0] != nil && ends[$0] == nil } }
        let submittedIDs = SubmittedJobs()
        let exitToken = Interruption.shared.onExit { [slurm] in slurm.cancel(submittedIDs.live) }
        defer { Interruption.shared.removeOnExit(exitToken) }
        var finishedStages = 0
        var queueTrouble: (since: ContinuousClock.Instant, message: String)? = nil
        // The first looks come quickly (a small job ends within a second), then every
        // `cluster.poll` seconds; again quickly after a job ends (its dependants start).
        let quick = min(0.25, cluster.poll)
        var interval = quick
        while ends.count < jobs.count {
            if Interruption.shared.signal != nil {
                let live = outstanding()
                slurm.cancel(live.map { ids[$0]! })
                for j in jobs.indices where ends[j] == nil { ends[j] = .interrupted }
                if !live.isEmpty {
                    log.event(
                        "cancelled", ["jobs": .string(live.map { ids[$0]! }.joined(separator: ","))],
                        text:
                            "patron: cancelled Slurm job\(live.count == 1 ? "" : "s") \(live.map { ids[$0]! }.joined(separator: ", "))",
                        isError: true)
                }
                break
            }
            // Submit every job whose inputs' jobs are out or done, up to --max-jobs in the queue.
            do {
                if let first = array.first, ids[first] == nil, ends[first] == nil {
                    let script = "\(folder)/array.sh"
                    try Data(
                        ClusterJob.arrayScript(
                            array.map { jobs[$0] }, project: project, runID: start.id, options: cluster,
                            force: options.force
                        ).utf8
                    ).write(to: URL(fileURLWithPath: script))
                    let throttle = cluster.maxJobs > 0 ? "%\(cluster.maxJobs)" : ""
                    let base = try await slurm.submit(
                        script: script,
                        arguments: [
                            "--array=0-\(array.count - 1)\(throttle)", "--job-name=patron:array",
                            "--output=\(folder)/array-%a.out", "--chdir=\(project.root)",
                        ] + cluster.sbatchArguments)
                    for (element, j) in array.enumerated() {
                        ids[j] = "\(base)_\(element)"
                        submittedIDs.add(ids[j]!)
                        logJob(jobs[j], "submitted as element \(element) of Slurm job array \(base)", id: ids[j])
                    }
                }
                for (j, job) in jobs.enumerated() where ids[j] == nil && ends[j] == nil {
                    if cluster.maxJobs > 0 && outstanding().count >= cluster.maxJobs { break }
                    if let bad = job.after.first(where: { ends[$0 - 1].map { $0 != .succeeded } ?? false }) {
                        ends[j] = .notRun(because: bad)
                        logJob(job, "not submitted: job \(bad) did not succeed", isError: true)
                        continue
                    }
                    guard job.after.allSatisfy({ ids[$0 - 1] != nil }) else { continue }
                    let waits = job.after.filter { ends[$0 - 1] == nil }.map { ids[$0 - 1]! }
                    let script = "\(folder)/job-\(job.number).sh"
                    try Data(
                        job.script(project: project, runID: start.id, options: cluster, force: options.force).utf8
                    ).write(to: URL(fileURLWithPath: script))
                    var arguments = job.sbatchArguments(project: project, runID: start.id, options: cluster)
                    if !waits.isEmpty {
                        arguments += [
                            "--dependency=afterok:" + waits.joined(separator: ":"), "--kill-on-invalid-dep=yes",
                        ]
                    }
                    let id = try await slurm.submit(script: script, arguments: arguments)
                    ids[j] = id
                    submittedIDs.add(id)
                    logJob(job, "submitted as Slurm job \(id)", id: id)
                }
            } catch {
                // Nothing more goes out; what is out is cancelled.
                let live = outstanding()
                slurm.cancel(live.map { ids[$0]! })
                for j in jobs.indices where ends[j] == nil {
                    ends[j] = ids[j] == nil ? .notSubmitted("\(error)") : .interrupted
                }
                log.event(
                    "submit_failed", ["error": .string("\(error)")],
                    text: "✗ could not submit to Slurm: \(error)"
                        + (live.isEmpty ? "" : "; cancelled the jobs already out"), isError: true)
                break
            }
            if ends.count == jobs.count { break }
            if cluster.detach && ends.isEmpty {
                return try await detach(
                    plans, jobs: jobs, ids: ids, slurm: slurm, folder: folder, runID: start.id, submitted: start.date,
                    cluster: cluster)
            }
            await pause(interval)
            interval = min(cluster.poll, interval * 1.5)
            if Interruption.shared.signal != nil { continue }

            let live = outstanding()
            let states: [String: Slurm.JobState]
            do {
                states = try await slurm.states(live.map { ids[$0]! })
                queueTrouble = nil
            } catch {
                // The controller may be restarting: keep asking, for up to ten minutes.
                let since = queueTrouble?.since ?? .now
                if queueTrouble == nil {
                    log.event(
                        "queue_unreachable", ["error": .string("\(error)")], text: "! \(error); retrying", isError: true
                    )
                }
                queueTrouble = (since, "\(error)")
                if ContinuousClock.now - since > .seconds(600) {
                    slurm.cancel(live.map { ids[$0]! })
                    throw Slurm.Failure(description: "the Slurm queue did not answer for ten minutes: \(error)")
                }
                continue
            }
            for j in live {
                let id = ids[j]!
                switch states[id] {
                case .waiting?: continue
                case .running(let node)?:
                    if submittedIDs.markRunning(id) { logJob(jobs[j], "running on \(node)", id: id) }
                    continue
                case .ended(let state, let reason)?:
                    ends[j] = await jobEnd(jobs[j], folder: folder, state: state, reason: reason)
                    interval = quick
                case nil:
                    ends[j] = await jobEnd(jobs[j], folder: folder, state: "gone from the queue", reason: "")
                    interval = quick
                }
                submittedIDs.remove(id)
                finishedStages = await reportJob(
                    jobs[j], id: id, end: ends[j]!, folder: folder, plans: plans, done: finishedStages,
                    total: toRunCount)
            }
        }

        return merge(
            plans, params: params, variants: variants, works, jobs: jobs, ids: ids, ends: ends, folder: folder,
            start: start)
    }

    /// The task records of one pipeline run (a sweep's combination by its params).
    static func taskKey(_ pipeline: String, _ params: [String]) -> String {
        ([pipeline] + params).joined(separator: "\u{1F}")
    }

    /// One run record and state per pipeline run, from the tasks' records and how each job ended.
    private func merge(
        _ plans: [PipelinePlan], params: [[String]], variants: [Int?], _ works: [Work], jobs: [ClusterJob],
        ids: [Int: String], ends: [Int: JobEnd], folder: String, start: RunStart
    ) -> ClusterOutcome {
        let records = taskRecords(folder)
        var summaries = [RunSummary]()
        var usageFailure = false
        for (p, plan) in plans.enumerated() {
            var work = works[p]
            var jobRecords = [RunRecord.ClusterJobRecord]()
            for (j, job) in jobs.enumerated() where job.variant == p {
                let end = ends[j] ?? .interrupted
                if case .failed(2?, _) = end { usageFailure = true }
                for id in job.stages {
                    if let ran = records[Runner.taskKey(plan.name, params[p])]?[id] {
                        work.records[id] = ran
                        continue
                    }
                    work.records[id] = stageWithoutRecord(
                        work.records[id]!, job: job, id: ids[j], end: end, folder: folder)
                }
                jobRecords.append(
                    RunRecord.ClusterJobRecord(number: job.number, id: ids[j], stages: job.stages, outcome: end.word))
            }
            summaries.append(
                finish(
                    plan, work, start: start.of(params: params[p], variant: variants[p]),
                    clusterJobs: jobRecords.isEmpty ? nil : jobRecords))
        }
        return ClusterOutcome(summaries: summaries, usageFailure: usageFailure)
    }

    /// `--detach`: every job is out; a last job (after all of them, however they end) merges
    /// the tasks' records into the run record and state (`--collect RUN`), and this process
    /// returns.
    private func detach(
        _ plans: [PipelinePlan], jobs: [ClusterJob], ids: [Int: String], slurm: Slurm, folder: String, runID: String,
        submitted: Date, cluster: ClusterOptions
    ) async throws -> ClusterOutcome {
        let manifest = ClusterManifest(
            pipelines: plans.map(\.name), submitted: submitted.timeIntervalSince1970,
            jobs: jobs.enumerated().map { j, job in
                ClusterManifest.Job(
                    number: job.number, pipeline: job.pipeline, variant: job.variant, params: job.params,
                    stages: job.stages, after: job.after, id: ids[j])
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: "\(folder)/\(ClusterManifest.file)"))
        var command = [
            cluster.patron, "run",
        ]
        command += plans.map(\.name) + ["--project", project.root, "--cache-dir", project.cacheDirectory]
        command += ["--collect", runID, "--wait"] + cluster.params.flatMap { ["--param", $0] } + cluster.taskArguments
        let script = "\(folder)/collect.sh"
        try Data(
            "#!/bin/sh\n# Patron cluster run \(runID): merge the tasks' records into the run record\n\(command.map(Shell.quote).joined(separator: " "))\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: script))
        let all = jobs.indices.compactMap { ids[$0] }
        let id = try await slurm.submit(
            script: script,
            arguments: [
                "--job-name=patron:\(plans.map(\.name).joined(separator: "+")):record",
                "--output=\(folder)/collect.out",
                "--chdir=\(project.root)", "--dependency=afterany:" + all.joined(separator: ":"),
            ] + cluster.sbatchArguments)
        log.event(
            "detached",
            ["jobs": .string(all.joined(separator: ",")), "record_job": .string(id), "run": .string(runID)],
            text:
                "submitted Slurm jobs \(all.joined(separator: ", ")), and \(id) to record the run when they end; "
                + "not waiting (--detach). `squeue -j \((all + [id]).joined(separator: ","))` shows them; "
                + "`patron status \(plans[0].name)` and .patron/runs/ show the outcome once job \(id) has ended.")
        return ClusterOutcome(summaries: [], usageFailure: false)
    }

    /// `patron run … --collect RUN`, the last job of a detached run: how each job ended (from
    /// the exit statuses its task wrote), and the tasks' records merged as the waiting driver
    /// would.
    package func collectSlurmRun(
        _ plans: [PipelinePlan], params: [[String]], variants: [Int?], options: RunOptions, runID: String
    ) throws -> ClusterOutcome {
        let folder = ClusterJob.folder(project, runID)
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(ClusterManifest.file)"),
            let manifest = try? JSONDecoder().decode(ClusterManifest.self, from: data)
        else {
            throw PipelineError.usage(
                "no detached cluster run \(runID) here: \(project.display(folder))/\(ClusterManifest.file) is missing or unreadable"
            )
        }
        var start = RunStart(options: options)
        start.submitted = Date(timeIntervalSince1970: manifest.submitted)
        let works = try plans.map { try prepare($0, options: options) }
        let jobs = manifest.jobs.map {
            ClusterJob(
                number: $0.number, pipeline: $0.pipeline, variant: $0.variant, params: $0.params, stages: $0.stages,
                after: $0.after, seconds: 0, expect: [])
        }
        var ids = [Int: String]()
        var ends = [Int: JobEnd]()
        for (j, job) in manifest.jobs.enumerated() {
            ids[j] = job.id
            if let status = exitStatus(folder, job.number) {
                ends[j] = status == 0 ? .succeeded : .failed(status: status, state: "exit \(status)")
            } else if let bad = job.after.first(where: { ends[$0 - 1] != .succeeded }) {
                ends[j] = .notRun(because: bad)
            } else {
                ends[j] = .failed(status: nil, state: "cancelled, or stopped by a time limit")
            }
        }
        let outcome = merge(
            plans, params: params, variants: variants, works, jobs: jobs, ids: ids, ends: ends, folder: folder,
            start: start)
        // `status` stops mentioning the run as out.
        _ = FileManager.default.createFile(atPath: "\(folder)/\(ClusterManifest.recorded)", contents: nil)
        return outcome
    }

    /// Sleeps `seconds`, waking early for a signal.
    private func pause(_ seconds: Double) async {
        let until = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < until && Interruption.shared.signal == nil {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How a job that left the queue (or ended in it) ended: its task's exit status, written
    /// beside its log. A shared file system may show the file late: a job that ended on its
    /// own gets a few seconds for it to appear.
    private func jobEnd(_ job: ClusterJob, folder: String, state: String, reason: String) async -> JobEnd {
        let byDependency = reason == "DependencyNeverSatisfied"
        let deadline = ContinuousClock.now + .seconds(byDependency || state == "CANCELLED" ? 0 : 5)
        while true {
            if let status = exitStatus(folder, job.number) {
                return status == 0 ? .succeeded : .failed(status: status, state: state)
            }
            if ContinuousClock.now >= deadline { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        if byDependency, let first = job.after.first { return .notRun(because: first) }
        return .failed(status: nil, state: reason.isEmpty || reason == "None" ? state : "\(state), \(reason)")
    }

    /// The exit status job `number`'s script wrote beside its log, if it has.
    private func exitStatus(_ folder: String, _ number: Int) -> Int32? {
        (try? String(contentsOfFile: "\(folder)/job-\(number).status", encoding: .utf8)).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The stages of a job that ended, as a local run shows them; returns how many stages ended.
    private func reportJob(
        _ job: ClusterJob, id: String, end: JobEnd, folder: String, plans: [PipelinePlan], done: Int, total: Int
    ) async -> Int {
        var records = taskRecords(folder)[Runner.taskKey(job.pipeline, job.params)] ?? [:]
        // A task that succeeded wrote its record before its exit status; a network file system
        // may list it a little later.
        let deadline = ContinuousClock.now + .seconds(5)
        while end == .succeeded && !job.stages.allSatisfy({ records[$0] != nil }) && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(200))
            records = taskRecords(folder)[Runner.taskKey(job.pipeline, job.params)] ?? [:]
        }
        var done = done
        for stage in job.stages {
            guard let r = records[stage] else { continue }
            done += 1
            let name = plans.count > 1 ? "\(job.label)/\(stage)" : stage
            switch r.status {
            case .ran:
                let rows = (r.rows ?? [:]).sorted {
                    ($0.key != "main" ? 1 : 0, $0.key) < ($1.key != "main" ? 1 : 0, $1.key)
                }
                .map { $0.key == "main" ? "\($0.value) rows" : "\($0.key) \($0.value)" }
                log.event(
                    "stage_finished",
                    [
                        "stage": .string(stage), "status": .string("ran"), "seconds": .double(r.seconds ?? 0),
                        "rows": .int(r.rows?["main"] ?? 0), "job": .string(id),
                    ],
                    text:
                        "✓ \(name)  \(rows.joined(separator: ", "))  \(Runner.format(r.seconds ?? 0))  [\(done)/\(total)]"
                )
            case .failed:
                log.event(
                    "stage_failed", ["stage": .string(stage), "error": .string(r.error ?? ""), "job": .string(id)],
                    text: "✗ \(name) (\(r.module)) failed:\n    "
                        + (r.error ?? "").replacingOccurrences(of: "\n", with: "\n    "),
                    isError: true)
            default: continue
            }
        }
        switch end {
        case .succeeded: logJob(job, "ended", id: id)
        case .failed(let status, let state):
            // The task's own words, when it could not record its stages (it refused to run).
            let recorded = job.stages.contains { records[$0] != nil }
            let tail = recorded ? [] : logTail("\(folder)/job-\(job.number).out")
            logJob(
                job,
                "ended with \(status.map { "exit \($0)" } ?? "no exit status") (\(state))"
                    + (tail.isEmpty ? "" : ":\n    " + tail.joined(separator: "\n    ")), id: id, isError: true)
        case .notRun(let other): logJob(job, "cancelled by Slurm: job \(other) did not succeed", id: id, isError: true)
        case .interrupted, .notSubmitted: break
        }
        return done
    }

    private func logJob(_ job: ClusterJob, _ what: String, id: String? = nil, isError: Bool = false) {
        var fields: [String: Value] = [
            "job": .int(job.number), "pipeline": .string(job.pipeline),
            "stages": .string(job.stages.joined(separator: ",")),
            "what": .string(what),
        ]
        if let id { fields["slurm_id"] = .string(id) }
        log.event(
            "job", fields,
            text:
                "\(isError ? "✗" : "·") job \(job.number) (\(job.label): \(job.stages.joined(separator: ", "))): \(what)",
            isError: isError)
    }

    /// The last lines of a job's log, for a failure the task could not record itself.
    private func logTail(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").suffix(6).map(String.init)
    }

    /// Every stage a task ran, failed, skipped or had interrupted, by pipeline and stage, from
    /// the task records in the run's folder (the latest wins, for a job Slurm ran twice).
    private func taskRecords(_ folder: String) -> [String: [String: RunRecord.Stage]] {
        var out = [String: [String: RunRecord.Stage]]()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)"),
                let record = try? JSONDecoder().decode(RunRecord.self, from: data)
            else { continue }
            for stage in record.stages where stage.status != .notSelected && stage.status != .pending {
                out[Runner.taskKey(record.pipeline, record.params ?? []), default: [:]][stage.id] = stage
            }
        }
        return out
    }

    /// A stage of a job whose task left no record of it.
    private func stageWithoutRecord(
        _ planned: RunRecord.Stage, job: ClusterJob, id: String?, end: JobEnd, folder: String
    ) -> RunRecord.Stage {
        var stage = planned
        let name = "job \(job.number)" + (id.map { " (Slurm \($0))" } ?? "")
        switch end {
        case .notRun(let other):
            stage.status = .skipped
            stage.reason = "not run: job \(other), which it reads from, did not succeed"
        case .interrupted:
            stage.status = .interrupted
            stage.reason = "the run was interrupted before \(name) ended; its jobs were cancelled"
        case .failed(let status, let state):
            stage.status = .failed
            let tail = logTail("\(folder)/job-\(job.number).out").suffix(3)
            stage.error =
                "\(name) ended \(status.map { "with exit \($0)" } ?? "without an exit status") (\(state)) before this stage ended; its log: \(project.display(folder))/job-\(job.number).out"
                + (tail.isEmpty ? "" : "\n" + tail.joined(separator: "\n"))
        case .succeeded:
            stage.status = .failed
            stage.error = "\(name) ended but its task recorded nothing of this stage"
        case .notSubmitted(let why):
            stage.status = .failed
            stage.error = "not submitted to Slurm: \(why)"
        }
        return stage
    }
}

extension Project {
    /// Detached cluster runs of `pipeline` whose last job has not recorded them yet: their run
    /// ids, when they were submitted, and their Slurm job ids (newest first).
    package func detachedRunsOut(_ pipeline: String) -> [(run: String, submitted: Date, jobs: [String])] {
        let tasks = stateDirectory + "/tasks"
        let fm = FileManager.default
        var out = [(run: String, submitted: Date, jobs: [String])]()
        for run in ((try? fm.contentsOfDirectory(atPath: tasks)) ?? []).sorted(by: >) {
            let folder = "\(tasks)/\(run)"
            guard !fm.fileExists(atPath: "\(folder)/\(ClusterManifest.recorded)"),
                let data = fm.contents(atPath: "\(folder)/\(ClusterManifest.file)"),
                let manifest = try? JSONDecoder().decode(ClusterManifest.self, from: data),
                manifest.pipelines.contains(pipeline)
            else { continue }
            out.append((run, Date(timeIntervalSince1970: manifest.submitted), manifest.jobs.compactMap(\.id)))
        }
        return out
    }
}

/// What a detached cluster run leaves for its last job: the jobs and their Slurm ids.
struct ClusterManifest: Codable {
    static let file = "run.json"
    /// Written beside it by the job that recorded the run.
    static let recorded = "recorded"

    struct Job: Codable {
        var number: Int
        var pipeline: String
        var variant: Int
        var params: [String]
        var stages: [String]
        var after: [Int]
        var id: String?
    }

    var pipelines: [String]
    /// When the driver started (seconds since 1970): the run record's start.
    var submitted: Double
    var jobs: [Job]
}

/// The Slurm ids of a run's jobs still out, readable from a signal's exit handler.
final class SubmittedJobs: Sendable {
    private let state = Mutex((live: [String](), running: Set<String>()))

    func add(_ id: String) { state.withLock { $0.live.append(id) } }
    func remove(_ id: String) { state.withLock { $0.live.removeAll { $0 == id } } }
    var live: [String] { state.withLock { $0.live } }
    /// Whether `id` was not yet known to run.
    func markRunning(_ id: String) -> Bool { state.withLock { $0.running.insert(id).inserted } }
}
