import Foundation
import PatronSupport
import PatronTable

extension Runner {
    private enum Outcome: Sendable {
        /// The stage ran; its output is stored next, while downstream stages start.
        case ran(StageOutput, seconds: Double, entry: CacheEntry)
        case failed(String, seconds: Double)
        /// The output is in the cache.
        case stored(seconds: Double)
        case storeFailed(String)
    }

    /// Scheduling: runs the stages that must run, up to `jobs` at once, the longest path of
    /// work first; stores each output while the stages after it already run from memory (a
    /// stage that reads the whole pipeline waits until everything upstream is stored); keeps
    /// outputs in memory only for the stages yet to read them, and only their columns.
    func schedule(_ plan: PipelinePlan, _ work: inout Work, start: RunStart) async {
        let options = start.options
        for stage in plan.stages where work.records[stage.id]?.status == .failed {
            log.event(
                "stage_failed", ["stage": .string(stage.id), "error": .string(work.records[stage.id]!.error ?? "")],
                text: "✗ \(stage.id): \(work.records[stage.id]!.error ?? "")", isError: true)
        }
        // Dependents of stages that cannot run are skipped.
        var blocked = Set(work.records.values.filter { $0.status == .failed }.map(\.id))
        for stage in plan.stages
        where work.toRun.contains(stage.id) && stage.inputs.contains(where: { blocked.contains($0.stage) }) {
            work.toRun.remove(stage.id)
            blocked.insert(stage.id)
            work.records[stage.id]!.status = .skipped
            work.records[stage.id]!.reason = "an input failed"
        }

        let total = work.toRun.count
        var finished = 0
        var memory = [String: StageOutput]()
        var readersLeft = [String: Int]()
        for stage in plan.stages where work.toRun.contains(stage.id) {
            for ref in Set(stage.inputs.map(\.stage)) { readersLeft[ref, default: 0] += 1 }
        }
        var stopping = false
        var launched = Set<String>()
        var stored = Set<String>()
        let cacheHits = plan.stages.filter { work.records[$0.id]?.status == .cached }.count
        if cacheHits > 0 && total > 0 {
            log.event(
                "cached", ["stages": .int(cacheHits)],
                text: "· \(cacheHits) stage\(cacheHits == 1 ? "" : "s") fresh in the cache")
        }

        // Of the stages ready at once, the one with the longest path of work after it starts
        // first (seconds from each stage's last completed run, 1 when unknown), so a short side
        // stage does not hold a core while the critical path waits.
        let state = work.state
        let launchOrder = Runner.criticalPathOrder(plan) { id in
            state.stages[id].flatMap { cache.meta($0.key)?.seconds } ?? 1
        }
        // What an exit that cannot wait for the run (Interruption) records: as of the last
        // stage that ended.
        let live = LiveRecord(work.records)
        let exitToken = Interruption.shared.onExit { [self] in
            saveInterrupted(plan, live.records, start: start)
        }
        defer { Interruption.shared.removeOnExit(exitToken) }

        let keys = work.keys
        let outputRoot = options.outputRoot ?? project.root
        await withTaskGroup(of: (String, Outcome).self) { group in
            var running = 0
            // An output in memory keeps only the columns that stages yet to start will read
            // (their modules' `inputColumns`; all of them for a stage that reads the whole
            // pipeline or does not say), so that columns nobody reads again are freed.
            func prune(_ id: String) {
                guard let output = memory[id] else { return }
                memory[id] = StageOutput(
                    ports: output.ports.map { port in
                        var keep = Set<String>()
                        for reader in plan.stages where work.toRun.contains(reader.id) && !launched.contains(reader.id)
                        {
                            for ref in reader.inputs where ref.stage == id && ref.port == port.name {
                                guard !reader.spec.capabilities.contains(.readsPipeline),
                                    let columns = reader.inputColumns
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
                guard !stopping, Interruption.shared.signal == nil else { return }
                for stage in launchOrder where work.toRun.contains(stage.id) && !launched.contains(stage.id) {
                    guard running < max(1, options.jobs) else { return }
                    let ready = stage.inputs.allSatisfy { !work.toRun.contains($0.stage) || memory[$0.stage] != nil }
                    guard ready else { continue }
                    // A stage that reads the whole pipeline reads it from the cache.
                    if stage.spec.capabilities.contains(.readsPipeline),
                        plan.upstream(of: stage.id).contains(where: {
                            $0 != stage.id && work.toRun.contains($0) && !stored.contains($0)
                        })
                    {
                        continue
                    }
                    launched.insert(stage.id)
                    running += 1
                    // Only the ports read, so that a stage reading `clean.rejects` does not keep
                    // clean's main table alive.
                    // (Boxed, so that nothing but the stage's context holds them.)
                    let inputs: [(PipelineFile.InputRef, TableBox?, String?)] = stage.inputs.map { ref in
                        (
                            ref, memory[ref.stage]?.table(ref.port).map(TableBox.init),
                            try? keys[ref.stage]?.get().key
                        )
                    }
                    let key = (try? keys[stage.id]!.get())!
                    log.event(
                        "stage_started", ["stage": .string(stage.id), "module": .string(stage.spec.name)],
                        text: "▶ \(stage.id) (\(stage.spec.name))")
                    var surroundings: Surroundings? = nil
                    if stage.spec.capabilities.contains(.readsPipeline) {
                        surroundings = self.surroundings(
                            of: stage, plan: plan, keys: keys, memory: memory, records: work.records,
                            stamp: options.stamp ? EventLog.timestamp(start.date) : nil)
                    }
                    // The last stage to read an output holds it alone from here, and may free
                    // it as it goes (`StageContext.Input.take()`).
                    for ref in Set(stage.inputs.map(\.stage)) {
                        readersLeft[ref, default: 1] -= 1
                        if readersLeft[ref] == 0 { memory[ref] = nil } else { prune(ref) }
                    }
                    group.addTask { [self, surroundings] in
                        (
                            stage.id,
                            await self.execute(
                                stage, plan: plan, key: key, inputs: inputs, runID: start.id, force: options.force,
                                outputRoot: outputRoot, surroundings: surroundings)
                        )
                    }
                }
            }
            func logFailure(_ stage: PipelinePlan.Stage, _ message: String) {
                let indented = message.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
                log.event(
                    "stage_failed",
                    ["stage": .string(stage.id), "module": .string(stage.spec.name), "error": .string(message)],
                    text: "✗ \(stage.id) (\(stage.spec.name)) failed:\n\(indented.joined(separator: "\n"))",
                    isError: true)
            }
            launchReady()
            while let (id, outcome) = await group.next() {
                let stage = plan.stage(id)!
                switch outcome {
                case .stored(let seconds):
                    stored.insert(id)
                    work.records[id]!.storeSeconds = seconds
                    launchReady()
                    options.afterStage?()
                    continue
                case .storeFailed(let message):
                    work.records[id]!.status = .failed
                    work.records[id]!.error = message
                    logFailure(stage, message)
                    stopping = true
                    live.update(work.records)
                    continue
                default: break
                }
                running -= 1
                finished += 1
                switch outcome {
                case .ran(let output, let seconds, let entry):
                    memory[id] = output
                    prune(id)
                    let replace = options.force || stage.spec.capabilities.contains(.writesFiles)
                    group.addTask { [self] in
                        // On a thread of its own: the store is mostly I/O and checksumming, and on
                        // the cooperative pool (or Dispatch's, which it shares on Linux) of a
                        // 2-core machine it would hold back a stage ready to start.
                        let outcome = await withCheckedContinuation { continuation in
                            Thread {
                                continuation.resume(returning: self.store(output, entry: entry, replace: replace))
                            }.start()
                        }
                        return (id, outcome)
                    }
                    // The files a stage wrote, with the hashes its manifest holds: remembered
                    // by stat, so the next run's check of them reads nothing.
                    if stage.spec.capabilities.contains(.writesFiles), let manifest = output.table("main"),
                        case .string(let paths)? = manifest["path"]?.storage,
                        case .string(let sums)? = manifest["content_hash"]?.storage
                    {
                        for row in 0..<paths.count {
                            hasher.remember(path: outputRoot + "/" + paths[row], hash: sums[row])
                        }
                    }
                    work.records[id]!.status = .ran
                    work.records[id]!.seconds = seconds
                    work.records[id]!.rows = Dictionary(
                        uniqueKeysWithValues: output.ports.map { ($0.name, $0.table.rowCount) })
                    work.records[id]!.counts = output.counts.isEmpty ? nil : output.counts
                    let rows = output.ports.map {
                        $0.name == "main" ? "\($0.table.rowCount) rows" : "\($0.name) \($0.table.rowCount)"
                    }
                    log.event(
                        "stage_finished",
                        [
                            "stage": .string(id), "status": .string("ran"), "seconds": .double(Runner.round(seconds)),
                            "rows": .int(output.table("main")?.rowCount ?? 0),
                        ],
                        text:
                            "✓ \(id)  \(rows.joined(separator: ", "))  \(Runner.format(seconds))  [\(finished)/\(total)]"
                    )
                case .failed(let message, let seconds):
                    work.records[id]!.seconds = seconds
                    if let signal = Interruption.shared.signal {
                        // Stopped by the interruption (its command was sent SIGTERM).
                        work.records[id]!.status = .interrupted
                        work.records[id]!.reason = "the run was interrupted by \(Interruption.name(signal))"
                        work.records[id]!.error = message
                        break
                    }
                    work.records[id]!.status = .failed
                    work.records[id]!.error = message
                    logFailure(stage, message)
                    if options.keepGoing {
                        for other in plan.downstream(of: id)
                        where other != id && work.toRun.contains(other) && !launched.contains(other) {
                            work.toRun.remove(other)
                            work.records[other]!.status = .skipped
                            work.records[other]!.reason = "input \(id) failed"
                        }
                    } else {
                        stopping = true
                    }
                case .stored, .storeFailed: break
                }
                live.update(work.records)
                if readersLeft[id, default: 0] == 0 { memory[id] = nil }
                // The next stages start first; the heap is trimmed while they run.
                launchReady()
                options.afterStage?()
            }
        }
        hasher.save()
        let signal = Interruption.shared.signal
        for stage in plan.stages where work.records[stage.id]?.status == .pending {
            work.records[stage.id]!.status = .skipped
            work.records[stage.id]!.reason =
                signal.map { "the run was interrupted by \(Interruption.name($0))" }
                ?? "the run stopped after a failure (use --keep-going to run independent stages)"
        }
        log.progress("")
    }

    /// What a stage that reads the whole pipeline gets besides its inputs.
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
                    ports: output.ports.filter { port in refs.contains { $0.port == port.name } },
                    counts: output.counts)
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
                    let columns = stage.inputColumns.map(Set.init)
                    tables.append(
                        .init(ref: ref, table: try cache.load(upstreamKey, port: ref.port, columns: columns)))
                } else {
                    throw StageFailure("input '\(ref)' is not available")
                }
                tables[tables.count - 1].provenance = plan.provenance(of: ref.stage)
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
                outputRoot: outputRoot, pipelineInfo: surroundings?.info, loadPort: surroundings?.load,
                registry: registry)
            let output = try await stage.spec.run(context)
            for port in stage.ports where output.table(port) == nil {
                throw StageFailure("\(stage.spec.name) produced no '\(port)' table")
            }
            let seconds = Runner.seconds(since: start)
            let entry = CacheEntry(
                source: key, pipeline: plan.name, stage: stage.id,
                ports: output.ports.map { .init(name: $0.name, rows: $0.table.rowCount, columns: $0.table.names) },
                counts: output.counts, seconds: Runner.round(seconds), created: EventLog.timestamp())
            return .ran(output, seconds: seconds, entry: entry)
        } catch {
            return .failed(String(describing: error), seconds: Runner.seconds(since: start))
        }
    }

    /// Stores a stage's output in the cache (whole or not at all).
    private func store(_ output: StageOutput, entry: CacheEntry, replace: Bool) -> Outcome {
        let start = ContinuousClock.now
        do {
            try cache.store(entry.source.key, output: output, entry: entry, replace: replace)
            return .stored(seconds: Runner.seconds(since: start))
        } catch {
            return .storeFailed(String(describing: error))
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
}
