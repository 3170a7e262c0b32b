import Foundation
import PatronTable

/// Options of one `patron run`.
public struct RunOptions: Sendable {
    public var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var force = false
    public var dryRun = false
    public var keepGoing = false
    public var only: [String] = []
    public var from: String? = nil
    public var to: String? = nil
    public var arguments: [String] = []
    /// Where stages that write files write them (`patron check` points it at a temporary
    /// folder); nil: the project root.
    public var outputRoot: String? = nil
    /// Let reports show when the run was and how long stages took (`--stamp`); off by
    /// default so that reports are the same bytes on every run.
    public var stamp = false
    /// Called after each stage ends and its memory is let go (the command hands freed heap
    /// back to the system there).
    public var afterStage: (@Sendable () -> Void)? = nil
    public init() {}
}

/// How a run ended.
public struct RunSummary: Sendable {
    public var succeeded: Bool
    public var record: RunRecord
    public var recordPath: String?
}

/// Runs a pipeline's stages as a DAG: up to `jobs` stages at once, each as soon as its
/// inputs are ready; cached stages are not run; outputs go to the cache as they finish.
///
/// On a failure no new stage starts (unless `keepGoing`, which still runs every stage that
/// does not depend on the failed one); running stages finish and are cached, so a rerun
/// resumes where this one stopped.
public struct Runner: Sendable {
    public let project: Project
    public let cache: any CacheStore
    public let log: EventLog
    public let hasher: FileHasher
    public let registry: ModuleRegistry

    public init(project: Project, registry: ModuleRegistry, cache: any CacheStore, log: EventLog, hasher: FileHasher) {
        self.project = project
        self.registry = registry
        self.cache = cache
        self.log = log
        self.hasher = hasher
    }

    private enum Outcome: Sendable {
        case ran(StageOutput, seconds: Double, storeSeconds: Double)
        case failed(String, seconds: Double)
    }

    /// Which stages the selection flags pick.
    public static func selection(_ plan: PipelinePlan, _ options: RunOptions) throws -> Set<String> {
        let ids = plan.stages.map(\.id)
        for id in options.only + [options.from, options.to].compactMap({ $0 }) where !ids.contains(id) {
            throw PipelineError.usage(
                "pipeline '\(plan.name)' has no stage '\(id)'\(suggestion(id, ids)); its stages: \(ids.joined(separator: ", "))"
            )
        }
        if !options.only.isEmpty { return Set(options.only) }
        var selected = Set(ids)
        if let from = options.from { selected.formIntersection(plan.downstream(of: from)) }
        if let to = options.to { selected.formIntersection(plan.upstream(of: to)) }
        return selected
    }

    public func run(_ plan: PipelinePlan, options: RunOptions) async throws -> RunSummary {
        let started = Date()
        let clock = ContinuousClock.now
        let runID = RunRecord.makeID(started)
        let selected = try Runner.selection(plan, options)
        let keys = plan.keys(project: project, hasher: hasher)
        var state = PipelineState.load(project, pipeline: plan.name)
        let statuses = Dictionary(
            uniqueKeysWithValues: plan.statuses(
                keys: keys, cache: cache, state: state,
                outputRoot: options.outputRoot ?? project.root, hasher: hasher
            ).map { ($0.stage, $0.status) })
        // After the statuses too: checking a report's files hashes them, and an unchanged
        // 50 MB customers.csv should not be read again on the next run.
        hasher.save()

        // What must run: selected stages that are stale (or all selected, with --force).
        var toRun = Set<String>()
        var records = [String: RunRecord.Stage]()
        for stage in plan.stages {
            let key = try? keys[stage.id]?.get().key
            var record = RunRecord.Stage(id: stage.id, module: stage.spec.name, key: key, status: "not-selected")
            if selected.contains(stage.id) {
                if case .broken(let message) = statuses[stage.id]! {
                    record.status = "failed"
                    record.error = message
                } else if options.force || !statuses[stage.id]!.isFresh {
                    toRun.insert(stage.id)
                    record.status = "pending"
                    record.reason =
                        options.force && statuses[stage.id]!.isFresh ? "--force" : statuses[stage.id]!.summary
                } else {
                    record.status = "cached"
                }
            }
            records[stage.id] = record
        }
        discardDamagedEntries(
            plan, keys: keys, statuses: statuses, toRun: &toRun, records: &records, dryRun: options.dryRun)
        // Inputs of stages that will run must be cached if they are not run themselves.
        for stage in plan.stages where toRun.contains(stage.id) {
            for ref in stage.inputs where !toRun.contains(ref.stage) && !(statuses[ref.stage]?.isFresh ?? false) {
                if records[ref.stage]?.status == "failed" { continue }
                records[stage.id]!.status = "failed"
                records[stage.id]!.error =
                    "its input '\(ref)' is not in the cache and is not selected to run; run it first (drop --only/--from)"
                toRun.remove(stage.id)
            }
        }

        if options.dryRun {
            let width = max(16, plan.stages.map(\.id.count).max() ?? 0)
            for stage in plan.stages {
                let r = records[stage.id]!
                let what =
                    switch r.status {
                    case "pending": "would run  (\(r.reason ?? ""))"
                    case "cached": "fresh"
                    case "failed": "cannot run: \(r.error ?? "")"
                    default: "not selected"
                    }
                // A command a stage would run is shown in full: shell stages run what the file says.
                let command = r.status == "pending" ? stage.spec.commandParam.flatMap { stage.params[$0]?.string } : nil
                var fields: [String: Value] = [
                    "stage": .string(stage.id), "action": .string(r.status),
                    "reason": .string(r.reason ?? r.error ?? ""),
                ]
                if let command { fields["command"] = .string(command) }
                log.event(
                    "plan", fields,
                    text:
                        "  \(stage.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(stage.spec.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(what)"
                        + (command.map {
                            "\n  \(String(repeating: " ", count: width + 22))runs: /bin/sh -c \(Runner.shellQuoted($0))"
                        } ?? ""))
            }
            let record = RunRecord(
                id: runID, pipeline: plan.name, started: EventLog.timestamp(started), finished: EventLog.timestamp(),
                seconds: 0, outcome: "dry-run", jobs: options.jobs, arguments: options.arguments,
                stages: plan.stages.map { records[$0.id]! })
            return RunSummary(
                succeeded: !records.values.contains { $0.status == "failed" }, record: record, recordPath: nil)
        }

        for stage in plan.stages where records[stage.id]?.status == "failed" {
            log.event(
                "stage_failed", ["stage": .string(stage.id), "error": .string(records[stage.id]!.error ?? "")],
                text: "✗ \(stage.id): \(records[stage.id]!.error ?? "")", isError: true)
        }
        // Dependents of stages that cannot run are skipped.
        var blocked = Set(records.values.filter { $0.status == "failed" }.map(\.id))
        for stage in plan.stages
        where toRun.contains(stage.id) && stage.inputs.contains(where: { blocked.contains($0.stage) }) {
            toRun.remove(stage.id)
            blocked.insert(stage.id)
            records[stage.id]!.status = "skipped"
            records[stage.id]!.reason = "an input failed"
        }

        let total = toRun.count
        var finished = 0
        var memory = [String: StageOutput]()
        var readersLeft = [String: Int]()
        for stage in plan.stages where toRun.contains(stage.id) {
            for ref in Set(stage.inputs.map(\.stage)) { readersLeft[ref, default: 0] += 1 }
        }
        var stopping = false
        var launched = Set<String>()
        let cacheHits = plan.stages.filter { records[$0.id]?.status == "cached" }.count
        if cacheHits > 0 && total > 0 {
            log.event(
                "cached", ["stages": .int(cacheHits)],
                text: "· \(cacheHits) stage\(cacheHits == 1 ? "" : "s") fresh in the cache")
        }

        // Of the stages ready at once, the one with the longest path of work after it starts
        // first (seconds from each stage's last completed run, 1 when unknown), so a short side
        // stage does not hold a core while the critical path waits.
        let launchOrder = Runner.criticalPathOrder(plan) { id in
            state.stages[id].flatMap { cache.meta($0.key)?.seconds } ?? 1
        }
        await withTaskGroup(of: (String, Outcome).self) { group in
            var running = 0
            // An output in memory keeps only the columns that stages yet to start will read
            // (their modules' `inputColumns`; all of them for a stage that writes files or
            // does not say), so that columns nobody reads again are freed.
            func prune(_ id: String) {
                guard let output = memory[id] else { return }
                memory[id] = StageOutput(
                    ports: output.ports.map { port in
                        var keep = Set<String>()
                        for reader in plan.stages where toRun.contains(reader.id) && !launched.contains(reader.id) {
                            for ref in reader.inputs where ref.stage == id && ref.port == port.name {
                                guard !reader.spec.writesFiles, let columns = reader.spec.inputColumns(reader.params)
                                else { return port }
                                keep.formUnion(columns)
                            }
                        }
                        let names = port.table.names.filter(keep.contains)
                        guard names.count < port.table.names.count, let table = try? port.table.selecting(names) else {
                            return port
                        }
                        return (port.name, table)
                    }, counts: output.counts)
            }
            func launchReady() {
                guard !stopping else { return }
                for stage in launchOrder where toRun.contains(stage.id) && !launched.contains(stage.id) {
                    guard running < max(1, options.jobs) else { return }
                    let ready = stage.inputs.allSatisfy { !toRun.contains($0.stage) || memory[$0.stage] != nil }
                    guard ready else { continue }
                    launched.insert(stage.id)
                    running += 1
                    // Only the ports read, so that a stage reading `clean.rejects` does not keep
                    // clean's main table alive.
                    // (Boxed, so that nothing but the stage's context holds them.)
                    let inputs: [(PipelineFile.InputRef, TableBox?, String?)] = stage.inputs.map { ref in
                        (ref, memory[ref.stage]?.table(ref.port).map(TableBox.init), try? keys[ref.stage]?.get().key)
                    }
                    let key = (try? keys[stage.id]!.get())!
                    log.event(
                        "stage_started", ["stage": .string(stage.id), "module": .string(stage.spec.name)],
                        text: "▶ \(stage.id) (\(stage.spec.name))")
                    var surroundings: Surroundings? = nil
                    if stage.spec.writesFiles {
                        surroundings = self.surroundings(
                            of: stage, plan: plan, keys: keys, memory: memory, records: records,
                            stamp: options.stamp ? EventLog.timestamp(started) : nil)
                    }
                    // The last stage to read an output holds it alone from here, and may free
                    // it as it goes (`StageContext.Input.take()`).
                    for ref in Set(stage.inputs.map(\.stage)) {
                        readersLeft[ref, default: 1] -= 1
                        if readersLeft[ref] == 0 { memory[ref] = nil } else { prune(ref) }
                    }
                    let outputRoot = options.outputRoot ?? project.root
                    group.addTask { [self, surroundings] in
                        (
                            stage.id,
                            await self.execute(
                                stage, plan: plan, key: key, inputs: inputs, runID: runID, force: options.force,
                                outputRoot: outputRoot, surroundings: surroundings)
                        )
                    }
                }
            }
            launchReady()
            while let (id, outcome) = await group.next() {
                running -= 1
                finished += 1
                let stage = plan.stage(id)!
                switch outcome {
                case .ran(let output, let seconds, let storeSeconds):
                    memory[id] = output
                    prune(id)
                    // The files a report wrote, with the hashes its manifest holds: remembered
                    // by stat, so the next run's check of them reads nothing.
                    if stage.spec.writesFiles, let manifest = output.table("main"),
                        case .string(let paths)? = manifest["path"]?.storage,
                        case .string(let sums)? = manifest["content_hash"]?.storage
                    {
                        let root = options.outputRoot ?? project.root
                        for row in 0..<paths.count { hasher.remember(path: root + "/" + paths[row], hash: sums[row]) }
                    }
                    records[id]!.status = "ran"
                    records[id]!.seconds = seconds
                    records[id]!.storeSeconds = storeSeconds
                    records[id]!.rows = Dictionary(
                        uniqueKeysWithValues: output.ports.map { ($0.name, $0.table.rowCount) })
                    records[id]!.counts = output.counts.isEmpty ? nil : output.counts
                    let rows = output.ports.map {
                        $0.name == "main" ? "\($0.table.rowCount) rows" : "\($0.name) \($0.table.rowCount)"
                    }
                    log.event(
                        "stage_finished",
                        [
                            "stage": .string(id), "status": .string("ran"), "seconds": .double(Runner.round(seconds)),
                            "store_seconds": .double(Runner.round(storeSeconds)),
                            "rows": .int(output.table("main")?.rowCount ?? 0),
                        ],
                        text:
                            "✓ \(id)  \(rows.joined(separator: ", "))  \(Runner.format(seconds))  [\(finished)/\(total)]"
                    )
                case .failed(let message, let seconds):
                    records[id]!.status = "failed"
                    records[id]!.error = message
                    records[id]!.seconds = seconds
                    log.event(
                        "stage_failed",
                        ["stage": .string(id), "module": .string(stage.spec.name), "error": .string(message)],
                        text:
                            "✗ \(id) (\(stage.spec.name)) failed:\n\(message.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))",
                        isError: true)
                    if options.keepGoing {
                        for other in plan.downstream(of: id)
                        where other != id && toRun.contains(other) && !launched.contains(other) {
                            toRun.remove(other)
                            records[other]!.status = "skipped"
                            records[other]!.reason = "input \(id) failed"
                        }
                    } else {
                        stopping = true
                    }
                }
                if readersLeft[id, default: 0] == 0 { memory[id] = nil }
                options.afterStage?()
                launchReady()
            }
        }
        hasher.save()
        for stage in plan.stages where records[stage.id]?.status == "pending" {
            records[stage.id]!.status = "skipped"
            records[stage.id]!.reason = "the run stopped after a failure (use --keep-going to run independent stages)"
        }
        log.progress("")

        // Remember what each completed stage was made from, for `status`.
        for stage in plan.stages where ["ran", "cached"].contains(records[stage.id]!.status) {
            if let material = try? keys[stage.id]?.get() { state.stages[stage.id] = material }
        }
        try? state.save(project, pipeline: plan.name)

        let failed = records.values.contains { $0.status == "failed" }
        let record = RunRecord(
            id: runID, pipeline: plan.name, started: EventLog.timestamp(started), finished: EventLog.timestamp(),
            seconds: Runner.round(Runner.seconds(since: clock)), outcome: failed ? "failed" : "success",
            jobs: options.jobs, arguments: options.arguments, stages: plan.stages.map { records[$0.id]! })
        let path = try? record.save(in: project.runsDirectory)
        return RunSummary(succeeded: !failed, record: record, recordPath: path)
    }

    /// Checks the cache entries a run will read (size and checksum of each file) before it
    /// starts. A damaged one is discarded, with a warning, and its stage reruns, whatever was
    /// selected; the entries that stage reads are checked in turn. A dry run only says so.
    private func discardDamagedEntries(
        _ plan: PipelinePlan, keys: [String: Result<KeyMaterial, StageFailure>],
        statuses: [String: StageStatus], toRun: inout Set<String>,
        records: inout [String: RunRecord.Stage], dryRun: Bool
    ) {
        var checked = Set<String>()
        while true {
            var reads = Set<String>()
            for stage in plan.stages where toRun.contains(stage.id) {
                reads.formUnion(
                    stage.spec.writesFiles
                        ? plan.upstream(of: stage.id).subtracting([stage.id]) : Set(stage.inputs.map(\.stage)))
            }
            let toCheck = plan.stages.filter {
                reads.contains($0.id) && !toRun.contains($0.id) && !checked.contains($0.id)
                    && statuses[$0.id]?.isFresh == true
            }
            if toCheck.isEmpty { return }
            for stage in toCheck {
                checked.insert(stage.id)
                guard let key = try? keys[stage.id]?.get().key else { continue }
                do {
                    try cache.verify(key)
                } catch {
                    let reason = (error as? CacheDamage)?.reason ?? String(describing: error)
                    log.event(
                        "cache_damaged", ["stage": .string(stage.id), "key": .string(key), "error": .string(reason)],
                        text: "! \(stage.id): its cache entry is damaged (\(reason)); discarded, \(stage.id) reruns",
                        isError: true)
                    if !dryRun { try? cache.remove(key) }
                    toRun.insert(stage.id)
                    records[stage.id]!.status = "pending"
                    records[stage.id]!.reason = "its cache entry was damaged (\(reason))"
                }
            }
        }
    }

    /// What a file-writing stage gets besides its inputs.
    struct Surroundings: Sendable {
        var info: PipelineInfo
        var load: PortLoader
    }

    /// The pipeline as `stage` sees it when it starts: every upstream stage has finished and
    /// is in memory or in the cache.
    private func surroundings(
        of stage: PipelinePlan.Stage, plan: PipelinePlan, keys: [String: Result<KeyMaterial, StageFailure>],
        memory: [String: StageOutput], records: [String: RunRecord.Stage], stamp: String?
    ) -> Surroundings {
        let upstream = plan.upstream(of: stage.id).subtracting([stage.id])
        let stages = plan.stages.map { s -> PipelineInfo.Stage in
            let key = try? keys[s.id]?.get().key
            let isUpstream = upstream.contains(s.id)
            let entry = isUpstream ? key.flatMap { cache.meta($0) } : nil
            let inMemory = isUpstream ? memory[s.id] : nil
            // (From the stored entry first: a table in memory may have been pruned to the
            // columns still to be read.)
            let rows =
                entry.map { Dictionary(uniqueKeysWithValues: $0.ports.map { ($0.name, $0.rows) }) }
                ?? inMemory.map { Dictionary(uniqueKeysWithValues: $0.ports.map { ($0.name, $0.table.rowCount) }) }
                ?? [:]
            let record = records[s.id]
            return PipelineInfo.Stage(
                id: s.id, module: s.spec.name, version: s.spec.version, notes: s.notes,
                params: s.params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                inputs: s.inputs, upstream: isUpstream, rows: rows, counts: inMemory?.counts ?? entry?.counts ?? [:],
                status: stamp != nil && isUpstream ? record?.status : nil,
                seconds: stamp != nil && isUpstream ? record?.seconds : nil)
        }
        let info = PipelineInfo(
            name: plan.name, description: plan.description, path: project.display(plan.path), stages: stages,
            stamp: stamp)
        let upstreamKeys = Dictionary(
            uniqueKeysWithValues: upstream.compactMap { id in (try? keys[id]?.get().key).map { (id, $0) } })
        // In memory: the ports the stage takes as inputs; anything else upstream it reads from
        // the cache, so that it does not keep whole tables alive for a few columns.
        let inputPorts = Dictionary(grouping: stage.inputs, by: \.stage)
        let inHand = memory.compactMap { id, output -> (String, StageOutput)? in
            guard upstream.contains(id), let refs = inputPorts[id] else { return nil }
            return (
                id,
                StageOutput(
                    ports: output.ports.filter { port in refs.contains { $0.port == port.name } }, counts: output.counts
                )
            )
        }
        let loader = PortLoader(memory: Dictionary(uniqueKeysWithValues: inHand), keys: upstreamKeys, cache: cache)
        return Surroundings(info: info, load: loader)
    }

    /// Runs one stage: gathers inputs (from memory or the cache), calls the module, stores
    /// the output. Every error becomes a failed outcome with a message.
    private func execute(
        _ stage: PipelinePlan.Stage, plan: PipelinePlan, key: KeyMaterial,
        inputs: [(PipelineFile.InputRef, TableBox?, String?)], runID: String, force: Bool,
        outputRoot: String, surroundings: Surroundings?
    ) async -> Outcome {
        let start = ContinuousClock.now
        let scratch = "\(project.stateDirectory)/tmp/\(runID)/\(stage.id)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            var tables = [StageContext.Input]()
            for (ref, inMemory, upstreamKey) in inputs {
                if let box = inMemory {
                    tables.append(.init(ref: ref, box: box))
                } else if let upstreamKey {
                    let columns = stage.spec.inputColumns(stage.params).map(Set.init)
                    tables.append(.init(ref: ref, table: try cache.load(upstreamKey, port: ref.port, columns: columns)))
                } else {
                    throw StageFailure("input '\(ref)' is not available")
                }
            }
            let log = self.log
            log.progress("\(stage.id): inputs ready")
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                atPath: "\(project.logsDirectory)/\(runID)", withIntermediateDirectories: true)
            let id = stage.id
            let context = StageContext(
                pipeline: plan.name, stage: stage.id, module: stage.spec.name, params: stage.params, inputs: tables,
                projectRoot: project.root, scratchDirectory: scratch,
                logPrefix: "\(project.logsDirectory)/\(runID)/\(stage.id)",
                progress: { log.progress("\(id): \($0)") },
                outputRoot: outputRoot, pipelineInfo: surroundings?.info, loadPort: surroundings?.load)
            guard let module = registry.module(named: stage.spec.name) else {
                throw StageFailure("module \(stage.spec.name) is not registered")
            }
            let output = try await module.run(context)
            for port in stage.ports where output.table(port) == nil {
                throw StageFailure("\(stage.spec.name) produced no '\(port)' table")
            }
            let seconds = Runner.seconds(since: start)
            log.progress("\(stage.id): storing the output")
            let stored = ContinuousClock.now
            let entry = CacheEntry(
                source: key, pipeline: plan.name, stage: stage.id,
                ports: output.ports.map { .init(name: $0.name, rows: $0.table.rowCount, columns: $0.table.names) },
                counts: output.counts, seconds: Runner.round(seconds), created: EventLog.timestamp())
            try cache.store(key.key, output: output, entry: entry, replace: force || stage.spec.writesFiles)
            return .ran(output, seconds: Runner.seconds(since: start), storeSeconds: Runner.seconds(since: stored))
        } catch {
            return .failed(String(describing: error), seconds: Runner.seconds(since: start))
        }
    }

    /// The plan's stages by decreasing length of the longest path from each to the end of
    /// the graph (its own cost included); ties keep the file's order.
    static func criticalPathOrder(_ plan: PipelinePlan, cost: (String) -> Double) -> [PipelinePlan.Stage] {
        var path = [String: Double]()
        for stage in plan.stages.reversed() {
            let after = plan.dependents(of: stage.id).compactMap { path[$0] }.max() ?? 0
            path[stage.id] = max(0, cost(stage.id)) + after
        }
        return plan.stages.enumerated().sorted {
            (path[$0.element.id]!, -$0.offset) > (path[$1.element.id]!, -$1.offset)
        }.map(\.element)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `text` as one shell word: single quotes, with each `'` written as `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
    }
}
