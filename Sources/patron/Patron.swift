import ArgumentParser
import Foundation
import PatronPipeline

/// The `patron` command: run declarative customer-analytics pipelines.
struct Patron: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patron",
        abstract: "Run customer-analytics pipelines: ingest, clean, segment, lifetime value, sentiment, report.",
        discussion: """
            Exit codes: 0 success · 1 a stage failed · 2 usage or pipeline-file error · \
            3 check found stale reports · 75 another run holds the lock.
            """,
        version: "0.1.0",
        subcommands: [
            Run.self, Status.self, Plan.self, List.self, Modules.self, Dag.self, Show.self, Export.self, Check.self,
            Gc.self,
            Sample.self,
        ]
    )
}

/// Options every project-aware subcommand takes.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Project folder (default: the nearest folder above the working directory with a Pipelines/ folder).")
    var project: String?

    @Option(name: .long, help: "Cache folder (default: PATRON_CACHE_DIR, else .patron/cache in the project).")
    var cacheDir: String?

    func load() throws -> Project { try Project(explicit: project, cacheOverride: cacheDir) }
}

@main
enum Main {
    /// The main thread blocks the stop signals before any other thread starts, runs the
    /// command on the concurrency pool, and itself waits for the signals (see
    /// `Interruption.serveSignals`); the command's task ends the process.
    static func main() {
        Interruption.blockStopSignals()
        keepLargeAllocationsOnTheHeap()
        Task.detached {
            await runCommand()
            exit(0)
        }
        Interruption.shared.serveSignals()
    }

    static func runCommand() async {
        do {
            var command = try Patron.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as PipelineError {
            fail(String(describing: error), code: 2)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Patron.exitCode(for: error)
            if code == .success {
                print(Patron.fullMessage(for: error))
                exit(0)
            }
            // Usage mistakes exit 2, as the README promises; everything else names its cause.
            fail(Patron.fullMessage(for: error), code: code == .validationFailure ? 2 : 1)
        }
    }

    /// Stages allocate and free many column-sized arrays (tens of MB). glibc serves those by
    /// mmap and returns them on free, so every new array costs page faults and the kernel
    /// zeroing fresh pages (a fifth of the `ltv` stage's time on a million customers). A
    /// fixed mmap threshold at glibc's maximum (32 MiB) and a high trim threshold keep freed
    /// memory for reuse. That costs resident memory: on the million-customer benchmark the
    /// peak is about 820–870 MB this way and 650–720 MB with glibc's defaults, which take
    /// about 15% more CPU. `PATRON_MALLOC=system` keeps glibc's defaults, for machines where
    /// memory is the tighter limit.
    static func keepLargeAllocationsOnTheHeap() {
        #if canImport(Glibc)
        guard ProcessInfo.processInfo.environment["PATRON_MALLOC"] != "system" else { return }
        // mallopt is declared in <malloc.h>, which Glibc's Swift module leaves out.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }

    /// glibc's `malloc_trim(0)`: hands the free pages inside the heap back to the system. The
    /// runner calls it between stages, so that memory one stage freed does not stay resident
    /// while the next ones run (the thresholds above keep freed memory otherwise) — once the
    /// process holds more than 512 MiB. Below that, trimming costs more than it saves: the
    /// next stage faults the same pages back in, zeroed (0.16 s of a 1.1 s run on a million
    /// invoice lines, whose peak is 250–300 MB either way).
    static let trimHeap: @Sendable () -> Void = {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            let trim = unsafeBitCast(symbol, to: MallocTrim.self)
            return { if residentBytes() > 512 << 20 { _ = trim(0) } }
        }
        #endif
        return {}
    }()

    /// The process's resident memory, from `/proc/self/statm` (0 where it cannot be read).
    static func residentBytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
        guard n > 0 else { return 0 }
        // "size resident shared …", in pages.
        let fields = buffer[..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("patron: " + message + "\n").utf8))
        exit(code)
    }
}
