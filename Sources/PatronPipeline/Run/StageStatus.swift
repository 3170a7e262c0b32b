import Foundation
import PatronSupport
import PatronTable

/// Whether a stage's cached output is current, and if not, why.
package enum StageStatus: Sendable, Equatable {
    case fresh(key: String)
    case stale(reasons: [String])
    case broken(String)

    package var isFresh: Bool { if case .fresh = self { true } else { false } }

    package var summary: String {
        switch self {
        case .fresh: "fresh"
        case .stale(let reasons): "stale: " + reasons.joined(separator: "; ")
        case .broken(let message): "cannot run: " + message
        }
    }
}

/// The key material each stage had when it last completed, per pipeline: what `status`
/// compares against to explain a rerun. Stored in `.patron/state/PIPELINE.json`.
package struct PipelineState: Codable, Sendable {
    package var stages: [String: KeyMaterial] = [:]

    static func path(_ project: Project, _ pipeline: String) -> String {
        "\(project.stateDirectory)/state/\(pipeline).json"
    }

    package static func load(_ project: Project, pipeline: String) -> PipelineState {
        FileManager.default.contents(atPath: path(project, pipeline)).flatMap {
            try? JSONDecoder().decode(PipelineState.self, from: $0)
        } ?? PipelineState()
    }

    package func save(_ project: Project, pipeline: String) throws {
        let file = PipelineState.path(project, pipeline)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let json = try encoder.encode(self)
        // (Not Foundation's `.atomic`, which fsyncs: a forced journal commit cost 60–80 ms.)
        try AtomicFile.replace(file) { try SequentialFile.write(Array(json), to: $0) }
    }
}

extension PipelinePlan {
    /// Each stage's status, in plan order, explained against the last completed run.
    ///
    /// A stage that writes files is fresh only if the files its cache entry lists are under
    /// `outputRoot` with the same content (checked through `hasher`'s stat cache).
    package func statuses(
        keys: [String: Result<KeyMaterial, StageFailure>], cache: any CacheStore,
        state: PipelineState, outputRoot: String? = nil, hasher: FileHasher? = nil
    ) -> [(stage: String, status: StageStatus)] {
        var out = [(stage: String, status: StageStatus)]()
        var staleIDs = Set<String>()
        for stage in stages {
            let status: StageStatus
            switch keys[stage.id] {
            case .failure(let error)?: status = .broken(error.message)
            case nil: status = .broken("no key")
            case .success(let now):
                if cache.contains(now.key) {
                    let missing =
                        stage.spec.capabilities.contains(.writesFiles)
                        ? PipelinePlan.outputProblems(cache: cache, key: now.key, root: outputRoot, hasher: hasher) : []
                    status = missing.isEmpty ? .fresh(key: now.key) : .stale(reasons: missing)
                } else {
                    status = .stale(
                        reasons: PipelinePlan.reasons(
                            now: now, before: state.stages[stage.id], staleInputs: staleIDs, stage: stage))
                }
            }
            if !status.isFresh { staleIDs.insert(stage.id) }
            out.append((stage.id, status))
        }
        return out
    }

    /// Why the files a file-writing stage's manifest lists are not as it wrote them.
    static func outputProblems(cache: any CacheStore, key: String, root: String?, hasher: FileHasher?) -> [String] {
        guard let root, let hasher else { return [] }
        guard let manifest = try? cache.load(key, port: "main"), case .string(let paths)? = manifest["path"]?.storage,
            case .string(let sums)? = manifest["content_hash"]?.storage
        else {
            return ["its cache entry has no manifest of the files it wrote"]
        }
        var problems = [String]()
        for row in 0..<paths.count {
            let path = root + "/" + paths[row]
            if !FileManager.default.fileExists(atPath: path) {
                problems.append("output \(paths[row]) is missing")
            } else if (try? hasher.hash(path: path)) != sums[row] {
                problems.append("output \(paths[row]) is not what the stage wrote (edited, or written by another run)")
            }
        }
        return problems
    }

    static func reasons(now: KeyMaterial, before: KeyMaterial?, staleInputs: Set<String>, stage: Stage) -> [String] {
        guard let before else { return ["never run"] }
        var reasons = [String]()
        if before.engine != now.engine {
            reasons.append(
                "Patron's engine version changed (\(before.engine ?? "none") → \(now.engine ?? "none")): cached outputs were made by older code"
            )
        }
        if before.module != now.module {
            reasons.append("module changed (\(before.module) → \(now.module))")
        } else if before.version != now.version {
            reasons.append("module version changed (\(before.version) → \(now.version))")
        }
        let changed = Set(before.params.keys).union(now.params.keys).filter { before.params[$0] != now.params[$0] }
            .sorted()
        if changed.contains("(pipeline description)") {
            reasons.append("the pipeline's notes, description or another stage's params changed")
        }
        let changedParams = changed.filter { $0 != "(pipeline description)" }
        if !changedParams.isEmpty {
            reasons.append(
                "params changed: "
                    + changedParams.map { name in
                        "\(name) \(before.params[name] ?? "unset") → \(now.params[name] ?? "unset")"
                    }.joined(separator: ", "))
        }
        for (param, hash) in now.files.sorted(by: { $0.key < $1.key }) where before.files[param] != hash {
            let path = stage.params[param]?.string ?? param
            reasons.append("input file changed: \(path)")
        }
        let inputsChanged = Set(before.inputs.keys).union(now.inputs.keys).filter {
            before.inputs[$0] != now.inputs[$0]
        }.sorted()
        // Inputs the stage no longer reads are named as such, never as stale or changed.
        for ref in inputsChanged {
            let upstream = PipelineFile.InputRef(parsing: ref).stage
            if now.inputs[ref] == nil {
                reasons.append("no longer reads \(ref)")
            } else if before.inputs[ref] == nil {
                reasons.append(
                    staleInputs.contains(upstream)
                        ? "now reads \(ref), which is stale and will rerun" : "now reads \(ref)")
            } else {
                reasons.append(
                    staleInputs.contains(upstream) ? "input \(ref) is stale and will rerun" : "input \(ref) changed")
            }
        }
        if reasons.isEmpty {
            reasons.append(
                before.key == now.key ? "cache entry missing (removed by gc or by hand)" : "cache key changed")
        }
        return reasons
    }
}
