import Foundation
import Synchronization

/// Child processes started in a process group of their own, waited for without polling, and
/// stopped together — group and all — when a run is interrupted.
///
/// A command such as `python3 score.py | sort` is a shell with children of its own. Signalling
/// only the shell would leave the rest running after the run that started them has gone, so
/// each child leads a new process group (`posix_spawn` with `POSIX_SPAWN_SETPGROUP`) and
/// `signalAll` signals every group. The children also get the default action for SIGINT,
/// SIGTERM and SIGHUP (whatever this process does with them) and an empty signal mask.
///
/// ```swift
/// let status = try await ChildProcess.run(
///     ChildProcess.Spec(executable: "/bin/sh", arguments: ["-c", "sleep 1"], environment: [:],
///                       directory: "/tmp", standardOutput: "/tmp/out", standardError: "/tmp/err"))
/// // status: the exit status, or 128 + the signal that ended it
/// ```
package enum ChildProcess {
    /// What to start, where, and where its output goes.
    package struct Spec: Sendable {
        package var executable: String
        /// Arguments after the program's name.
        package var arguments: [String]
        package var environment: [String: String]
        package var directory: String
        /// Files the child's standard output and error are written to (created or truncated).
        package var standardOutput: String
        package var standardError: String

        package init(
            executable: String, arguments: [String], environment: [String: String], directory: String,
            standardOutput: String, standardError: String
        ) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.directory = directory
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// Why a child could not be started.
    package struct StartFailure: Error, CustomStringConvertible {
        package var description: String
    }

    private struct Registry {
        var running = Set<pid_t>()
        /// Set by `signalAll(_:refuseNew:)`: no child starts after an interruption.
        var refusing = false
    }

    private static let registry = Mutex(Registry())

    /// Starts the child and waits for it to end (a thread blocks in `waitpid`; nothing polls).
    /// Returns its exit status, or 128 + the number of the signal that ended it, as a shell does.
    package static func run(_ spec: Spec) async throws -> Int32 {
        let pid = try start(spec)
        return await withCheckedContinuation { continuation in
            let waiter = Thread {
                var status: Int32 = 0
                var result: pid_t
                repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
                registry.withLock { _ = $0.running.remove(pid) }
                continuation.resume(returning: result < 0 ? 127 : decode(status))
            }
            waiter.start()
        }
    }

    /// Starts the child and blocks this thread until it ends, even while a run is being
    /// interrupted (for the clean-up an interruption itself needs: cancelling a cluster's jobs).
    /// Returns its exit status as `run` does.
    package static func runToEnd(_ spec: Spec) throws -> Int32 {
        let pid = try start(spec, evenWhenStopping: true)
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
        registry.withLock { _ = $0.running.remove(pid) }
        return result < 0 ? 127 : decode(status)
    }

    /// Sends `signal` to the process group of every running child; with `refuseNew`, no child
    /// starts from now on (`run` throws instead).
    package static func signalAll(_ signal: Int32, refuseNew: Bool = true) {
        let groups = registry.withLock { state -> [pid_t] in
            if refuseNew { state.refusing = true }
            return Array(state.running)
        }
        for group in groups { kill(-group, signal) }
    }

    /// Children started by this process that have not ended yet.
    package static var runningCount: Int { registry.withLock { $0.running.count } }

    /// `waitpid`'s status as a shell reports it.
    static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func start(_ spec: Spec, evenWhenStopping: Bool = false) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, spec.standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, spec.standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Nothing of this process's beyond standard input, output and error: descriptors it
        // inherited (from cron, from a test runner watching it) or opened without close-on-exec
        // would otherwise stay open in the command and anything it leaves running.
        if let closeFrom = addCloseFrom {
            _ = closeFrom(&actions, 3)
        } else {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
                if let fd = Int32(name), fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
            }
        }
        guard let changeDirectory = addChangeDirectory else {
            throw StartFailure(
                description: "this C library cannot start a program in another folder (glibc 2.29 or later can)")
        }
        let changed = spec.directory.withCString { changeDirectory(&actions, $0) }
        guard changed == 0 else {
            throw StartFailure(description: "cannot start in \(spec.directory): \(String(cString: strerror(changed)))")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([spec.executable] + spec.arguments).map { strdup($0) } + [nil]
        let envp = spec.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        return try registry.withLock { state in
            guard !state.refusing || evenWhenStopping else {
                throw StartFailure(description: "the run is being interrupted")
            }
            var pid: pid_t = 0
            let result = posix_spawn(&pid, spec.executable, &actions, &attributes, argv, envp)
            guard result == 0 else {
                throw StartFailure(description: "cannot start \(spec.executable): \(String(cString: strerror(result)))")
            }
            state.running.insert(pid)
            return pid
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up at run
    /// time like `addChangeDirectory`.
    private static let addCloseFrom:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), looked up at run time:
    /// Swift's Glibc module does not declare it.
    private static let addChangeDirectory:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
            else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)
                    .self)
        }()
}
