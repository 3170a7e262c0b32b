import Foundation
import PatronSupport
import PatronTable
import Testing

@testable import PatronPipeline

/// Damaged cache entries are found on read, discarded and recomputed; paths that leave the
/// project are refused.
@Suite struct CacheIntegrityTests {
    @Test func xxhash64MatchesTheReferenceImplementation() {
        // Reference values from the `xxhash` Python package (xxh64, seeds 0 and 7).
        let cases: [(String, UInt64, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999, 0x95F0_626F_6F0A_4409),
            ("a", 0xD24E_C4F1_A98C_6E5B, 0xDC63_49D4_89E0_F965),
            ("abc", 0x44BC_2CF5_AD77_0999, 0x9E75_5206_1566_76D7),
            ("abcdefghijkl", 0x4B09_B7D3_A233_D4B3, 0x6867_77D3_03D5_9700),
            (String(repeating: "x", count: 31), 0x60DD_0D01_083B_99F0, 0x3781_CEA7_CB1A_961E),
            ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", 0xB35E_125D_D455_5E6D, 0x040C_760C_08AC_7A75),
        ]
        for (text, seed0, seed7) in cases {
            #expect(XXHash64.hash(Array(text.utf8)) == seed0, "\(text)")
            #expect(XXHash64.hash(Array(text.utf8), seed: 7) == seed7, "\(text)")
        }
        let bytes = (0..<3).flatMap { _ in (0...255).map(UInt8.init) } + Array("xyz".utf8)
        #expect(XXHash64.hash(bytes) == 0xE921_A1B4_5BD7_79F8)
        #expect(XXHash64.hash(bytes, seed: 7) == 0xB635_55D1_BF05_377F)
    }

    /// Bytes hashed in pieces of any size give the one-shot hash.
    @Test func xxhash64StreamMatchesOneShot() {
        var rng: UInt64 = 3
        for length in [0, 1, 31, 32, 33, 100, 1_000, 70_000] {
            let bytes = (0..<length).map { _ -> UInt8 in
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: rng >> 56)
            }
            var stream = XXHash64.Stream()
            var at = 0
            while at < length {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let piece = min(length - at, Int(rng >> 58) * (rng & 1 == 0 ? 1 : 97))
                bytes[at..<(at + piece)].withUnsafeBytes { stream.update($0) }
                at += piece
            }
            #expect(stream.count == length)
            #expect(stream.value == XXHash64.hash(bytes), "length \(length)")
        }
    }

    let pipeline = """
        pipeline: p
        stages:
          orders:
            use: ingest.csv
            with: {path: Data/orders.csv, columns: {customer_id: string, amount: decimal}, max_reject_ratio: 0.5}
          copy:
            use: shell
            inputs: [orders]
            with: {command: "cp \\"$PATRON_INPUT\\" \\"$PATRON_OUTPUT\\""}
        """

    /// Runs once, damages the `orders` entry with `damage`, then reruns `copy` alone (it
    /// reads `orders` from the cache).
    func rerunAfterDamage(_ damage: (String) throws -> Void) async throws -> (RunSummary, String) {
        let p = try TempProject()
        defer { p.remove() }
        try p.write("Pipelines/p.yaml", pipeline)
        let first = try await p.run("p")
        #expect(first.succeeded)
        let key = first.record.stages[0].key!
        let cache = try LocalCacheStore(root: p.project.cacheDirectory)
        try damage(cache.directory(key))
        // A fresh process has checked nothing yet.
        let fresh = try LocalCacheStore(root: p.project.cacheDirectory)
        #expect(throws: CacheDamage.self) { try fresh.verify(key) }
        let second = try await p.run("p") {
            $0.force = true
            $0.only = ["copy"]
        }
        let rows = try LocalCacheStore(root: p.project.cacheDirectory).load(second.record.stages[1].key!, port: "main")
            .rowCount
        return (second, "\(rows)")
    }

    @Test func aBitFlipIsFoundDiscardedAndRecomputed() async throws {
        let (run, rows) = try await rerunAfterDamage { folder in
            let path = folder + "/main.arrow"
            var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count / 2] ^= 0x10
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(run.succeeded)
        #expect(run.record.stages.map(\.status.rawValue) == ["ran", "ran"])
        #expect(run.record.stages[0].reason?.contains("does not match its checksum") == true)
        #expect(rows == "3")
    }

    @Test func aTruncatedFileIsFoundToo() async throws {
        let (run, _) = try await rerunAfterDamage { folder in
            let handle = FileHandle(forWritingAtPath: folder + "/main.arrow")!
            try handle.truncate(atOffset: 100)
            try handle.close()
        }
        #expect(run.succeeded)
        #expect(run.record.stages[0].status == .ran)
        #expect(run.record.stages[0].reason?.contains("main.arrow has 100 bytes") == true)
    }

    @Test func unreadableMetadataIsFoundAndReplaced() async throws {
        let (run, rows) = try await rerunAfterDamage { folder in
            try Data("{\"trunc".utf8).write(to: URL(fileURLWithPath: folder + "/meta.json"))
        }
        #expect(run.succeeded)
        #expect(run.record.stages[0].status == .ran)
        #expect(rows == "3")
    }

    @Test func pathsAreResolvedBeforeTheyAreChecked() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("patron-path-\(UUID().uuidString)")
            .path
        let outside = root + "-outside"
        try FileManager.default.createDirectory(atPath: root + "/Reports", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/escape", withDestinationPath: outside)
        #expect(ProjectPath.isInside("Reports/weekly", root: root))
        #expect(ProjectPath.isInside("Reports/../Reports/new/x", root: root))
        #expect(ProjectPath.isInside(root + "/Reports", root: root))
        #expect(!ProjectPath.isInside("../elsewhere", root: root))
        #expect(!ProjectPath.isInside("Reports/../../elsewhere", root: root))
        #expect(!ProjectPath.isInside(root + "/../elsewhere", root: root))
        #expect(!ProjectPath.isInside("/tmp", root: root))
        #expect(!ProjectPath.isInside("escape/report", root: root))
        #expect(!ProjectPath.isInside("escape", root: root))
        #expect(ProjectPath.resolve("escape/report", root: root) == ProjectPath.real(outside) + "/report")
    }
}

extension CacheIntegrityTests {
    @Test func xxhash64InBlocksEqualsOneShotAndCoversEveryStripe() {
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var covered = [Range<Int>]()
        let blocked = bytes.withUnsafeBytes { XXHash64.hash($0, block: 4_096) { covered.append($0) } }
        #expect(blocked == XXHash64.hash(bytes))
        #expect(covered.first?.lowerBound == 0)
        #expect(covered.last?.upperBound == 100_003 / 32 * 32)
        #expect(zip(covered, covered.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
