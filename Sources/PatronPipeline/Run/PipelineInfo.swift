/// What a file-writing stage (a report) knows of the pipeline around it: every stage's
/// module, notes and resolved params, which stages are upstream of it, and for those what
/// their cache entries recorded (rows per port, counts).
///
/// Nothing here depends on when or how fast the run went unless `stamp` is set, so a
/// report made from it is the same bytes on every run.
package struct PipelineInfo: Sendable {
    package struct Stage: Sendable {
        package var id: String
        package var module: String
        package var version: String
        package var notes: String?
        /// Resolved params, sorted by name.
        package var params: [(name: String, value: Value)]
        package var inputs: [PipelineFile.InputRef]
        /// Whether this stage is upstream of the stage the info is for.
        package var upstream: Bool
        /// Rows per port, from the cache entry (upstream stages only).
        package var rows: [String: Int]
        /// The counts the stage reported (rows in, rejected by reason, …).
        package var counts: [String: Int]
        /// With `stamp`: ran or cached in this run, and the stage's seconds.
        package var status: StageState?
        package var seconds: Double?
    }

    package var name: String
    package var description: String
    /// The pipeline file, relative to the project.
    package var path: String
    package var stages: [Stage]
    /// Set by `patron run --stamp`: the run's start, as an ISO 8601 time.
    package var stamp: String?

    package init(name: String, description: String, path: String, stages: [Stage], stamp: String? = nil) {
        self.name = name
        self.description = description
        self.path = path
        self.stages = stages
        self.stamp = stamp
    }

    package func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
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
