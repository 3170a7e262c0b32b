import Dispatch
import Foundation
import PatronSupport
import Synchronization

/// A run stopped from outside: SIGTERM (cron's `timeout`, systemd, Slurm's time limit),
/// SIGINT (Ctrl-C) or SIGHUP (the terminal went away).
///
/// On the first signal no stage starts any more, every running command's process group gets
/// SIGTERM (SIGKILL a second later if it is still there), stages that finish in the meantime
/// are stored whole, and the run ends with a record whose outcome is `interrupted`; the
/// command exits with 128 + the signal (143, 130, 129). A stage that does not end within
/// `grace` seconds — a long computation in this process — is not waited for: unfinished cache
/// entries of this process are discarded, the `onExit` handlers write what is known, and the
/// process exits with the same code. A second signal exits at once the same way. The project
/// lock goes with the process.
package final class Interruption: Sendable {
    /// The one instance: signals belong to the process.
    package static let shared = Interruption()

    private struct State {
        var signal: Int32? = nil
        /// Set by `install`: signals then stop the run cleanly and are reported here.
        var log: EventLog? = nil
        var onExit: [Int: @Sendable () -> Void] = [:]
        var nextHandler = 0
        /// Set just before the process exits on its own: no cache entry may be committed after.
        var exiting = false
    }

    private let state = Mutex(State())
    /// Seconds a running stage gets to end after the first signal: 3, or `PATRON_STOP_GRACE`.
    package let grace: Double =
        ProcessInfo.processInfo.environment["PATRON_STOP_GRACE"].flatMap(Double.init).map { min(max($0, 0), 60) } ?? 3

    private init() {}

    /// The signal that interrupted the run, if one did.
    package var signal: Int32? { state.withLock { $0.signal } }

    /// Whether the process is about to exit on its own (after a second signal or the grace
    /// period): a cache entry must not be committed any more.
    package var isExiting: Bool { state.withLock { $0.exiting } }

    /// Runs `commit` unless the process is exiting, with exiting held off until it returns: a
    /// cache entry is renamed into place whole, or not at all.
    package func unlessExiting(_ commit: () throws -> Void) throws -> Bool {
        try state.withLock { state in
            guard !state.exiting else { return false }
            try commit()
            return true
        }
    }

    /// The exit status for a run ended by `signal`: 128 + its number, as a shell reports it.
    package static func exitStatus(_ signal: Int32) -> Int32 { 128 + signal }

    /// The signals that stop a run.
    private static var stopSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, number) }
        return set
    }

    /// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread. Call it first thing in `main`,
    /// on the main thread, before any other thread exists: every thread started later inherits
    /// the mask, so a signal sent to the process stays pending until `serveSignals` takes it.
    ///
    /// (Dispatch signal sources are not used: on Linux, `dispatch_main` parks the main thread
    /// in `sigsuspend` with nothing blocked, the kernel hands it the signal, and libdispatch's
    /// handler re-sends it to the thread that registered the source, which need not be the
    /// one that reads it — under load the signal was sometimes lost.)
    package static func blockStopSignals() {
        var blocked = stopSignals
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
    }

    /// Waits for SIGINT, SIGTERM and SIGHUP on the calling thread for the rest of the process
    /// (the threads must have them blocked: `blockStopSignals`). Once `install(log:)` has
    /// armed the clean stop, a signal stops the run as described above; before that, it ends
    /// the process as the default action would: killed by that signal.
    package func serveSignals() -> Never {
        var waited = Self.stopSignals
        while true {
            var number: Int32 = 0
            guard sigwait(&waited, &number) == 0 else { continue }
            if let log = state.withLock({ $0.log }) {
                received(number, log: log)
            } else {
                // The default action, raised at this thread with the signal let through.
                _ = Glibc.signal(number, SIG_DFL)
                var only = sigset_t()
                sigemptyset(&only)
                sigaddset(&only, number)
                pthread_sigmask(SIG_UNBLOCK, &only, nil)
                raise(number)
                _exit(Self.exitStatus(number))
            }
        }
    }

    /// Arms the clean stop for the rest of the process: from now on a signal that
    /// `serveSignals` takes stops the run and is reported on `log`.
    package func install(log: EventLog) {
        state.withLock { state in
            if state.log == nil { state.log = log }
        }
    }

    /// Adds work for an exit that does not wait for the run to end (a record of what is known);
    /// returns a token for `removeOnExit`.
    package func onExit(_ handler: @escaping @Sendable () -> Void) -> Int {
        state.withLock { state in
            state.nextHandler += 1
            state.onExit[state.nextHandler] = handler
            return state.nextHandler
        }
    }

    package func removeOnExit(_ token: Int) {
        state.withLock { _ = $0.onExit.removeValue(forKey: token) }
    }

    private func received(_ number: Int32, log: EventLog) {
        let first = state.withLock { state -> Bool in
            defer { if state.signal == nil { state.signal = number } }
            return state.signal == nil
        }
        guard first else { exitNow(number, log: log, reason: "second signal") }
        log.event(
            "interrupted", ["signal": .string(Self.name(number))],
            text: "patron: \(Self.name(number)) received: stopping (running commands are sent SIGTERM; "
                + "a second \(number == SIGINT ? "Ctrl-C" : "signal") stops at once)", isError: true)
        ChildProcess.signalAll(SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + min(1, grace)) { ChildProcess.signalAll(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            exitNow(number, log: log, reason: "a stage did not stop within \(grace) s")
        }
    }

    /// Exits without waiting for the run: commands killed, this process's unfinished cache
    /// entries discarded (by the handlers), what is known recorded.
    private func exitNow(_ number: Int32, log: EventLog, reason: String) -> Never {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            state.exiting = true
            return state.onExit.sorted { $0.key < $1.key }.map(\.value)
        }
        ChildProcess.signalAll(SIGKILL)
        for handler in handlers { handler() }
        log.event(
            "exit", ["signal": .string(Self.name(number)), "reason": .string(reason)],
            text: "patron: stopped (\(reason)); exit \(Self.exitStatus(number))", isError: true)
        _exit(Self.exitStatus(number))
    }

    /// `SIGTERM`, `SIGINT`, `SIGHUP`.
    package static func name(_ number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
