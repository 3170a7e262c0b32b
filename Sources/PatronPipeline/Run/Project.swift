import Foundation

/// A folder with a `Pipelines/` folder in it; every relative path resolves from its root.
public struct Project: Sendable {
    /// The project folder (the one holding `Pipelines/`), absolute.
    public let root: String
    /// Where stage outputs are cached (`.patron/cache`, `--cache-dir` or `PATRON_CACHE_DIR`).
    public let cacheDirectory: String

    /// Finds the project by walking up from `start` (or takes `explicit`), and the cache
    /// folder from `--cache-dir`, `PATRON_CACHE_DIR` or `.patron/cache`.
    public init(
        explicit: String?, start: String = FileManager.default.currentDirectoryPath, cacheOverride: String? = nil
    ) throws {
        if let explicit {
            let absolute = URL(fileURLWithPath: explicit, relativeTo: URL(fileURLWithPath: start)).standardizedFileURL
                .path
            guard FileManager.default.fileExists(atPath: absolute + "/Pipelines") else {
                throw PipelineError.noProject(searchedFrom: absolute)
            }
            root = absolute
        } else {
            var dir = URL(fileURLWithPath: start).standardizedFileURL
            while !FileManager.default.fileExists(atPath: dir.path + "/Pipelines") {
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { throw PipelineError.noProject(searchedFrom: start) }
                dir = parent
            }
            root = dir.path
        }
        let configured = cacheOverride ?? ProcessInfo.processInfo.environment["PATRON_CACHE_DIR"]
        let base = root
        if let configured {
            self.cacheDirectory = ProjectPath.absolute(configured, root: base)
        } else {
            self.cacheDirectory = base + "/.patron/cache"
        }
    }

    package var stateDirectory: String { root + "/.patron" }
    package var runsDirectory: String { root + "/.patron/runs" }
    package var logsDirectory: String { root + "/.patron/logs" }

    /// Pipeline names, from `Pipelines/*.yaml`.
    public func pipelineNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/Pipelines")) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { ($0 as NSString).deletingPathExtension }
            .sorted()
    }

    package func pipelinePath(_ name: String) throws -> String {
        for ext in ["yaml", "yml"] {
            let path = "\(root)/Pipelines/\(name).\(ext)"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw PipelineError.unknownPipeline(name, available: pipelineNames())
    }

    /// Reads and validates a pipeline.
    public func plan(
        _ name: String, registry: ModuleRegistry, overrides: [String: Value] = [:], allowOutside: Bool = false
    ) throws -> PipelinePlan {
        let path = try pipelinePath(name)
        let file = try PipelineFile.load(path: path, displayPath: "Pipelines/" + (path as NSString).lastPathComponent)
        return try PipelinePlan(
            file: file, registry: registry, overrides: overrides, projectRoot: root, allowOutside: allowOutside)
    }

    /// `path` relative to the root when inside it, for messages.
    package func display(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
