import Foundation
import PatronSupport

/// What goes into a stage's cache key, kept so `status` can say what changed.
package struct KeyMaterial: Codable, Sendable, Equatable {
    package var key: String
    package var module: String
    package var version: String
    /// `Engine.version` when the key was made (nil in state written before it existed).
    package var engine: String?
    /// Each param's canonical JSON.
    package var params: [String: String]
    /// Upstream ref → its cache key.
    package var inputs: [String: String]
    /// File param → content SHA-256.
    package var files: [String: String]
}

extension PipelinePlan {
    /// Cache keys for every stage, upstream first: SHA-256 over the engine version, the
    /// module name and version,
    /// the canonical JSON of its params, its inputs' keys and its input files' content
    /// hashes. A stage whose key cannot be made (a missing input file) gets an error instead.
    package func keys(project: Project, hasher: FileHasher) -> [String: Result<KeyMaterial, StageFailure>] {
        var out = [String: Result<KeyMaterial, StageFailure>]()
        let description = descriptionJSON
        for stage in stages {
            var inputs = [String: String]()
            var failure: StageFailure? = nil
            for ref in stage.inputs {
                switch out[ref.stage] {
                case .success(let upstream): inputs[ref.description] = upstream.key
                case .failure(let error): failure = StageFailure("input '\(ref)' cannot be prepared: \(error.message)")
                case nil: failure = StageFailure("input '\(ref)' is unknown")
                }
            }
            var files = [String: String]()
            for spec in stage.spec.params where spec.kind == .inputFile {
                guard let path = stage.params[spec.name]?.string else { continue }
                let absolute = ProjectPath.absolute(path, root: project.root)
                do { files[spec.name] = try hasher.hash(path: absolute) } catch let error as StageFailure {
                    failure = StageFailure("\(spec.name): \(error.message)")
                } catch { failure = StageFailure("\(spec.name): \(error)") }
            }
            if let failure {
                out[stage.id] = .failure(failure)
                continue
            }
            var params = stage.params.mapValues(\.canonicalJSON)
            if stage.spec.capabilities.contains(.readsPipeline) {
                // A report shows every stage's notes and params: any change there is a change here.
                params["(pipeline description)"] = SHA256.hash(description).hex
            }
            let material: Value = .map([
                .init("engine", .string(Engine.version)),
                .init("module", .string(stage.spec.name)),
                .init("version", .string(stage.spec.version)),
                .init("params", .map(params.map { .init($0.key, .string($0.value)) })),
                .init("inputs", .map(inputs.map { .init($0.key, .string($0.value)) })),
                .init("files", .map(files.map { .init($0.key, .string($0.value)) })),
            ])
            out[stage.id] = .success(
                KeyMaterial(
                    key: SHA256.hash(material.canonicalJSON).hex, module: stage.spec.name,
                    version: stage.spec.version, engine: Engine.version, params: params, inputs: inputs, files: files))
        }
        return out
    }
}

/// The version of what every module shares — the CSV reader, the table and Arrow code, the
/// cache's file format — in every cache key beside the module's own version. Bump it when a
/// change there changes any stage's output for the same input (`OutputPinTests` fails until
/// a version says why), so that no cached entry made by the old code is served again.
public enum Engine {
    /// The current engine version. 2: the CSV reader reads ISO date-times by default (a `date`
    /// column keeps their day) and infers `datetime` columns.
    public static let version = "2"
}
