import Foundation
import PatronSupport
import PatronTable
import Synchronization

/// Where stage outputs are kept, by cache key. The local folder is the only store today;
/// a shared bucket for distributed runs would be another conformance.
package protocol CacheStore: Sendable {
    func contains(_ key: String) -> Bool
    func meta(_ key: String) -> CacheEntry?
    func load(_ key: String, port: String) throws -> Table
    /// Only the named columns (all of them when one is missing).
    func load(_ key: String, port: String, columns: Set<String>?) throws -> Table
    /// The first `rows` rows of a port, without reading the rest.
    func head(_ key: String, port: String, rows: Int) throws -> Table
    /// The given rows of a port, in that order, without reading the rest.
    func rows(_ key: String, port: String, columns: Set<String>?, at rows: [Int]) throws -> Table
    /// Stores all ports at once: afterwards the entry is complete, or absent. An existing
    /// entry for the key is kept unless `replace` (a forced rerun) is set.
    func store(_ key: String, output: StageOutput, entry: CacheEntry, replace: Bool) throws
    /// A path a user can open for a port (Arrow IPC), if the store is local.
    func portPath(_ key: String, port: String) -> String
    func keys() -> [String]
    func remove(_ key: String) throws
    /// Bytes used by an entry.
    func size(_ key: String) -> Int
    /// Removes half-written entries no live process is writing (left by a killed run); never
    /// another live run's, which may share the cache.
    func removeAbandonedTemporaries(olderThan age: TimeInterval, now: Date)
    /// Removes this process's half-written entries (a run interrupted mid-store).
    func removeOwnTemporaries()
    /// Checks that an entry is whole: its metadata reads and every table file has the size
    /// and checksum recorded when it was stored. Throws `CacheDamage` when not.
    func verify(_ key: String) throws
    /// Marks an entry as used now (`gc --older-than` keeps entries used recently).
    func markUsed(_ key: String)
}

extension CacheStore {
    /// Whether the entry for `key` is there, looking again every 0.5 s for up to `seconds`.
    package func waitForEntry(_ key: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !contains(key) {
            if Date() >= deadline { return false }
            usleep(500_000)
        }
        return true
    }
}

/// A cache entry that is not what was stored: a truncated, edited or bit-flipped file.
package struct CacheDamage: Error, CustomStringConvertible {
    package var key: String
    package var reason: String
    package var description: String {
        "cache entry \(key.prefix(12)) is damaged (\(reason)); rerun the pipeline to recompute it"
    }
}

/// What is known about a cache entry besides its tables: `meta.json` in the entry.
package struct CacheEntry: Codable, Sendable, Equatable {
    package struct Port: Codable, Sendable, Equatable {
        package var name: String
        package var rows: Int
        package var columns: [String]
        /// Size and XXH64 checksum (16 hex digits) of the port's Arrow file, filled in by
        /// the store; absent in entries written before checksums were kept.
        package var bytes: Int? = nil
        package var checksum: String? = nil

        package init(name: String, rows: Int, columns: [String]) {
            self.name = name
            self.rows = rows
            self.columns = columns
        }
    }

    /// What the entry was made from: its key and everything hashed into it.
    package var source: KeyMaterial
    package var pipeline: String
    package var stage: String
    package var ports: [Port]
    package var counts: [String: Int]
    package var seconds: Double
    package var created: String
}

/// Entries as folders `ROOT/ab/abcdef…/` holding `PORT.arrow` files and `meta.json`. A new
/// entry is written under `ROOT/tmp/` and renamed into place, so a run killed at any instant
/// leaves either the whole entry or none of it.
package struct LocalCacheStore: CacheStore {
    package let root: String
    /// Entries this process has already checked (each is checked once, on first read).
    private let verified = Verified()

    private final class Verified: Sendable {
        let keys = Mutex<Set<String>>([])
    }

    package init(root: String) throws {
        self.root = root
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
    }

    func directory(_ key: String) -> String { "\(root)/\(key.prefix(2))/\(key)" }

    /// Whether an entry is stored; `verify` checks that it is whole, as every read does.
    package func contains(_ key: String) -> Bool {
        FileManager.default.fileExists(atPath: directory(key) + "/meta.json")
    }

    package func meta(_ key: String) -> CacheEntry? {
        FileManager.default.contents(atPath: directory(key) + "/meta.json").flatMap {
            try? JSONDecoder().decode(CacheEntry.self, from: $0)
        }
    }

    package func load(_ key: String, port: String) throws -> Table {
        try verify(key)
        return try ArrowIPC.read(path: portPath(key, port: port))
    }

    package func load(_ key: String, port: String, columns: Set<String>?) throws -> Table {
        try verify(key)
        return try ArrowIPC.read(path: portPath(key, port: port), columns: columns)
    }

    package func head(_ key: String, port: String, rows: Int) throws -> Table {
        try verify(key)
        return try ArrowIPC.read(path: portPath(key, port: port), rows: rows)
    }

    package func rows(_ key: String, port: String, columns: Set<String>?, at rows: [Int]) throws -> Table {
        try verify(key)
        return try ArrowIPC.read(path: portPath(key, port: port), columns: columns, at: rows)
    }

    package func verify(_ key: String) throws {
        if verified.keys.withLock({ $0.contains(key) }) { return }
        guard FileManager.default.fileExists(atPath: directory(key) + "/meta.json") else {
            throw CacheDamage(key: key, reason: "meta.json is missing")
        }
        guard let entry = meta(key) else { throw CacheDamage(key: key, reason: "meta.json does not read") }
        for port in entry.ports {
            let path = portPath(key, port: port.name)
            guard let file = try? MappedFile(path: path) else {
                throw CacheDamage(key: key, reason: "\(port.name).arrow is missing")
            }
            if let bytes = port.bytes, file.data.count != bytes {
                throw CacheDamage(
                    key: key, reason: "\(port.name).arrow has \(file.data.count) bytes, \(bytes) were stored")
            }
            if let checksum = port.checksum, Self.checksum(file) != checksum {
                throw CacheDamage(key: key, reason: "\(port.name).arrow does not match its checksum")
            }
        }
        verified.keys.withLock { _ = $0.insert(key) }
    }

    /// The file's XXH64 as 16 hex digits, its pages handed back as they are hashed.
    static func checksum(_ file: MappedFile) -> String {
        hex(file.data.withUnsafeBytes { XXHash64.hash($0, done: file.release) })
    }

    static func hex(_ h: UInt64) -> String {
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    package func portPath(_ key: String, port: String) -> String { directory(key) + "/\(port).arrow" }

    package func store(_ key: String, output: StageOutput, entry: CacheEntry, replace: Bool) throws {
        let fm = FileManager.default
        let temporary = "\(root)/tmp/\(key).\(LocalCacheStore.processTag).\(UInt32.random(in: 0...UInt32.max))"
        // Begun only while the process is not exiting: its temporaries are removed on the way
        // out, and one begun after that would be left behind.
        let begun = try Interruption.shared.unlessExiting {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        }
        guard begun else { throw StageFailure("the run was interrupted; nothing was stored") }
        do {
            var entry = entry
            for (name, table) in output.ports {
                let file = "\(temporary)/\(name).arrow"
                // Checksummed as it is written, not read back.
                var stream = XXHash64.Stream()
                try ArrowIPC.write(table, to: file, metadata: ["patron.stage": entry.stage, "patron.port": name]) {
                    stream.update($0)
                }
                if let i = entry.ports.firstIndex(where: { $0.name == name }) {
                    entry.ports[i].bytes = stream.count
                    entry.ports[i].checksum = Self.hex(stream.value)
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            // (Not Foundation's Data.write, which fsyncs — 60–80 ms of journal commit per entry here:
            // the entry appears whole by the rename below, and reads check its checksums.)
            try SequentialFile.write(Array(encoder.encode(entry)), to: temporary + "/meta.json")
            let final = directory(key)
            try fm.createDirectory(
                atPath: (final as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // A damaged entry (unreadable metadata) is replaced like a forced one.
            if (replace || meta(key) == nil) && fm.fileExists(atPath: final) {
                // Move the old entry aside first: a crash in between leaves no entry, never a mix.
                let old = temporary + ".old"
                if rename(final, old) == 0 { try? fm.removeItem(atPath: old) }
            }
            verified.keys.withLock { _ = $0.remove(key) }
            // Committed whole or not at all: a process that is exiting (interrupted) commits
            // nothing more, and its temporaries are removed.
            var renamed: Int32 = -1
            let committed = try Interruption.shared.unlessExiting { renamed = rename(temporary, final) }
            guard committed else { throw StageFailure("the run was interrupted; nothing was stored") }
            if renamed != 0 {
                // Someone stored the same key first (same inputs, same bytes): keep theirs.
                try? fm.removeItem(atPath: temporary)
                if meta(key) == nil {
                    throw StageFailure(
                        "cannot store cache entry \(key) in \(root): \(String(cString: strerror(errno)))")
                }
            } else {
                verified.keys.withLock { _ = $0.insert(key) }
            }
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw StageFailure(
                "cannot store the output in the cache at \(root): \(error)\n"
                    + "nothing partial was kept; free some space (patron gc removes unused entries) or point --cache-dir (PATRON_CACHE_DIR) at a larger disk"
            )
        }
    }

    package func keys() -> [String] {
        let fm = FileManager.default
        var out = [String]()
        for shard in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where shard.count == 2 {
            out += ((try? fm.contentsOfDirectory(atPath: "\(root)/\(shard)")) ?? []).filter { $0.count == 64 }
        }
        return out.sorted()
    }

    package func remove(_ key: String) throws {
        verified.keys.withLock { _ = $0.remove(key) }
        try FileManager.default.removeItem(atPath: directory(key))
    }

    package func size(_ key: String) -> Int {
        let dir = directory(key)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).reduce(0) { sum, name in
            sum + ((try? FileManager.default.attributesOfItem(atPath: "\(dir)/\(name)")[.size] as? Int) ?? 0)
        }
    }

    /// `HOST.PID`: part of every temporary's name, so that a process knows its own (and, on a
    /// cache shared between machines, no process mistakes another host's for its own).
    static let processTag: String = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let bytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let host = String(
            String(decoding: bytes, as: UTF8.self).map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return "\(host.isEmpty ? "localhost" : host).\(getpid())"
    }()

    package func removeOwnTemporaries() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: root + "/tmp")) ?? []
        where name.contains(".\(LocalCacheStore.processTag).") && !name.hasSuffix(".removing") {
            // Renamed first, so that a store still writing into it (another thread) can create
            // no more files there; one it was creating as the folder was renamed is caught by
            // the next pass.
            let path = "\(root)/tmp/\(name)", gone = path + ".removing"
            let target = rename(path, gone) == 0 ? gone : path
            for _ in 0..<3 where fm.fileExists(atPath: target) { try? fm.removeItem(atPath: target) }
        }
    }

    /// Records that an entry was used now (its folder's modification time), for
    /// `gc --older-than`; an entry that is not there is left alone.
    package func markUsed(_ key: String) {
        let path = directory(key)
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = utimes(path, nil)
    }

    /// When an entry was last used (stored, or marked by a run), or nil when it is not there.
    package func lastUsed(_ key: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: directory(key)))?[.modificationDate] as? Date
    }

    /// How old another host's temporary must be before a run removes it (no process writes one
    /// entry for hours; a live one on another host cannot be asked whether it is alive).
    package static let abandonedAge: TimeInterval = 6 * 3600

    /// Removes the temporaries no live process is writing: this host's whose process is gone,
    /// and any (another host's, an unreadable name, or one whose pid a later process reused)
    /// older than `age`. Never a young one that a live process on
    /// this host owns: on a cache shared by several runs, projects or machines, one run's
    /// start-up must not delete another's half-written entry. Deciding needs no lock that
    /// spans machines (NFS can make `flock` node-local).
    package func removeAbandonedTemporaries(
        olderThan age: TimeInterval = LocalCacheStore.abandonedAge, now: Date = Date()
    ) {
        let fm = FileManager.default
        let (host, own) = Self.hostAndPID
        for name in (try? fm.contentsOfDirectory(atPath: root + "/tmp")) ?? [] {
            let path = "\(root)/tmp/\(name)"
            let owner = Self.owner(ofTemporary: name)
            if let owner, owner.host == host {
                if owner.pid == own { continue }
                // This host's: its process says whether it is still writing.
                if !Self.isAlive(owner.pid) {
                    try? fm.removeItem(atPath: path)
                    continue
                }
            }
            // Any other (another host's, or this host's with a live process, which may be a
            // later process that reused the pid): removed once it is old.
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            if now.timeIntervalSince(modified) > age { try? fm.removeItem(atPath: path) }
        }
    }

    /// The host and process of a temporary's name (`KEY.HOST.PID.RANDOM`, maybe `.old`).
    static func owner(ofTemporary name: String) -> (host: String, pid: Int32)? {
        let parts = name.split(separator: ".")
        guard parts.count >= 4, let pid = Int32(parts[2]) else { return nil }
        return (String(parts[1]), pid)
    }

    static var hostAndPID: (host: String, pid: Int32) {
        let parts = processTag.split(separator: ".")
        return (String(parts[0]), getpid())
    }

    /// Whether a process of this host exists (`kill(pid, 0)`: EPERM means it does, for
    /// another user).
    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}
