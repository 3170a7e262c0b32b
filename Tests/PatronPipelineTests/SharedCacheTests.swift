import Foundation
import Testing

@testable import PatronPipeline

/// A cache folder shared by several runs, projects or machines (`--cache-dir`): one run's
/// start-up removes only temporaries no live process is writing (issue 20: it used to delete
/// another run's half-written entry, which then failed to store).
@Suite struct SharedCacheTests {
    @Test func startUpRemovesOnlyAbandonedTemporaries() throws {
        let root = NSTemporaryDirectory() + "patron-shared-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cache = try LocalCacheStore(root: root)
        let (host, own) = LocalCacheStore.hostAndPID
        let dead = Int32.max - 1  // above any pid_max: no such process
        let names = [
            "alive": "k1.\(host).1.11",  // pid 1 is always alive
            "aliveButOld": "k6.\(host).1.66",  // a pid reused by a later process
            "dead": "k2.\(host).\(dead).22",
            "own": "k3.\(host).\(own).33",
            "otherHostFresh": "k4.otherhost.42.44",
            "otherHostOld": "k5.otherhost.42.55.old",
            "unreadableOld": "leftover",
            "unreadableFresh": "leftover-fresh",
        ]
        let fm = FileManager.default
        for name in names.values {
            try fm.createDirectory(atPath: "\(root)/tmp/\(name)", withIntermediateDirectories: true)
            fm.createFile(atPath: "\(root)/tmp/\(name)/main.arrow", contents: Data([1, 2, 3]))
        }
        let hoursAgo = Date().addingTimeInterval(-7 * 3600)
        for key in ["otherHostOld", "unreadableOld", "aliveButOld"] {
            try fm.setAttributes([.modificationDate: hoursAgo], ofItemAtPath: "\(root)/tmp/\(names[key]!)")
        }
        cache.removeAbandonedTemporaries()
        let left = Set(try fm.contentsOfDirectory(atPath: root + "/tmp"))
        for key in ["alive", "own", "otherHostFresh", "unreadableFresh"] {
            #expect(left.contains(names[key]!), "\(key) was removed")
        }
        for key in ["dead", "otherHostOld", "unreadableOld", "aliveButOld"] {
            #expect(!left.contains(names[key]!), "\(key) was kept")
        }
    }

    @Test func temporaryNamesCarryTheirOwner() {
        #expect(LocalCacheStore.owner(ofTemporary: "abc.host-1.1234.99")! == ("host-1", 1234))
        #expect(LocalCacheStore.owner(ofTemporary: "abc.host.1234.99.old")! == ("host", 1234))
        #expect(LocalCacheStore.owner(ofTemporary: "abc.host.notapid.99") == nil)
        #expect(LocalCacheStore.owner(ofTemporary: "leftover") == nil)
        #expect(LocalCacheStore.isAlive(getpid()))
        #expect(!LocalCacheStore.isAlive(Int32.max - 1))
    }
}
