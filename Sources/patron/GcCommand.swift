import ArgumentParser
import Foundation
import PatronPipeline

extension Patron {
    struct Gc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove cache entries no pipeline's last run uses, and old run records.",
            discussion: """
                On the project's own cache (.patron/cache) entries this project's pipelines do not \
                use are removed. A cache folder elsewhere (--cache-dir, PATRON_CACHE_DIR) may be \
                shared with other projects and machines: there only --older-than removes entries, \
                those no run has used for that long (and this project does not use).
                """)

        @Option(
            name: .long,
            help:
                "Run records (and their logs) to keep, newest first; as many cluster run folders under .patron/tasks (those older than a day)."
        )
        var keepRuns: Int = 50

        @Option(
            name: .long,
            help: "Remove only entries no run has used for this long: 7d, 12h, 30m (needed on a shared cache).",
            transform: Gc.parseAge)
        var olderThan: TimeInterval?

        /// "7d", "12h", "30m", "90s" as seconds.
        static func parseAge(_ text: String) throws -> TimeInterval {
            let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
            guard let unit = text.last, let factor = units[unit], let n = Double(text.dropLast()), n >= 0 else {
                throw ValidationError("--older-than takes an age such as 7d, 12h, 30m or 90s; got '\(text)'")
            }
            return n * factor
        }

        @OptionGroup var projectOptions: ProjectOptions

        func run() throws {
            let project = try projectOptions.load()
            try FileManager.default.createDirectory(atPath: project.stateDirectory, withIntermediateDirectories: true)
            guard case .acquired(let lock) = try RunLock.acquire(path: project.stateDirectory + "/lock", wait: false)
            else {
                FileHandle.standardError.write(Data("patron: a run is in progress; run gc when it has finished\n".utf8))
                throw ExitCode(75)
            }
            let cache = try LocalCacheStore(root: project.cacheDirectory)
            cache.removeAbandonedTemporaries()
            var live = Set<String>()
            for name in project.pipelineNames() {
                for material in PipelineState.load(project, pipeline: name).stages.values { live.insert(material.key) }
            }
            var removed = 0, freed = 0
            let shared = project.cacheDirectory != project.stateDirectory + "/cache"
            if shared && olderThan == nil {
                print(
                    "the cache folder \(project.cacheDirectory) is not this project's own and may be shared: no entry removed; remove by age with --older-than (e.g. 7d)"
                )
            } else {
                let now = Date()
                for key in cache.keys() where !live.contains(key) {
                    if let age = olderThan, let used = cache.lastUsed(key), now.timeIntervalSince(used) <= age {
                        continue
                    }
                    freed += cache.size(key)
                    try cache.remove(key)
                    removed += 1
                }
            }
            let fm = FileManager.default
            let records = ((try? fm.contentsOfDirectory(atPath: project.runsDirectory)) ?? []).filter {
                $0.hasSuffix(".json")
            }.sorted(by: >)
            var prunedRuns = 0
            for name in records.dropFirst(max(0, keepRuns)) {
                try? fm.removeItem(atPath: "\(project.runsDirectory)/\(name)")
                let runID = name.split(separator: "-").prefix(2).joined(separator: "-")
                try? fm.removeItem(atPath: "\(project.logsDirectory)/\(runID)")
                prunedRuns += 1
            }
            // Cluster runs' folders (job scripts, logs, task records) go the same way, but only
            // after a day: a detached run's jobs may still be writing to theirs.
            let tasks = project.stateDirectory + "/tasks"
            let dayAgo = Date().addingTimeInterval(-86_400)
            for name in ((try? fm.contentsOfDirectory(atPath: tasks)) ?? []).sorted(by: >).dropFirst(max(0, keepRuns)) {
                let path = "\(tasks)/\(name)"
                guard let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                    modified < dayAgo
                else { continue }
                try? fm.removeItem(atPath: path)
                prunedRuns += 1
            }
            try? fm.removeItem(atPath: project.stateDirectory + "/tmp")
            print(
                "removed \(removed) cache entr\(removed == 1 ? "y" : "ies") (\(freed / 1024) KiB), kept \(cache.keys().count); removed \(prunedRuns) old run record\(prunedRuns == 1 ? "" : "s") and cluster run folder\(prunedRuns == 1 ? "" : "s")"
            )
            withExtendedLifetime(lock) {}
        }
    }
}
