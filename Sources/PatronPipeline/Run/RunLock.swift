import Foundation

/// `.patron/lock`, held with `flock` for the length of a run. The kernel drops the lock when
/// its process dies, however it dies, so a stale lock never blocks anyone.
package final class RunLock: Sendable {
    private let descriptor: Int32
    package let path: String

    package enum Outcome {
        case acquired(RunLock)
        /// Held by another run; its pid when known.
        case busy(holder: String)
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock, waiting for it when `wait` is set.
    package static func acquire(path: String, wait: Bool) throws -> Outcome {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StageFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let holder =
                (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                ?? ""
            close(fd)
            return .busy(holder: holder)
        }
        ftruncate(fd, 0)
        let text = "pid \(getpid())\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        return .acquired(RunLock(descriptor: fd, path: path))
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
