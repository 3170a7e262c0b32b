import ArgumentParser
import Foundation
import PatronPipeline

extension Patron {
    struct Gc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove cache entries no pipeline's last run uses, and old run records.")

        @Option(name: .long, help: "Run records (and their logs) to keep, newest first.")
        var keepRuns: Int = 50

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
            cache.removeTemporaries()
            var live = Set<String>()
            for name in project.pipelineNames() {
                for material in PipelineState.load(project, pipeline: name).stages.values { live.insert(material.key) }
            }
            var removed = 0, freed = 0
            for key in cache.keys() where !live.contains(key) {
                freed += cache.size(key)
                try cache.remove(key)
                removed += 1
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
            try? fm.removeItem(atPath: project.stateDirectory + "/tmp")
            print(
                "removed \(removed) cache entr\(removed == 1 ? "y" : "ies") (\(freed / 1024) KiB), kept \(cache.keys().count); removed \(prunedRuns) old run record\(prunedRuns == 1 ? "" : "s")"
            )
            withExtendedLifetime(lock) {}
        }
    }
}
