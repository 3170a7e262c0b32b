import Foundation
import PatronSupport
import PatronTable

/// Options of one `patron run`.
public struct RunOptions: Sendable {
    /// Stages run at once (`-j`; the number of cores by default).
    public var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Rerun selected stages even when the cache has them (`--force`).
    public var force = false
    /// Say what would run and why, and run nothing (`--dry-run`).
    public var dryRun = false
    /// After a failure, still run every stage that does not depend on it (`--keep-going`).
    public var keepGoing = false
    /// Run only these stages, their inputs from the cache (`--only`).
    public var only: [String] = []
    /// Run this stage and everything downstream of it (`--from`).
    public var from: String? = nil
    /// Run this stage and everything it needs (`--to`).
    public var to: String? = nil
    package var arguments: [String] = []
    /// Where stages that write files write them (`patron check` points it at a temporary
    /// folder); nil: the project root.
    public var outputRoot: String? = nil
    /// Let reports show when the run was and how long stages took (`--stamp`); off by
    /// default so that reports are the same bytes on every run.
    package var stamp = false
    /// Called after each stage ends and its memory is let go (the command hands freed heap
    /// back to the system there).
    package var afterStage: (@Sendable () -> Void)? = nil
    /// Task mode (`--task`): the run record goes to this folder, not the runs folder, and the
    /// pipeline's state is left to the driver.
    package var taskRecords: String? = nil
    /// The `--param name=value` overrides this run was planned with, as given (in the record,
    /// and how a cluster run matches its tasks' records).
    package var params: [String] = []
    /// In a sweep (a param given several values), which combination this run is: its record's
    /// file name ends in `-N`.
    package var variant: Int? = nil
    /// In task mode, seconds to wait for an input's cache entry to appear (a network file
    /// system can show another node's new files late): `PATRON_INPUT_WAIT`, default 30.
    package var inputWait: Double =
        ProcessInfo.processInfo.environment["PATRON_INPUT_WAIT"].flatMap(Double.init).map { min(max($0, 0), 600) } ?? 30
    /// The defaults of `patron run`.
    public init() {}
}

/// How a run ended.
public struct RunSummary: Sendable {
    /// Whether every selected stage ended with its output in the cache.
    public var succeeded: Bool
    /// What the run did, stage by stage (also saved under `.patron/runs/`).
    public var record: RunRecord
    /// Where the record was saved (nil for a dry run, or when it could not be written).
    public var recordPath: String?
    /// The signal that interrupted the run, if one did (the command exits with 128 + it).
    public var interruption: Int32? = nil
}

/// Runs a pipeline's stages as a DAG: up to `jobs` stages at once, each as soon as its
/// inputs are ready; cached stages are not run; outputs go to the cache as they finish.
///
/// On a failure no new stage starts (unless `keepGoing`, which still runs every stage that
/// does not depend on the failed one); running stages finish and are cached, so a rerun
/// resumes where this one stopped. On SIGTERM, SIGINT or SIGHUP (`Interruption`) no new
/// stage starts either, running commands are stopped, and the record says `interrupted`.
///
/// A run has three parts, each in its own file: planning (`Runner+Planning`: what is fresh,
/// what must run and why), scheduling (`Runner+Scheduling`: stages on the cores, outputs to
/// the cache) and recording (`Runner+Recording`: the run record and the state `status`
/// compares against).
public struct Runner: Sendable {
    /// The project whose pipelines the runner runs.
    public let project: Project
    package let cache: any CacheStore
    package let log: EventLog
    package let hasher: FileHasher
    package let registry: ModuleRegistry

    /// A runner for `project`'s pipelines with the built-in modules (`registry`), the
    /// project's cache (`Project.cacheDirectory`) and its stat memo, reporting nothing.
    ///
    /// ```swift
    /// let project = try Project(explicit: "/srv/shop")
    /// let plan = try project.plan("customer-health", registry: BuiltinModules.registry)
    /// let runner = try Runner(project: project, registry: BuiltinModules.registry)
    /// let summary = try await runner.run(plan, options: RunOptions())
    /// let rfm = try runner.table("rfm", of: summary)
    /// ```
    public init(project: Project, registry: ModuleRegistry) throws {
        self.init(
            project: project, registry: registry, cache: try LocalCacheStore(root: project.cacheDirectory),
            log: EventLog(quiet: true, interactive: false),
            hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
    }

    /// The `port` table of `stage` as the run made or found it in the cache.
    /// - Throws: `StageFailure` when the stage did not end with its output in the cache (it
    ///   failed, or was not selected), or the entry is damaged.
    public func table(_ stage: String, port: String = "main", of summary: RunSummary) throws -> Table {
        guard let record = summary.record.stages.first(where: { $0.id == stage }) else {
            throw StageFailure("pipeline '\(summary.record.pipeline)' has no stage '\(stage)'")
        }
        guard record.status.isAvailable, let key = record.key else {
            throw StageFailure("stage '\(stage)' has no output from this run (\(record.status.rawValue))")
        }
        return try cache.load(key, port: port)
    }

    package init(project: Project, registry: ModuleRegistry, cache: any CacheStore, log: EventLog, hasher: FileHasher) {
        self.project = project
        self.registry = registry
        self.cache = cache
        self.log = log
        self.hasher = hasher
    }

    /// Runs `plan`'s stale stages (the selected ones, per `options`), stores their outputs in
    /// the cache, saves a run record and the state `patron status` compares against.
    /// - Throws: `PipelineError.usage` for a selection naming no stage; a failing stage is not
    ///   an error but a failed record (`RunSummary.succeeded`).
    public func run(_ plan: PipelinePlan, options: RunOptions) async throws -> RunSummary {
        let start = RunStart(options: options)
        var work = try prepare(plan, options: options)
        if options.dryRun { return dryRun(plan, work: work, start: start) }
        await schedule(plan, &work, start: start)
        return finish(plan, work, start: start)
    }

    /// When and how a run started: what every part of it refers back to.
    struct RunStart: Sendable {
        var options: RunOptions
        let date = Date()
        let clock = ContinuousClock.now
        let id: String

        init(options: RunOptions) {
            self.options = options
            id = RunRecord.makeID(date)
        }

        var recordParams: [String]? { options.params.isEmpty ? nil : options.params }

        /// The same start for one pipeline run of several (a sweep's combination).
        func of(params: [String], variant: Int?) -> RunStart {
            var each = self
            each.options.params = params
            each.options.variant = variant
            return each
        }
        /// When a detached cluster run was submitted: its record, written by its last job,
        /// starts there.
        var submitted: Date? = nil

        /// Seconds since the run started (since submission, for a detached cluster run).
        var elapsed: Double { submitted.map { Date().timeIntervalSince($0) } ?? Runner.seconds(since: clock) }
    }

    /// What a run knows and decides, stage by stage, from planning to the record.
    struct Work: Sendable {
        var keys: [String: Result<KeyMaterial, StageFailure>]
        var statuses: [String: StageStatus]
        /// Stages still to run (removed as they are skipped).
        var toRun: Set<String>
        var records: [String: RunRecord.Stage]
        var state: PipelineState
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
    }
}
