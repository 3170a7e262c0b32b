import Foundation
import PatronSupport
import PatronTable

/// Options of one `patron run`.
public struct RunOptions: Sendable {
    public var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var force = false
    public var dryRun = false
    public var keepGoing = false
    public var only: [String] = []
    public var from: String? = nil
    public var to: String? = nil
    public var arguments: [String] = []
    /// Where stages that write files write them (`patron check` points it at a temporary
    /// folder); nil: the project root.
    public var outputRoot: String? = nil
    /// Let reports show when the run was and how long stages took (`--stamp`); off by
    /// default so that reports are the same bytes on every run.
    public var stamp = false
    /// Called after each stage ends and its memory is let go (the command hands freed heap
    /// back to the system there).
    public var afterStage: (@Sendable () -> Void)? = nil
    public init() {}
}

/// How a run ended.
public struct RunSummary: Sendable {
    public var succeeded: Bool
    public var record: RunRecord
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
    public let project: Project
    public let cache: any CacheStore
    public let log: EventLog
    public let hasher: FileHasher
    public let registry: ModuleRegistry

    public init(project: Project, registry: ModuleRegistry, cache: any CacheStore, log: EventLog, hasher: FileHasher) {
        self.project = project
        self.registry = registry
        self.cache = cache
        self.log = log
        self.hasher = hasher
    }

    public func run(_ plan: PipelinePlan, options: RunOptions) async throws -> RunSummary {
        let start = RunStart(options: options)
        var work = try prepare(plan, options: options)
        if options.dryRun { return dryRun(plan, work: work, start: start) }
        await schedule(plan, &work, start: start)
        return finish(plan, work, start: start)
    }

    /// When and how a run started: what every part of it refers back to.
    struct RunStart: Sendable {
        let options: RunOptions
        let date = Date()
        let clock = ContinuousClock.now
        let id: String

        init(options: RunOptions) {
            self.options = options
            id = RunRecord.makeID(date)
        }
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

    /// `text` as one shell word: single quotes, with each `'` written as `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
    }
}
