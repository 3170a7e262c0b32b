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
    package var name: String
    package var description: String
    /// Path of the file, as shown in messages.
    package var path: String
    package var params: [Param]
    package var stages: [Stage]

    package struct Param: Sendable {
        package var name: String
        package var value: Value
        package var position: Position
    }

    /// A reference to a stage's output port: `clean` (its main table) or `clean.rejects`.
    public struct InputRef: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The stage read.
        public var stage: String
        /// Its port (`main` for the stage's own table).
        public var port: String
        /// The `port` table of `stage`.
        public init(stage: String, port: String = "main") {
            self.stage = stage
            self.port = port
        }
        package init(parsing text: String) {
            if let dot = text.firstIndex(of: ".") {
                self.init(stage: String(text[..<dot]), port: String(text[text.index(after: dot)...]))
            } else {
                self.init(stage: text)
            }
        }
        /// `stage` for the main port, else `stage.port`, as `inputs:` writes it.
        public var description: String { port == "main" ? stage : "\(stage).\(port)" }
    }

    package struct Stage: Sendable {
        package var id: String
        package var position: Position
        package var use: String
        package var usePosition: Position
        package var notes: String?
        package var inputs: [(ref: InputRef, position: Position)]
        package var with: [(key: String, value: Value, keyPosition: Position, valuePosition: Position)]
    }
}
