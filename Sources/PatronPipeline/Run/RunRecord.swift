import Foundation
import PatronSupport
import PatronTable

/// `.patron/runs/<id>.json`: what one `patron run` did, for people and for tools.
public struct RunRecord: Codable, Sendable {
    /// One stage in a run.
    public struct Stage: Codable, Sendable {
        /// The stage id.
        public var id: String
        /// Its module (`use:`).
        public var module: String
        /// Its cache key (nil when it could not be made: a missing input file).
        public var key: String?
        /// How it ended.
        public var status: StageState
        /// Why it ran, or was skipped.
        public var reason: String?
        /// Seconds it took, when it ran.
        public var seconds: Double?
        /// Of `seconds`, the time spent writing the output to the cache.
        package var storeSeconds: Double?
        /// Rows per output port, when it ran.
        public var rows: [String: Int]?
        /// The counts it reported (rows in, kept, rejected by reason…).
        public var counts: [String: Int]?
        /// Why it failed: what happened and what to do.
        public var error: String?
    }

    package var id: String
    /// The pipeline's name.
    public var pipeline: String
    package var started: String
    package var finished: String
    /// The run's wall-clock seconds.
    public var seconds: Double
    /// How the run ended.
    public var outcome: RunOutcome
    package var jobs: Int
    package var arguments: [String]
    /// Every stage of the pipeline, in plan order.
    public var stages: [Stage]
    /// The `--param` overrides, as given (nil: none).
    package var params: [String]? = nil
    /// Which combination of a sweep this run was (0-based; nil: not a sweep).
    package var variant: Int? = nil
    /// The cluster jobs that ran the stages (`--executor slurm`); nil for a local run.
    package var clusterJobs: [ClusterJobRecord]? = nil

    /// One job of a cluster run.
    package struct ClusterJobRecord: Codable, Sendable {
        package var number: Int
        /// The scheduler's job id (nil: never submitted, as a job whose input failed).
        package var id: String?
        package var stages: [String]
        /// How it ended: `succeeded`, `failed`, `not-run`, `interrupted`.
        package var outcome: String
    }

    /// How a pipeline run is named to people: `customer-health`, or with its `--param`
    /// overrides `customer-health [horizon_weeks=26]`.
    package static func label(_ pipeline: String, params: [String]) -> String {
        params.isEmpty ? pipeline : "\(pipeline) [\(params.joined(separator: ", "))]"
    }

    /// `20250630T120000Z-4711`: sortable, unique per process.
    package static func makeID(_ date: Date = Date()) -> String {
        EventLog.timestamp(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            + "-\(getpid())"
    }

    package func save(in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let path = "\(directory)/\(id)-\(pipeline)\(variant.map { "-\($0 + 1)" } ?? "").json"
        let json = try encoder.encode(self)
        try AtomicFile.replace(path) { try SequentialFile.write(Array(json), to: $0) }
        return path
    }
}

/// Where a stage stands in a run; in the run record as the raw value.
public enum StageState: String, Codable, Sendable, CaseIterable {
    /// Not picked by `--only`, `--from` or `--to`.
    case notSelected = "not-selected"
    /// Stale and selected: it will run (only seen in a dry run's record).
    case pending
    /// Fresh in the cache: not run.
    case cached
    /// Ran and its output is in the cache.
    case ran
    /// Ran and failed, or could not run (a missing input file, say).
    case failed
    /// Not run: an input failed, or the run stopped after a failure.
    case skipped
    /// Running or about to run when the run was interrupted by a signal.
    case interrupted

    /// Whether the stage's output is in the cache after the run.
    public var isAvailable: Bool { self == .ran || self == .cached }
}

/// How a run ended.
public enum RunOutcome: String, Codable, Sendable {
    case success
    case failed
    /// `--dry-run`: nothing ran.
    case dryRun = "dry-run"
    /// Stopped by SIGTERM, SIGINT or SIGHUP.
    case interrupted
}
