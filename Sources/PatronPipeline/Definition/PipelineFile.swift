/// A pipeline file as written: params, stages and where each piece stands in the file.
///
/// ```yaml
/// pipeline: customer-health
/// params: {observation_end: 2025-06-30}
/// stages:
///   orders:
///     use: ingest.csv
///     with: {path: Data/sample/orders.csv}
/// ```
public struct PipelineFile: Sendable {
    public var name: String
    public var description: String
    /// Path of the file, as shown in messages.
    public var path: String
    public var params: [Param]
    public var stages: [Stage]

    public struct Param: Sendable {
        public var name: String
        public var value: Value
        public var position: Position
    }

    /// A reference to a stage's output port: `clean` (its main table) or `clean.rejects`.
    public struct InputRef: Sendable, Equatable, Hashable, CustomStringConvertible {
        public var stage: String
        public var port: String
        public init(stage: String, port: String = "main") {
            self.stage = stage
            self.port = port
        }
        public init(parsing text: String) {
            if let dot = text.firstIndex(of: ".") {
                self.init(stage: String(text[..<dot]), port: String(text[text.index(after: dot)...]))
            } else {
                self.init(stage: text)
            }
        }
        public var description: String { port == "main" ? stage : "\(stage).\(port)" }
    }

    public struct Stage: Sendable {
        public var id: String
        public var position: Position
        public var use: String
        public var usePosition: Position
        public var notes: String?
        public var inputs: [(ref: InputRef, position: Position)]
        public var with: [(key: String, value: Value, keyPosition: Position, valuePosition: Position)]
    }
}
