import Foundation

/// Files replaced whole: written beside their final name and renamed over it, so a reader (or
/// a run killed halfway) sees the old file or the new one, never part of one.
///
/// ```swift
/// try AtomicFile.replace("Reports/weekly/index.html") { try Data(html.utf8).write(to: URL(fileURLWithPath: $0)) }
/// ```
package enum AtomicFile {
    /// Calls `write` with a temporary path, then renames it to `path`; on any failure the
    /// temporary is removed and the error says which file and what to check.
    package static func replace(_ path: String, write: (String) throws -> Void) throws {
        // `path.tmp-PID`: a leftover of a killed process can be recognised by it.
        let temporary = path + ".tmp-\(getpid())"
        do {
            try write(temporary)
        } catch {
            unlink(temporary)
            throw AtomicFileError(
                message:
                    "cannot write \(path): \(error); check that the folder is writable and the disk has room")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(message: "cannot rename \(temporary) to \(path): \(reason)")
        }
    }
}

extension AtomicFile {
    /// Removes the temporaries that processes now dead left in `folder` (killed between writing
    /// a file and renaming it): `NAME.tmp-PID` files whose process no longer exists.
    package static func removeLeftovers(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let marker = name.range(of: ".tmp-", options: .backwards),
                let pid = Int32(name[marker.upperBound...]), pid > 0
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }
}

/// A file that could not be replaced: which, and what to check.
package struct AtomicFileError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
