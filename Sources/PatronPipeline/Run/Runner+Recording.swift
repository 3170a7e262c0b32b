import Foundation
import PatronSupport
import Synchronization

extension Runner {
    /// Recording: what each completed stage was made from (for `status`), and the run
    /// record.
    func finish(
        _ plan: PipelinePlan, _ work: Work, start: RunStart, clusterJobs: [RunRecord.ClusterJobRecord]? = nil
    ) -> RunSummary {
        var state = work.state
        for stage in plan.stages where work.records[stage.id]!.status.isAvailable {
            if let material = try? work.keys[stage.id]?.get() { state.stages[stage.id] = material }
        }
        if start.options.taskRecords == nil { try? state.save(project, pipeline: plan.name) }

        let failed = work.records.values.contains { $0.status == .failed }
        let signal = Interruption.shared.signal
        let record = RunRecord(
            id: start.id, pipeline: plan.name, started: EventLog.timestamp(start.submitted ?? start.date),
            finished: EventLog.timestamp(), seconds: Runner.round(start.elapsed),
            outcome: signal != nil ? .interrupted : failed ? .failed : .success,
            jobs: start.options.jobs, arguments: start.options.arguments,
            stages: plan.stages.map { work.records[$0.id]! }, params: start.recordParams,
            variant: start.options.variant,
            clusterJobs: clusterJobs)
        let path = try? record.save(in: start.options.taskRecords ?? project.runsDirectory)
        return RunSummary(
            succeeded: !failed && signal == nil, record: record, recordPath: path, interruption: signal)
    }

    /// The record of a run the process leaves without waiting for it (`Interruption`):
    /// stages still pending or running are `interrupted`. Only the run record is written; the
    /// stage state `status` reads keeps what the last completed run left.
    func saveInterrupted(_ plan: PipelinePlan, _ records: [String: RunRecord.Stage], start: RunStart) {
        var records = records
        let signal = Interruption.shared.signal.map(Interruption.name) ?? "a signal"
        for (id, stage) in records where stage.status == .pending {
            records[id]!.status = .interrupted
            records[id]!.reason = "the run was interrupted by \(signal) before this stage ended"
        }
        let record = RunRecord(
            id: start.id, pipeline: plan.name, started: EventLog.timestamp(start.date), finished: EventLog.timestamp(),
            seconds: Runner.round(Runner.seconds(since: start.clock)), outcome: .interrupted,
            jobs: start.options.jobs, arguments: start.options.arguments,
            stages: plan.stages.compactMap { records[$0.id] }, params: start.recordParams,
            variant: start.options.variant)
        _ = try? record.save(in: start.options.taskRecords ?? project.runsDirectory)
    }
}

/// The stages' records as of the last stage that ended, readable from another thread.
final class LiveRecord: Sendable {
    private let state: Mutex<[String: RunRecord.Stage]>

    init(_ records: [String: RunRecord.Stage]) { state = Mutex(records) }

    func update(_ records: [String: RunRecord.Stage]) { state.withLock { $0 = records } }

    var records: [String: RunRecord.Stage] { state.withLock { $0 } }
}
