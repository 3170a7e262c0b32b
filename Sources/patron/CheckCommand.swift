import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages

extension Patron {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regenerate reports into a temporary folder and compare them with the committed ones.",
            discussion: """
                Runs each pipeline (stale stages run, the rest come from the cache) with its
                report stages writing into a temporary folder, then compares every file byte
                for byte with what is under the report's `out` folder in the project.
                Exit 0: all up to date. Exit 3: some differ; the differing files are listed with
                the first differing lines of summary.md. Exit 1: a stage failed.

                Examples:
                  patron check --all                # in CI, after the tests
                  patron check customer-health
                  patron run customer-health        # then commit Reports/ to make check pass
                """)

        @Argument(help: "Pipelines to check (default with --all: every pipeline with a report stage).")
        var pipelines: [String] = []

        @Flag(name: .long, help: "Check every pipeline that has a report stage.")
        var all = false

        @OptionGroup var projectOptions: ProjectOptions

        @Option(
            name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
            help: "Stages to run at once (default: number of cores).")
        var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @Flag(name: .long, help: "Wait for another run of this project to finish instead of exiting with 75.")
        var wait = false

        func validate() throws {
            if pipelines.isEmpty && !all { throw ValidationError("name the pipelines to check, or pass --all") }
            if !pipelines.isEmpty && all { throw ValidationError("pass pipeline names or --all, not both") }
        }

        func run() async throws {
            let project = try projectOptions.load()
            let registry = BuiltinModules.registry
            let plans = try (all ? project.pipelineNames() : pipelines).map { try project.plan($0, registry: registry) }
                .filter { !all || $0.stages.contains { $0.spec.capabilities.contains(.report) } }
            let log = EventLog(format: .text, quiet: true)
            let lock = try acquireRunLock(project, wait: wait, log: log)
            let cache = try LocalCacheStore(root: project.cacheDirectory)
            cache.removeAbandonedTemporaries()
            handleInterruptions(cache: cache, log: log)
            let runner = Runner(
                project: project, registry: registry, cache: cache, log: log,
                hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
            var stale = false
            var failed = false
            if plans.isEmpty { print("no pipeline has a report stage; nothing to check") }
            for plan in plans {
                let reports = plan.stages.filter { $0.spec.capabilities.contains(.report) }
                guard !reports.isEmpty else {
                    print("\(plan.name): has no report stage; nothing to check")
                    continue
                }
                let scratch = "\(project.stateDirectory)/tmp/check-\(getpid())-\(plan.name)"
                defer { try? FileManager.default.removeItem(atPath: scratch) }
                var options = RunOptions()
                options.afterStage = Main.trimHeap
                options.jobs = jobs
                options.outputRoot = scratch
                options.arguments = Array(CommandLine.arguments.dropFirst())
                let summary = try await runner.run(plan, options: options)
                guard summary.succeeded else {
                    if let signal = summary.interruption { throw ExitCode(Interruption.exitStatus(signal)) }
                    let failures = summary.record.stages.filter { $0.status == .failed }
                    for stage in failures { print("\(plan.name): stage \(stage.id) failed:\n    \(stage.error ?? "")") }
                    print("\(plan.name): cannot check: fix the failure, then rerun `patron check`")
                    failed = true
                    continue
                }
                // Each report's folders: the paths its module writes (its `OutputPath` params).
                let outputs = reports.flatMap { stage in
                    stage.spec.params.filter { $0.kind == .outputPath }.compactMap { stage.params[$0.name]?.string }
                }
                for output in outputs {
                    let out = OutputPath(output).relative
                    let committed = ProjectPath.absolute(out, root: project.root)
                    let regenerated = ProjectPath.absolute(out, root: scratch)
                    let differences = Check.compare(committed: committed, regenerated: regenerated)
                    if differences.isEmpty {
                        print("\(plan.name): \(out) is up to date")
                        continue
                    }
                    stale = true
                    print("\(plan.name): \(out) is stale:")
                    for d in differences { print("  \(out)/\(d.file): \(d.what)") }
                    if differences.contains(where: { $0.file == "summary.md" }) {
                        for line in Check.firstDifferences(
                            committed: committed + "/summary.md", regenerated: regenerated + "/summary.md")
                        {
                            print("    " + line)
                        }
                    }
                    print("  to update: patron run \(plan.name), then commit \(out)")
                }
            }
            withExtendedLifetime(lock) {}
            if failed { throw ExitCode(1) }
            if stale { throw ExitCode(3) }
        }

        /// Files that differ between two report folders (regular, non-hidden files).
        static func compare(committed: String, regenerated: String) -> [(file: String, what: String)] {
            func files(_ dir: String) -> Set<String> {
                Set(
                    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { name in
                        var isDir: ObjCBool = false
                        return !name.hasPrefix(".")
                            && FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir)
                            && !isDir.boolValue
                    })
            }
            let old = files(committed)
            let new = files(regenerated)
            var out = [(file: String, what: String)]()
            for name in old.union(new).sorted() {
                if !old.contains(name) {
                    out.append((name, "not committed (the report now writes it)"))
                    continue
                }
                if !new.contains(name) {
                    out.append((name, "committed, but the report no longer writes it"))
                    continue
                }
                let a = FileManager.default.contents(atPath: committed + "/" + name)
                let b = FileManager.default.contents(atPath: regenerated + "/" + name)
                if a != b {
                    out.append((name, "differs (\(a?.count ?? 0) bytes committed, \(b?.count ?? 0) regenerated)"))
                }
            }
            return out
        }

        /// The first lines where two text files differ, as a line diff: committed lines that
        /// went (−, with their line number there) and regenerated lines that came (+, with
        /// theirs), from a longest common subsequence of the two.
        static func firstDifferences(committed: String, regenerated: String, limit: Int = 12) -> [String] {
            func lines(_ path: String) -> [Substring] {
                let text =
                    FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
                return text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let a = lines(committed), b = lines(regenerated)
            var out = [String]()
            for change in lineDiff(a, b) where out.count < limit {
                switch change {
                case .removed(let i): out.append("summary.md:\(i + 1): - \(a[i])")
                case .added(let j): out.append("summary.md:\(j + 1): + \(b[j])")
                }
            }
            return out
        }

        enum LineChange: Equatable {
            case removed(Int)
            case added(Int)
        }

        /// Lines of `a` not in a longest common subsequence with `b` (removed) and lines of `b`
        /// not in it (added), in file order. Past a few thousand lines each, a plain
        /// position-by-position comparison instead (the table would grow too large).
        static func lineDiff(_ a: [Substring], _ b: [Substring]) -> [LineChange] {
            let (n, m) = (a.count, b.count)
            guard n * m <= 25_000_000 else {
                return (0..<max(n, m)).filter { $0 >= n || $0 >= m || a[$0] != b[$0] }
                    .flatMap { i -> [LineChange] in (i < n ? [.removed(i)] : []) + (i < m ? [.added(i)] : []) }
            }
            // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
            var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i * (m + 1) + j] =
                        a[i] == b[j]
                        ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
                }
            }
            var changes = [LineChange]()
            var (i, j) = (0, 0)
            while i < n || j < m {
                if i < n && j < m && a[i] == b[j] {
                    i += 1
                    j += 1
                } else if j < m && (i == n || lcs[i * (m + 1) + j + 1] > lcs[(i + 1) * (m + 1) + j]) {
                    changes.append(.added(j))
                    j += 1
                } else {
                    changes.append(.removed(i))
                    i += 1
                }
            }
            return changes
        }
    }
}
