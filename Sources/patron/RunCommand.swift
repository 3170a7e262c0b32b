import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages

extension Patron {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run pipelines; only stale stages run, the rest come from the cache.",
            discussion: """
                Examples:
                  patron run customer-health
                  patron run customer-health --param horizon_weeks=26
                  patron run weekly --quiet --log-format json      # for cron
                  patron run customer-health --only orders --force
                  patron run customer-health --executor slurm --sbatch-args="-p short -t 30"
                """)

        @Argument(help: "Pipelines to run (names of Pipelines/NAME.yaml). Default: the only pipeline, if there is one.")
        var pipelines: [String] = []

        @OptionGroup var projectOptions: ProjectOptions

        @Option(
            name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
            help: "Stages to run at once (default: number of cores).")
        var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @Option(
            name: .long,
            help:
                "Override a pipeline param: name=value (repeatable; a name given several values is a sweep: one run per combination)."
        )
        var param: [String] = []

        @Option(name: .long, help: "Run only this stage, with its inputs from the cache (repeatable).")
        var only: [String] = []

        @Option(name: .long, help: "Run this stage and everything downstream of it.")
        var from: String?

        @Option(name: .long, help: "Run this stage and everything it needs.")
        var to: String?

        @Flag(name: .long, help: "Rerun selected stages even when the cache has them.")
        var force = false

        @Flag(name: .long, help: "Say what would run and why, and run nothing.")
        var dryRun = false

        @Flag(name: .long, help: "After a failure, still run every stage that does not depend on the failed one.")
        var keepGoing = false

        @Flag(name: .long, help: "Print only errors.")
        var quiet = false

        @Option(name: .long, help: "Log format: text or json (one JSON object per line, for cron and log collectors).")
        var logFormat: EventLog.Format = .text

        @Flag(name: .long, help: "Wait for another run of this project to finish instead of exiting with 75.")
        var wait = false

        @Flag(
            name: .long,
            help:
                "Let a pipeline file write reports outside the project folder (refused by default: a pipeline file from someone else must not write elsewhere)."
        )
        var allowOutside = false

        @Flag(
            name: .long,
            help:
                "Let reports show when the run was and how long each stage took (off by default, so reports are the same bytes on every run)."
        )
        var stamp = false

        @Flag(
            name: .long,
            help:
                "Run as one task of a cluster run (what the Slurm driver submits): no project lock, no sweep of half-written entries, no rewrite of the pipeline's state; the run record goes to .patron/tasks/."
        )
        var task = false

        @Option(
            name: .long,
            help:
                "With --task: the cluster run this task belongs to; its run record goes to .patron/tasks/RUN/.")
        var runID: String?

        @Option(
            name: .long,
            help:
                "Where stages run: local (this machine), or slurm (each group of stale stages is an sbatch job on the cluster; this process waits and records the run)."
        )
        var executor: Executor = .local

        @Option(
            name: .long,
            help:
                "With --executor slurm: arguments for every sbatch, as one string after '=' (--sbatch-args=\"--partition=short --time=30\")."
        )
        var sbatchArgs: String?

        @Option(name: .long, help: "With --executor slurm: jobs in the queue at once (default: no limit).")
        var maxJobs: Int?

        @Option(
            name: .long,
            help:
                "With --executor slurm: a pipeline whose stale stages took this many seconds or less in their last runs is one job; 0 gives every chain its own job."
        )
        var fuseUnder: Double = PipelinePlan.smallPipeline

        @Flag(
            name: .long,
            help:
                "With --executor slurm: submit and return; a last job records the run when the others end.")
        var detach = false

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The last job of a detached Slurm run: merge run RUN's task records into the run record.",
                visibility: .hidden))
        var collect: String?

        @Option(
            name: .long,
            help:
                "STAGE=KEY: fail (exit 2) unless the stage's cache key here is KEY (the driver's), as when an input changed after submission or this node runs another build (repeatable)."
        )
        var expect: [String] = []

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("-j must be at least 1") }
            for e in expect where !e.contains("=") { throw ValidationError("--expect \(e): write it as STAGE=KEY") }
            for p in param where !p.contains("=") { throw ValidationError("--param \(p): write it as name=value") }
            if let runID, !isRunID(runID) {
                throw ValidationError("--run-id \(runID): letters, digits, '-', '_' and '.' only")
            }
            if runID != nil && !task { throw ValidationError("--run-id goes with --task") }
            if executor == .slurm && task { throw ValidationError("a task (--task) runs here: drop --executor slurm") }
            if executor == .local && (sbatchArgs != nil || maxJobs != nil) {
                throw ValidationError("--sbatch-args and --max-jobs go with --executor slurm")
            }
            if detach && executor != .slurm { throw ValidationError("--detach goes with --executor slurm") }
            if detach && maxJobs != nil {
                throw ValidationError("--max-jobs needs a driver that waits: drop --detach, or --max-jobs")
            }
            if let collect, !isRunID(collect) { throw ValidationError("--collect \(collect): not a run id") }
            if let maxJobs, maxJobs < 1 { throw ValidationError("--max-jobs must be at least 1") }
            guard fuseUnder >= 0 else { throw ValidationError("--fuse-under must be 0 or more seconds") }
        }

        func run() async throws {
            // Signals first: a SIGTERM from here on stops the run cleanly (see `Interruption`).
            let log = EventLog(format: logFormat, quiet: quiet)
            if !dryRun { Interruption.shared.install(log: log) }
            let project = try projectOptions.load()
            let registry = BuiltinModules.registry
            let names = try resolvePipelines(project)
            // A param given several values is a sweep: a run per combination, for each pipeline.
            let variants = Run.variants(param)
            var plans = [PipelinePlan](), planParams = [[String]]()
            for name in names {
                for params in variants {
                    plans.append(
                        try project.plan(
                            name, registry: registry, overrides: parseOverrides(params), allowOutside: allowOutside))
                    planParams.append(params)
                }
            }
            let sweep = variants.count > 1
            if sweep { try checkSweepOutputs(plans, params: planParams, project: project) }
            let planVariants = plans.indices.map { sweep ? $0 % variants.count : nil }
            if !expect.isEmpty { try checkExpectedKeys(plans, project: project) }
            // A task shares the project with the driver's other tasks: it takes no lock and
            // sweeps nothing (another task may be mid-store).
            let lock = dryRun || task ? nil : try acquireRunLock(project, wait: wait, log: log)
            let cache = try LocalCacheStore(root: project.cacheDirectory)
            if lock != nil {
                // Leftovers of a run that was killed: half-written entries and stage scratch folders.
                cache.removeAbandonedTemporaries()
                try? FileManager.default.removeItem(atPath: project.stateDirectory + "/tmp")
            }
            let runner = Runner(
                project: project, registry: registry, cache: cache, log: log,
                hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
            if !dryRun { handleInterruptions(cache: cache, log: log) }
            var options = RunOptions()
            options.afterStage = Main.trimHeap
            options.jobs = jobs
            options.force = force
            options.dryRun = dryRun
            options.keepGoing = keepGoing
            options.only = only
            options.from = from
            options.to = to
            options.arguments = Array(CommandLine.arguments.dropFirst())
            options.stamp = stamp
            if task { options.taskRecords = project.stateDirectory + "/tasks" + (runID.map { "/" + $0 } ?? "") }

            if executor == .slurm || collect != nil {
                let outcome =
                    if let collect {
                        try runner.collectSlurmRun(
                            plans, params: planParams, variants: planVariants, options: options, runID: collect)
                    } else {
                        try await runner.runOnSlurm(
                            plans, params: planParams, variants: planVariants, options: options,
                            cluster: try clusterOptions())
                    }
                for (k, summary) in outcome.summaries.enumerated() where !dryRun {
                    finished(
                        summary, plan: plans[k], params: sweep ? planParams[k] : [], project: project, cache: cache,
                        log: log)
                }
                withExtendedLifetime(lock) {}
                if let signal = outcome.summaries.lazy.compactMap(\.interruption).first {
                    throw ExitCode(Interruption.exitStatus(signal))
                }
                if outcome.usageFailure { throw ExitCode(2) }
                if !outcome.summaries.allSatisfy(\.succeeded) { throw ExitCode(1) }
                return
            }

            var allSucceeded = true
            for (k, plan) in plans.enumerated() {
                let label = RunRecord.label(plan.name, params: sweep ? planParams[k] : [])
                if plans.count > 1 || dryRun {
                    log.event(
                        "pipeline",
                        ["pipeline": .string(plan.name), "params": .string(planParams[k].joined(separator: " "))],
                        text: "\(label)\(dryRun ? " (dry run)" : ""):")
                }
                options.params = planParams[k]
                options.variant = planVariants[k]
                let summary = try await runner.run(plan, options: options)
                allSucceeded = allSucceeded && summary.succeeded
                if !dryRun {
                    finished(
                        summary, plan: plan, params: sweep ? planParams[k] : [], project: project, cache: cache,
                        log: log)
                }
                if let signal = summary.interruption {
                    // The other pipelines do not start; the lock goes with the process.
                    withExtendedLifetime(lock) {}
                    throw ExitCode(Interruption.exitStatus(signal))
                }
            }
            withExtendedLifetime(lock) {}
            if !allSucceeded { throw ExitCode(1) }
        }

        /// What a finished pipeline says, and the entries it now uses marked as used now
        /// (`gc --older-than` keeps them); a task marks what it ran and read.
        func finished(
            _ summary: RunSummary, plan: PipelinePlan, params: [String], project: Project, cache: LocalCacheStore,
            log: EventLog
        ) {
            report(
                summary, plan: plan, label: RunRecord.label(plan.name, params: params), project: project, cache: cache,
                log: log)
            let keys =
                task
                ? summary.record.stages.filter(\.status.isAvailable).compactMap(\.key)
                : PipelineState.load(project, pipeline: plan.name).stages.values.map(\.key)
            for key in keys { cache.markUsed(key) }
        }

        /// `--executor slurm`'s settings: the binary the nodes run is this one.
        func clusterOptions() throws -> ClusterOptions {
            let environment = ProcessInfo.processInfo.environment
            var options = ClusterOptions(patron: patronBinary())
            options.sbatchArguments = try sbatchArgs.map(Shell.split) ?? []
            options.maxJobs = maxJobs ?? 0
            options.fuseUnder = fuseUnder
            options.poll = environment["PATRON_SLURM_POLL"].flatMap(Double.init).map { min(max($0, 0.1), 60) } ?? 2
            options.detach = detach
            options.params = param
            options.taskArguments = (allowOutside ? ["--allow-outside"] : []) + (stamp ? ["--stamp"] : [])
            return options
        }

        /// `--param` given once per name: one run. A name given several values is a sweep: a run
        /// per combination, the first name's values varying slowest (`h=13 h=26 m=a m=b`: h=13
        /// m=a, h=13 m=b, h=26 m=a, h=26 m=b).
        static func variants(_ params: [String]) -> [[String]] {
            var names = [String](), values = [String: [String]]()
            for p in params {
                let name = String(p[..<p.firstIndex(of: "=")!])
                if values[name] == nil { names.append(name) }
                values[name, default: []].append(p)
            }
            var out: [[String]] = [[]]
            for name in names { out = out.flatMap { prefix in values[name]!.map { prefix + [$0] } } }
            return out
        }

        /// A sweep whose runs would write the same report folder is refused before anything runs.
        func checkSweepOutputs(_ plans: [PipelinePlan], params: [[String]], project: Project) throws {
            var writer = [String: Int]()
            for (k, plan) in plans.enumerated() {
                for (stage, param, path) in plan.outputPaths {
                    let absolute = ProjectPath.absolute(path, root: project.root)
                    if let other = writer[absolute], plans[other].name == plan.name {
                        throw PipelineError.usage(
                            "pipeline '\(plan.name)', stage '\(stage)': the sweep's runs [\(params[other].joined(separator: ", "))] and [\(params[k].joined(separator: ", "))] would both write \(path) (its '\(param)'); put the swept param in it, e.g. \(param): \(path)-${\(Run.sweptNames(params).first ?? "param")}"
                        )
                    }
                    writer[absolute] = k
                }
            }
        }

        /// The names given several values.
        static func sweptNames(_ params: [[String]]) -> [String] {
            guard let first = params.first else { return [] }
            return first.indices.filter { i in Set(params.map { $0[i] }).count > 1 }.map {
                String(first[$0].prefix { $0 != "=" })
            }
        }

        func isRunID(_ id: String) -> Bool {
            !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        }

        /// Where the stages run.
        enum Executor: String, ExpressibleByArgument {
            case local, slurm
        }

        /// `--expect STAGE=KEY`: the keys computed here must be the driver's.
        func checkExpectedKeys(_ plans: [PipelinePlan], project: Project) throws {
            let hasher = FileHasher(memoPath: project.stateDirectory + "/statcache.json")
            var found = [String: String]()
            for plan in plans {
                for (id, material) in plan.keys(project: project, hasher: hasher) {
                    if let key = try? material.get().key { found[id] = key }
                }
            }
            for e in expect {
                let eq = e.firstIndex(of: "=")!
                let stage = String(e[..<eq]), key = String(e[e.index(after: eq)...])
                guard let here = found[stage] else {
                    throw PipelineError.usage(
                        "--expect \(stage)=…: no stage '\(stage)' (or its key cannot be computed here)")
                }
                guard here == key else {
                    throw PipelineError.usage(
                        "--expect \(stage): its key here is \(here.prefix(12))…, the driver expected \(key.prefix(12))…: an input or the pipeline file changed after the run was submitted, or this node runs another patron build; resubmit the run"
                    )
                }
            }
        }

        func resolvePipelines(_ project: Project) throws -> [String] {
            if !pipelines.isEmpty { return pipelines }
            let all = project.pipelineNames()
            if all.count == 1 { return all }
            throw PipelineError.usage(
                "name a pipeline to run: \(all.isEmpty ? "the project has none (add Pipelines/NAME.yaml)" : all.joined(separator: ", "))"
            )
        }

        /// Where the outputs are, and what happened.
        func report(
            _ summary: RunSummary, plan: PipelinePlan, label: String, project: Project, cache: any CacheStore,
            log: EventLog
        ) {
            let ran = summary.record.stages.filter { $0.status == .ran }.count
            let cached = summary.record.stages.filter { $0.status == .cached }.count
            let failed = summary.record.stages.filter { $0.status == .failed }.map(\.id)
            let skipped = summary.record.stages.filter { $0.status == .skipped }.map(\.id)
            let interrupted = summary.record.stages.filter { $0.status == .interrupted }.map(\.id)
            let outcome =
                summary.interruption.map { "INTERRUPTED by \(Interruption.name($0))" }
                ?? (summary.succeeded ? "done" : "FAILED")
            let counts = "\(ran) ran, \(cached) from cache"
            var lines = [
                "\(label): \(outcome) in \(summary.record.seconds) s — \(counts)"
                    + (failed.isEmpty ? "" : ", failed: \(failed.joined(separator: ", "))")
                    + (interrupted.isEmpty ? "" : ", interrupted: \(interrupted.joined(separator: ", "))")
                    + (skipped.isEmpty ? "" : ", skipped: \(skipped.joined(separator: ", "))")
            ]
            let available = summary.record.stages.filter(\.status.isAvailable)
            let width =
                (available.compactMap { plan.stage($0.id) }.flatMap { s in
                    s.ports.map { $0 == "main" ? s.id.count : s.id.count + $0.count + 1 }
                }.max() ?? 8) + 1
            if !available.isEmpty {
                lines.append("outputs (Arrow IPC; preview with `patron show \(plan.name) STAGE`):")
            }
            for stage in available {
                guard let key = stage.key, let stagePlan = plan.stage(stage.id) else { continue }
                let rows = cache.meta(key)?.ports.first { $0.name == "main" }?.rows
                lines.append(
                    "  \(stage.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(project.display(cache.portPath(key, port: "main")))\(rows.map { "  (\($0) rows)" } ?? "")"
                )
                for port in stagePlan.ports where port != "main" {
                    let n = cache.meta(key)?.ports.first { $0.name == port }?.rows ?? 0
                    lines.append(
                        "  \((stage.id + "." + port).padding(toLength: width, withPad: " ", startingAt: 0)) \(project.display(cache.portPath(key, port: port)))  (\(n) rows)"
                    )
                }
            }
            for stage in available {
                guard let key = stage.key, plan.stage(stage.id)?.spec.capabilities.contains(.writesFiles) == true,
                    let manifest = try? cache.load(key, port: "main"),
                    case .string(let paths)? = manifest["path"]?.storage
                else { continue }
                lines.append("\(stage.id) wrote: " + (0..<paths.count).map { paths[$0] }.joined(separator: ", "))
            }
            if let path = summary.recordPath { lines.append("run record: \(project.display(path))") }
            log.event(
                "run_finished",
                [
                    "pipeline": .string(plan.name), "outcome": .string(summary.record.outcome.rawValue),
                    "seconds": .double(summary.record.seconds), "ran": .int(ran), "cached": .int(cached),
                    "record": .string(summary.recordPath.map(project.display) ?? ""),
                ],
                text: lines.joined(separator: "\n"), isError: !summary.succeeded)
        }
    }
}

extension EventLog.Format: ExpressibleByArgument {}

/// Stops the run cleanly on SIGTERM, SIGINT or SIGHUP (see `Interruption`): an exit that
/// cannot wait for a stage removes this process's unfinished cache entries first.
func handleInterruptions(cache: any CacheStore, log: EventLog) {
    Interruption.shared.install(log: log)
    _ = Interruption.shared.onExit { cache.removeOwnTemporaries() }
}

/// Takes `.patron/lock` for a command that runs stages; exits 75 when another run holds it
/// (unless `wait`).
func acquireRunLock(_ project: Project, wait: Bool, log: EventLog) throws -> RunLock {
    try FileManager.default.createDirectory(atPath: project.stateDirectory, withIntermediateDirectories: true)
    switch try RunLock.acquire(path: project.stateDirectory + "/lock", wait: wait) {
    case .acquired(let lock): return lock
    case .busy(let holder):
        log.event(
            "locked", ["holder": .string(holder)],
            text:
                "patron: another run of this project holds .patron/lock (\(holder.isEmpty ? "unknown process" : holder)); wait for it, or pass --wait",
            isError: true)
        throw ExitCode(75)
    }
}
