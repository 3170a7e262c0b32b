import Foundation
import PatronSupport
import PatronTable

/// `.patron/runs/<id>.json`: what one `patron run` did, for people and for tools.
public struct RunRecord: Codable, Sendable {
    public struct Stage: Codable, Sendable {
        public var id: String
        public var module: String
        public var key: String?
        /// ran, cached, failed, skipped (upstream failed or run stopped), not-selected
        public var status: String
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
    public var outcome: String
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
