import Foundation
import Synchronization
import Testing

/// `patron run … --task --expect STAGE=KEY`: what a cluster scheduler runs on a node (issue 20).
@Suite struct TaskModeTests {
    @Test func aTaskTakesNoLockLeavesTheStateAndChecksItsKey() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let ran = try await patron("run", "customer-health", "--quiet", in: root)
        #expect(ran.status == 0, "\(ran.stderr)")
        let planned = try await patron("plan", "customer-health", "--json", in: root)
        let plan = try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as! [String: Any]
        let key = (plan["stages"] as! [[String: Any]]).first { $0["id"] as? String == "ltv" }!["key"] as! String
        let fm = FileManager.default
        let state = root + "/.patron/state/customer-health.json"
        let stateBefore = try Data(contentsOf: URL(fileURLWithPath: state))
        let runsBefore = try fm.contentsOfDirectory(atPath: root + "/.patron/runs")

        // Another run holds the project's lock: a plain run exits 75, a task runs.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [root + "/.patron/lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        try await Task.sleep(for: .milliseconds(300))
        let blocked = try await patron("run", "customer-health", "--only", "ltv", "--force", in: root)
        #expect(blocked.status == 75, "\(blocked.stderr)")

        let task = try await patron(
            "run", "customer-health", "--only", "ltv", "--force", "--task", "--expect", "ltv=\(key)", "--quiet",
            in: root)
        #expect(task.status == 0, "\(task.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: root + "/.patron/runs") == runsBefore, "a task wrote a run record")
        #expect(try fm.contentsOfDirectory(atPath: root + "/.patron/tasks").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == stateBefore, "a task rewrote the state")

        // The input changed after submission: the key differs, the task stops before running.
        let skewed = try await patron(
            "run", "customer-health", "--only", "ltv", "--task", "--expect", "ltv=\(String(key.reversed()))", in: root)
        #expect(skewed.status == 2)
        #expect(skewed.stderr.contains("the driver expected"), "\(skewed.stderr)")
    }

    /// `--param` given several values for one name runs every combination (here, locally),
    /// each with its own record; a sweep whose runs would write one report folder is refused.
    @Test func aParamGivenSeveralValuesIsASweep() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let refused = try await patron(
            "run", "customer-health", "--param", "horizon_weeks=26", "--param", "horizon_weeks=52", in: root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("would both write Reports/customer-health"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/.patron/runs"))

        let file = root + "/Pipelines/customer-health.yaml"
        try writeFile(
            file,
            try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
                of: "with: {out: Reports/customer-health}", with: #"with: {out: "Reports/h${horizon_weeks}"}"#))
        let swept = try await patron(
            "run", "customer-health", "--param", "horizon_weeks=13", "--param", "horizon_weeks=26", "--param",
            "horizon_weeks=52", "--quiet", in: root)
        #expect(swept.status == 0, "\(swept.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: root + "/.patron/runs")
        #expect(Set(runs.map { $0.split(separator: "-").last! }) == ["1.json", "2.json", "3.json"])
        for h in [13, 26, 52] { #expect(FileManager.default.fileExists(atPath: "\(root)/Reports/h\(h)/summary.md")) }
        let summary13 = try String(contentsOfFile: root + "/Reports/h13/summary.md", encoding: .utf8)
        let summary52 = try String(contentsOfFile: root + "/Reports/h52/summary.md", encoding: .utf8)
        #expect(summary13 != summary52)
    }

    /// gc keeps a cluster run's folder while it is young (a detached run may still be going),
    /// and removes it beyond --keep-runs once it is a day old.
    @Test func gcRemovesOldClusterRunFolders() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let task = try await patron(
            "run", "customer-health", "--only", "orders", "--task", "--run-id", "r1", "--quiet", in: root)
        #expect(task.status == 0, "\(task.stderr)")
        let fm = FileManager.default
        let folder = root + "/.patron/tasks/r1"
        #expect(try fm.contentsOfDirectory(atPath: folder).count == 1)
        #expect(try await patron("gc", "--keep-runs", "0", in: root).status == 0)
        #expect(fm.fileExists(atPath: folder))
        try fm.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: folder)
        let gc = try await patron("gc", "--keep-runs", "0", in: root)
        #expect(gc.status == 0, "\(gc.stderr)")
        #expect(!fm.fileExists(atPath: folder))
    }

    @Test func aTaskWaitsBrieflyForAnInputAnotherNodeIsStoring() async throws {
        let made = try makeProject(), root = try makeProject()
        defer { for dir in [made, root] { try? FileManager.default.removeItem(atPath: dir) } }
        #expect(try await patron("run", "customer-health", "--only", "orders", in: made).status == 0)
        let planned = try await patron("plan", "customer-health", "--json", in: made)
        let plan = try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as! [String: Any]
        let key = (plan["stages"] as! [[String: Any]]).first { $0["id"] as? String == "orders" }!["key"] as! String

        // Not there, and not coming: the task says where it looked, after the wait.
        let missing = try await patron(
            "run", "customer-health", "--only", "clean", "--task", in: root, environment: ["PATRON_INPUT_WAIT": "1"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not in the cache (waited 1 s"), "\(missing.stderr)")

        // Committed (renamed into place) a second after the task started: it runs.
        let task = try PatronProcess(
            ["run", "customer-health", "--only", "clean", "--task"], in: root, environment: ["PATRON_INPUT_WAIT": "30"])
        let ended = Mutex<Int32?>(nil)
        try task.start { status in ended.withLock { $0 = status } }
        try await Task.sleep(for: .seconds(1))
        let fm = FileManager.default
        let folder = "\(root)/.patron/cache/\(key.prefix(2))"
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try fm.copyItem(atPath: "\(made)/.patron/cache/\(key.prefix(2))/\(key)", toPath: "\(folder)/incoming")
        try fm.moveItem(atPath: "\(folder)/incoming", toPath: "\(folder)/\(key)")
        #expect(try await waitFor(seconds: 30) { ended.withLock { $0 } != nil })
        let result = task.collect(ended.withLock { $0 } ?? -1)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
