import Foundation
import PatronSupport
import Testing

@testable import PatronTable

@Suite struct MappedFileTests {
    /// Resident file-backed memory of this process, in KiB.
    func residentFileKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("RssFile:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test func releasedPagesLeaveResidentMemoryAndReadBackTheSame() throws {
        let path = NSTemporaryDirectory() + "patron-mapped-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<(16 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try MappedFile(path: path)
        #expect(file.data.count == bytes.count)
        let before = residentFileKiB()
        var sum = 0
        file.data.withUnsafeBytes { raw in for i in stride(from: 0, to: raw.count, by: 4096) { sum &+= Int(raw[i]) } }
        let touched = residentFileKiB()
        // Not page-aligned on either side: only whole pages inside go.
        file.release(100..<(bytes.count - 100))
        let released = residentFileKiB()
        #expect(touched - before > 12 << 10, "touching 16 MiB should map most of it (\(before) → \(touched) KiB)")
        #expect(touched - released > 12 << 10, "releasing should hand most of it back (\(touched) → \(released) KiB)")
        #expect(Array(file.data) == bytes)
        #expect(try MappedFile(path: path).data.count == bytes.count)
        let empty = NSTemporaryDirectory() + "patron-empty-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: empty) }
        FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(try MappedFile(path: empty).data.isEmpty)
        #expect(throws: MappedFileError.self) { _ = try MappedFile(path: path + "-missing") }
        _ = sum
    }
}
