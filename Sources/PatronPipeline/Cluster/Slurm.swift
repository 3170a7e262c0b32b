import Foundation
import PatronSupport

/// Slurm's client commands as the driver uses them: `sbatch` to submit, one `squeue` per poll
/// for every job still out, `scancel` to stop them. Nothing needs `sacct` (clusters without
/// accounting are common): how a job ended comes from the files its task writes.
package struct Slurm: Sendable {
    /// Where the commands' output is written and read back (the run's folder).
    package var scratch: String
    /// The environment the commands get (this process's: `SLURM_CONF` and the like).
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    package init(scratch: String) { self.scratch = scratch }

    /// Where a job stands, as `squeue` says.
    package enum JobState: Sendable, Equatable {
        /// Pending (for its dependencies, resources or priority), or held.
        case waiting(reason: String)
        /// Running (or starting, or completing) on `node`.
        case running(node: String)
        /// Ended: `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`, … with Slurm's reason
        /// (`DependencyNeverSatisfied` for a job whose dependency failed).
        case ended(state: String, reason: String)
    }

    /// Why a Slurm command failed.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// `sbatch --parsable ARGUMENTS… SCRIPT`: the new job's id.
    package func submit(script: String, arguments: [String]) async throws -> String {
        let (status, out, err) = try await call("sbatch", ["--parsable"] + arguments + [script])
        // --parsable prints "id" or "id;cluster".
        let id = out.split(separator: "\n").last.map { String($0.split(separator: ";").first ?? $0) } ?? ""
        guard status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw Failure(description: "sbatch failed (exit \(status)): \(Slurm.firstLines(err.isEmpty ? out : err))")
        }
        return id
    }

    /// One `squeue` for all of `ids`: the state of each job Slurm still knows. A job missing
    /// from the answer has ended and been purged (after `MinJobAge`).
    package func states(_ ids: [String]) async throws -> [String: JobState] {
        guard !ids.isEmpty else { return [:] }
        let (status, out, err) = try await call(
            "squeue", ["--noheader", "--states=all", "--jobs=" + ids.joined(separator: ","), "--format=%i|%T|%r|%N"])
        if status != 0 {
            // Every id unknown (all purged): squeue says so and exits 1.
            if err.contains("Invalid job id") { return [:] }
            throw Failure(description: "squeue failed (exit \(status)): \(Slurm.firstLines(err.isEmpty ? out : err))")
        }
        return Slurm.parseQueue(out)
    }

    /// `scancel ID…`, waited for even while this process is being interrupted.
    package func cancel(_ ids: [String]) {
        guard !ids.isEmpty, let scancel = Slurm.find("scancel", environment: environment) else { return }
        let log = scratch + "/scancel.log"
        _ = try? ChildProcess.runToEnd(
            ChildProcess.Spec(
                executable: scancel, arguments: ids, environment: environment, directory: scratch,
                standardOutput: log, standardError: log))
    }

    /// `squeue --format=%i|%T|%r|%N` lines into states.
    package static func parseQueue(_ text: String) -> [String: JobState] {
        var states = [String: JobState]()
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard f.count >= 3, !f[0].isEmpty else { continue }
            let node = f.count > 3 ? f[3] : ""
            let state: JobState =
                switch f[1] {
                case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED", "STOPPED":
                    .waiting(reason: f[2])
                case "RUNNING", "CONFIGURING", "COMPLETING", "RESIZING", "SIGNALING", "STAGE_OUT":
                    .running(node: node)
                default:
                    .ended(state: f[1], reason: f[2])
                }
            for id in expandArrayID(f[0]) { states[id] = state }
        }
        return states
    }

    /// `123_[4-6,9%2]` (an array's elements not yet started, as squeue shows them) into
    /// `123_4`, `123_5`, `123_6`, `123_9`; any other id as it is.
    static func expandArrayID(_ id: String) -> [String] {
        guard let open = id.firstIndex(of: "["), id.hasSuffix("]"), id[..<open].hasSuffix("_") else { return [id] }
        let base = id[..<open]
        var inside = id[id.index(after: open)..<id.index(before: id.endIndex)]
        if let percent = inside.firstIndex(of: "%") { inside = inside[..<percent] }
        var out = [String]()
        for part in inside.split(separator: ",") {
            let ends = part.split(separator: "-").compactMap { Int($0) }
            guard let low = ends.first, let high = ends.last, low <= high, high - low < 100_000 else { continue }
            out += (low...high).map { "\(base)\($0)" }
        }
        return out
    }

    /// The program `name` on `PATH`, if there is one.
    package static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Fails unless Slurm's client commands are here.
    package func checkInstalled() throws {
        for name in ["sbatch", "squeue", "scancel"] where Slurm.find(name, environment: environment) == nil {
            throw Failure(
                description:
                    "\(name) is not on PATH: --executor slurm runs where Slurm's client commands are (a login node; on Debian: apt-get install slurm-client, with SLURM_CONF pointing at the cluster's slurm.conf)"
            )
        }
    }

    private func call(_ name: String, _ arguments: [String]) async throws -> (Int32, String, String) {
        guard let program = Slurm.find(name, environment: environment) else {
            throw Failure(description: "\(name) is not on PATH")
        }
        let out = scratch + "/.\(name).out", err = scratch + "/.\(name).err"
        let status = try await ChildProcess.run(
            ChildProcess.Spec(
                executable: program, arguments: arguments, environment: environment, directory: scratch,
                standardOutput: out, standardError: err))
        let read = { (path: String) in
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        return (status, read(out), read(err))
    }

    static func firstLines(_ text: String) -> String {
        text.split(separator: "\n").prefix(3).joined(separator: " / ")
    }
}
