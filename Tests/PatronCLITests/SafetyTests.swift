import Foundation
import Testing

/// What `patron` does when the disk fills, what a `shell` stage gets to see, and where a
/// pipeline file may write.
@Suite(.serialized) struct SafetyTests {
    /// A cache folder with room for about 300 KB: a small tmpfs when this process may mount
    /// one (root), else the cache folder with a file-size limit (`ulimit -f`) on `patron`.
    struct SmallDisk {
        let cache: String
        let mounted: Bool

        init() throws {
            cache = NSTemporaryDirectory() + "patron-small-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
            let mount = Process()
            mount.executableURL = URL(fileURLWithPath: "/bin/mount")
            mount.arguments = ["-t", "tmpfs", "-o", "size=300k", "tmpfs", cache]
            mount.standardError = FileHandle.nullDevice
            var ok = false
            if getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount"), (try? mount.run()) != nil {
                mount.waitUntilExit()  // a one-off set-up step, not a hot path
                ok = mount.terminationStatus == 0
            }
            mounted = ok
        }

        /// `patron ARGS` with the cache here (and the file-size limit when not mounted).
        func run(_ arguments: [String], in root: String) async throws -> Finished {
            if mounted {
                return try await PatronProcess(arguments, in: root, environment: ["PATRON_CACHE_DIR": cache]).finish()
            }
            let command = "trap '' XFSZ; ulimit -f 200; exec \"$0\" \"$@\""
            let shell = ["/bin/sh", "-c", command, patronBinary] + arguments
            return try await PatronProcess(
                shell, in: root, environment: ["PATRON_CACHE_DIR": cache], executable: "/bin/sh"
            ).finish()
        }

        func remove() {
            if mounted {
                let umount = Process()
                umount.executableURL = URL(fileURLWithPath: "/bin/umount")
                umount.arguments = [cache]
                try? umount.run()
                umount.waitUntilExit()
            }
            try? FileManager.default.removeItem(atPath: cache)
        }
    }

    @Test func aFullDiskFailsTheStageAndLeavesNothingPartial() async throws {
        let root = try makeProject()
        let disk = try SmallDisk()
        defer {
            disk.remove()
            try? FileManager.default.removeItem(atPath: root)
        }
        let run = try await disk.run(["run", "customer-health"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("✗ orders (ingest.csv) failed"), "\(run.stderr)")
        #expect(run.stderr.contains(disk.mounted ? "No space left on device" : "File too large"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing partial was kept"))
        // Stages downstream start while an output is being stored, so one of them may finish
        // and store its own (small) entry before the failed store stops the run: such an entry
        // is whole. Nothing of the stage that failed, nothing without its metadata, nothing in tmp.
        let fm = FileManager.default
        for shard in try fm.contentsOfDirectory(atPath: disk.cache) where shard != "tmp" {
            for key in try fm.contentsOfDirectory(atPath: disk.cache + "/" + shard) {
                let meta = disk.cache + "/\(shard)/\(key)/meta.json"
                let data = try #require(fm.contents(atPath: meta), "an entry without meta.json: \(shard)/\(key)")
                let stage = try #require(
                    (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["stage"] as? String)
                #expect(stage != "orders", "the failed stage's entry was kept")
            }
        }
        #expect(try fm.contentsOfDirectory(atPath: disk.cache + "/tmp").isEmpty)
    }

    @Test func aDamagedCacheEntryIsReportedDiscardedAndRecomputed() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try await patron("run", "customer-health", in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: root + "/Reports/customer-health/customers.csv"))
        // Flip one bit in the middle of the cleaned orders' table.
        let cache = root + "/.patron/cache"
        var cleaned: String? = nil
        for shard in try FileManager.default.contentsOfDirectory(atPath: cache) where shard.count == 2 {
            for key in try FileManager.default.contentsOfDirectory(atPath: cache + "/" + shard) {
                let meta = try String(contentsOfFile: "\(cache)/\(shard)/\(key)/meta.json", encoding: .utf8)
                if meta.contains("\"stage\" : \"clean\"") { cleaned = "\(cache)/\(shard)/\(key)/main.arrow" }
            }
        }
        let path = try #require(cleaned)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let shown = try await patron("show", "customer-health", "clean", in: root)
        #expect(shown.status == 1)
        #expect(
            shown.stderr.contains("is damaged (main.arrow does not match its checksum); rerun the pipeline"),
            "\(shown.stderr)")
        // A change downstream makes the run read `clean` from the cache: it notices, warns,
        // recomputes, and the report comes out as before.
        let rerun = try await patron("run", "customer-health", "--only", "rfm", "--force", in: root)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(
            rerun.stderr.contains(
                "! clean: its cache entry is damaged (main.arrow does not match its checksum); discarded, clean reruns"),
            "\(rerun.stderr)")
        let again = try await patron("run", "customer-health", in: root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/Reports/customer-health/customers.csv")) == before)
    }

    let envPipeline = """
        pipeline: env
        stages:
          look:
            use: shell
            with:
              command: printf 'secret,home\\n%s,%s\\n' "${AWS_SECRET_ACCESS_KEY:-absent}" "${HOME:+set}" > "$PATRON_OUTPUT"
        """

    @Test func shellStagesGetOnlyTheEnvironmentTheyNeed() async throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(root + "/Pipelines/env.yaml", envPipeline)
        let secret = ["AWS_SECRET_ACCESS_KEY": "hunter2"]
        let dry = try await patron("run", "env", "--dry-run", in: root, environment: secret)
        #expect(dry.stderr.contains("runs: /bin/sh -c 'printf '\\''secret,home"), "\(dry.stderr)")
        let run = try await patron("run", "env", in: root, environment: secret)
        #expect(run.status == 0, "\(run.stderr)")
        let seen = try await patron("show", "env", "look", "--format", "csv", in: root)
        #expect(seen.stdout == "secret,home\nabsent,set\n")

        try writeFile(root + "/Pipelines/env.yaml", envPipeline + "\n      pass_env: [AWS_SECRET_ACCESS_KEY]\n")
        let passed = try await patron("run", "env", in: root, environment: secret)
        #expect(passed.status == 0, "\(passed.stderr)")
        let seenNow = try await patron("show", "env", "look", "--format", "csv", in: root)
        #expect(seenNow.stdout == "secret,home\nhunter2,set\n")
    }

    @Test func writingOutsideTheProjectNeedsAllowOutside() async throws {
        let root = try makeProject()
        let outside = root + "-outside"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try writeFile(
            root + "/Pipelines/out.yaml",
            """
            pipeline: out
            stages:
              orders: {use: ingest.csv, with: {path: Data/sample/orders.csv}}
              report: {use: report, inputs: [orders], with: {out: ../\((outside as NSString).lastPathComponent)}}
            """)
        let refused = try await patron("run", "out", in: root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("'out' must stay inside the project"))
        #expect(!FileManager.default.fileExists(atPath: outside))
        let allowed = try await patron("run", "out", "--allow-outside", in: root)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: outside + "/index.html"))

        // The user's own command line writes where it says, folders made as needed; only
        // pipeline files are confined to the project.
        let export = try await patron("export", "out", "orders", "-o", outside + "/new/folder/orders.csv", in: root)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: outside + "/new/folder/orders.csv"))
        let blocked = try await patron("export", "out", "orders", "-o", "/proc/no/such/orders.csv", in: root)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("patron: cannot write /proc/no/such/orders.csv: cannot make the folder"))
        #expect(!blocked.stderr.contains("NSCocoaErrorDomain") && !blocked.stderr.contains("Error Domain"))
        let exportInside = try await patron("export", "out", "orders", "-o", "orders.csv", in: root)
        #expect(exportInside.status == 0, "\(exportInside.stderr)")

        // A symlink inside the project that points out counts as outside.
        try FileManager.default.createSymbolicLink(atPath: root + "/Reports", withDestinationPath: outside)
        try writeFile(
            root + "/Pipelines/out.yaml",
            """
            pipeline: out
            stages:
              orders: {use: ingest.csv, with: {path: Data/sample/orders.csv}}
              report: {use: report, inputs: [orders], with: {out: Reports/weekly}}
            """)
        let viaLink = try await patron("run", "out", in: root)
        #expect(viaLink.status == 2)
        #expect(viaLink.stderr.contains("resolves to"))

    }
}
