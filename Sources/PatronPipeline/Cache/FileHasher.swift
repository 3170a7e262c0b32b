import Foundation
import Synchronization

/// Content hashes of input files, remembered by (path, size, mtime, inode) so an unchanged
/// large file is not read again. The memo lives in `.patron/statcache.json`.
public final class FileHasher: Sendable {
    struct Stamp: Codable, Equatable {
        var size: Int64
        var mtimeNanoseconds: Int64
        var inode: UInt64
        var sha256: String
    }

    private let memoPath: String
    private let memo: Mutex<(entries: [String: Stamp], dirty: Bool)>

    public init(memoPath: String) {
        self.memoPath = memoPath
        let data = FileManager.default.contents(atPath: memoPath)
        let entries = data.flatMap { try? JSONDecoder().decode([String: Stamp].self, from: $0) } ?? [:]
        memo = Mutex((entries, false))
    }

    /// The SHA-256 of the file's content, read only when its stat differs from the memo.
    public func hash(path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StageFailure("cannot read \(path): \(String(cString: strerror(errno))); check the path (relative paths start at the project root)")
        }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let probe = Stamp(size: Int64(info.st_size), mtimeNanoseconds: mtime, inode: UInt64(info.st_ino), sha256: "")
        let known = memo.withLock { $0.entries[path] }
        if let known, known.size == probe.size, known.mtimeNanoseconds == probe.mtimeNanoseconds, known.inode == probe.inode {
            return known.sha256
        }
        let digest = try Self.contentHash(path: path)
        var stamp = probe
        stamp.sha256 = digest
        memo.withLock {
            $0.entries[path] = stamp
            $0.dirty = true
        }
        return digest
    }

    /// Hashes a file in 4 MiB reads.
    public static func contentHash(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StageFailure("cannot open \(path)") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let block = try handle.read(upToCount: 4 << 20) ?? Data()
            if block.isEmpty { break }
            block.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize().hex
    }

    /// Writes the memo if it changed (atomically).
    public func save() {
        let data: Data? = memo.withLock {
            guard $0.dirty else { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try? encoder.encode($0.entries)
        }
        if let data { try? data.write(to: URL(fileURLWithPath: memoPath), options: .atomic) }
    }
}
