/// What a file-writing stage (a report) knows of the pipeline around it: every stage's
/// module, notes and resolved params, which stages are upstream of it, and for those what
/// their cache entries recorded (rows per port, counts).
///
/// Nothing here depends on when or how fast the run went unless `stamp` is set, so a
/// report made from it is the same bytes on every run.
public struct PipelineInfo: Sendable {
    public struct Stage: Sendable {
        public var id: String
        public var module: String
        public var version: String
        public var notes: String?
        /// Resolved params, sorted by name.
        public var params: [(name: String, value: Value)]
        public var inputs: [PipelineFile.InputRef]
        /// Whether this stage is upstream of the stage the info is for.
        public var upstream: Bool
        /// Rows per port, from the cache entry (upstream stages only).
        public var rows: [String: Int]
        /// The counts the stage reported (rows in, rejected by reason, …).
        public var counts: [String: Int]
        /// With `stamp`: ran or cached in this run, and the stage's seconds.
        public var status: StageState?
        public var seconds: Double?
    }

    public var name: String
    public var description: String
    /// The pipeline file, relative to the project.
    public var path: String
    public var stages: [Stage]
    /// Set by `patron run --stamp`: the run's start, as an ISO 8601 time.
    public var stamp: String?

    public init(name: String, description: String, path: String, stages: [Stage], stamp: String? = nil) {
        self.name = name
        self.description = description
        self.path = path
        self.stages = stages
        self.stamp = stamp
    }

    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
}

extension PipelineInfo.Stage {
    public func param(_ name: String) -> Value? { params.first { $0.name == name }?.value }
}

extension PipelinePlan {
    /// Canonical JSON describing every stage (module, version, notes, params, inputs): part
    /// of the cache key of stages that write files, since a report shows all of it.
    var descriptionJSON: String {
        Value.list(
            stages.map { stage in
                Value.map([
                    .init("id", .string(stage.id)), .init("module", .string(stage.spec.name)),
                    .init("version", .string(stage.spec.version)),
                    .init("notes", stage.notes.map(Value.string) ?? .null),
                    .init("params", .map(stage.params.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) })),
                    .init("inputs", .list(stage.inputs.map { .string($0.description) })),
                ])
            } + [.string(name), .string(description)]
        ).canonicalJSON
    }
}
