import Foundation
import PatronSupport
import PatronTable

/// `.patron/runs/<id>.json`: what one `patron run` did, for people and for tools.
public struct RunRecord: Codable, Sendable {
    public struct Stage: Codable, Sendable {
        public var id: String
        public var module: String
        public var key: String?
        public var status: StageState
        public var reason: String?
        public var seconds: Double?
        /// Of `seconds`, the time spent writing the output to the cache.
        public var storeSeconds: Double?
        public var rows: [String: Int]?
        public var counts: [String: Int]?
        public var error: String?
    }

    public var id: String
    public var pipeline: String
    public var started: String
    public var finished: String
    public var seconds: Double
    public var outcome: RunOutcome
    public var jobs: Int
    public var arguments: [String]
    public var stages: [Stage]

    /// `20250630T120000Z-4711`: sortable, unique per process.
    public static func makeID(_ date: Date = Date()) -> String {
        EventLog.timestamp(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            + "-\(getpid())"
    }

    public func save(in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let path = "\(directory)/\(id)-\(pipeline).json"
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
