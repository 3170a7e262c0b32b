import Foundation
import PatronSupport
import PatronTable
import Synchronization

/// Content hashes of input files, remembered by (path, size, mtime, inode) so an unchanged
/// large file is not read again. The memo lives in `.patron/statcache.json`.
package final class FileHasher: Sendable {
    struct Stamp: Codable, Equatable {
        var size: Int64
        var mtimeNanoseconds: Int64
        var inode: UInt64
        var sha256: String
    }

    private let memoPath: String
    private let memo: Mutex<(entries: [String: Stamp], dirty: Bool)>

    package init(memoPath: String) {
        self.memoPath = memoPath
        let data = FileManager.default.contents(atPath: memoPath)
        let entries = data.flatMap { try? JSONDecoder().decode([String: Stamp].self, from: $0) } ?? [:]
        memo = Mutex((entries, false))
    }

    /// The SHA-256 of the file's content, read only when its stat differs from the memo.
    package func hash(path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StageFailure(
                "cannot read \(path): \(String(cString: strerror(errno))); check the path (relative paths start at the project root)"
            )
        }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let probe = Stamp(size: Int64(info.st_size), mtimeNanoseconds: mtime, inode: UInt64(info.st_ino), sha256: "")
        let known = memo.withLock { $0.entries[path] }
        if let known, known.size == probe.size, known.mtimeNanoseconds == probe.mtimeNanoseconds,
            known.inode == probe.inode
        {
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

    /// Records `hash` as the content hash of the file now at `path` (a file this process has
    /// just written and hashed), so the next run does not read it again.
    package func remember(path: String, hash: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let stamp = Stamp(size: Int64(info.st_size), mtimeNanoseconds: mtime, inode: UInt64(info.st_ino), sha256: hash)
        memo.withLock {
            $0.entries[path] = stamp
            $0.dirty = true
        }
    }

    /// A file's content hash: SHA-256 over the file's size and the SHA-256 of each 8 MiB
    /// block, the blocks hashed in parallel. Equal content gives the equal hash on every
    /// machine, and a large input is hashed at the speed of all cores, not one.
    package static func contentHash(path: String) throws -> String {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch {
            throw StageFailure(String(describing: error))
        }
        return contentHash(data: file.data, release: file.release)
    }

    /// The content hash of bytes in memory: equal to `contentHash(path:)` of a file holding them.
    /// `release` is called with each block once it is hashed.
    package static func contentHash(data: Data, release: @Sendable (Range<Int>) -> Void = { _ in }) -> String {
        let block = 8 << 20
        let count = (data.count + block - 1) / block
        let digests = Mutex([SHA256.Digest?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            var hasher = SHA256()
            data.withUnsafeBytes { raw in
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[(i * block)..<min(raw.count, (i + 1) * block)]))
            }
            release((i * block)..<min(data.count, (i + 1) * block))
            let digest = hasher.finalize()
            digests.withLock { $0[i] = digest }
        }
        var tree = SHA256()
        tree.update("patron-content-v1 \(data.count)\n")
        for digest in digests.withLock({ $0 }) { tree.update(digest!.bytes) }
        return tree.finalize().hex
    }

    /// Writes the memo if it changed (atomically).
    package func save() {
        let data: Data? = memo.withLock {
            guard $0.dirty else { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try? encoder.encode($0.entries)
        }
        if let data { try? AtomicFile.replace(memoPath) { try SequentialFile.write(Array(data), to: $0) } }
    }
}
