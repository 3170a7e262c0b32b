import Foundation
import Testing

@testable import PatronTable

/// A table with every column type, nulls, empty and non-ASCII strings.
func everyTypeTable() throws -> Table {
    try Table(
        names: ["id", "amount", "day", "flag", "name", "note"],
        columns: [
            .int([1, -2, Int64.max, 0], validity: [true, true, true, false]),
            .decimal([12.5, 0, -1e300, 0], validity: [true, false, true, true]),
            .date([0, -1, 0, 9_862], validity: [true, true, false, true]),
            .bool([true, false, true, false], validity: [true, true, true, false]),
            .string(["anna", nil, "", "Åsa Łęcka"]),
            .string(["tack för snabb leverans", "a,b \"c\"\nd", nil, "🙂"], type: .text),
        ])
}

@Suite struct ArrowRoundTripTests {
    @Test func roundTripKeepsEveryTypeAndNull() throws {
        let table = try everyTypeTable()
        let back = try ArrowIPC.decode(ArrowIPC.encode(table))
        #expect(back == table)
        #expect(back["note"]?.type == .text)
        #expect(back["amount"]?.isNull(1) == true)
    }

    @Test func datetimesRoundTripNaiveAndUTC() throws {
        let table = try Table(
            names: ["naive", "utc", "empty"],
            columns: [
                .datetime([0, -1, Int64.max, 0], validity: [true, true, true, false]),
                .datetime([5, 6, 7, 8], utc: true), .datetime([0, 0, 0, 0], validity: [false, false, false, false]),
            ])
        #expect(try ArrowIPC.decode(ArrowIPC.encode(table)) == table)
        #expect(try ArrowIPC.decode(ArrowIPC.encode(table.head(0))) == table.head(0))
    }

    @Test func emptyTableRoundTrips() throws {
        let table = try Table(names: ["a", "b"], columns: [.int([]), .string([])])
        #expect(try ArrowIPC.decode(ArrowIPC.encode(table)) == table)
    }

    @Test func encodingIsDeterministic() throws {
        let table = try everyTypeTable()
        #expect(ArrowIPC.encode(table) == ArrowIPC.encode(table))
    }

    @Test func rejectsGarbageWithAReason() {
        #expect(throws: ArrowFormatError.self) { try ArrowIPC.decode(Array("not arrow at all, sorry".utf8)) }
        var bytes = ArrowIPC.encode(try! everyTypeTable())
        bytes.removeSubrange(40..<60)
        #expect(throws: (any Error).self) { try ArrowIPC.decode(bytes) }
    }
}

@Suite struct ArrowFileTests {
    /// A file holds the bytes of the in-memory encoding; columns with and without nulls mix.
    @Test func fileWriteMatchesInMemoryEncoding() throws {
        var table = try everyTypeTable()
        try table.append("plain", .string(["a", "b", "c", "d"]))
        try table.append("n", .int([1, 2, 3, 4]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("patron-\(UUID().uuidString).arrow")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ArrowIPC.write(table, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(ArrowIPC.encode(table)))
        #expect(try ArrowIPC.read(path: path) == table)
    }

    /// Files of several staging buffers, of lengths off the 4 KiB block, on disk and on tmpfs
    /// (where direct I/O may be refused): the same bytes as in memory, and `observe` sees each
    /// byte once, in order.
    @Test func largeFilesWriteThroughTheStagingBuffer() throws {
        for rows in [1, 130_001, 400_003] {
            let ids: [String?] = (0..<rows).map { "C\($0)" }
            let xs: [Double] = (0..<rows).map { Double($0) / 7 }
            let notes: [String?] = (0..<rows).map { $0 % 5 == 0 ? nil : "note \($0)" }
            let table = try Table(
                names: ["id", "x", "note"], columns: [.string(ids), .decimal(xs), .string(notes, type: .text)])
            let expected = ArrowIPC.encode(table)
            for folder in [FileManager.default.temporaryDirectory.path, "/dev/shm"]
            where FileManager.default.isWritableFile(atPath: folder) {
                for direct in [true, false] {
                    let path = folder + "/patron-\(UUID().uuidString).arrow"
                    defer { try? FileManager.default.removeItem(atPath: path) }
                    var seen = [UInt8]()
                    try ArrowIPC.write(table, to: path, metadata: [:], direct: direct) { seen.append(contentsOf: $0) }
                    #expect(seen == expected, "\(rows) rows in \(folder)")
                    #expect(
                        try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected), "\(rows) rows in \(folder)")
                }
            }
        }
    }

    /// Reading a subset of columns steps over the others' buffers (strings have three).
    @Test func readsOnlyTheColumnsAsked() throws {
        let table = try everyTypeTable()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("patron-\(UUID().uuidString).arrow")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ArrowIPC.write(table, to: path)
        let some = try ArrowIPC.read(path: path, columns: ["note", "day"])
        #expect(some.names == ["day", "note"])
        #expect(some["note"] == table["note"] && some["day"] == table["day"])
        // A name the file lacks: everything, so the reader's error can list what there is.
        #expect(try ArrowIPC.read(path: path, columns: ["day", "missing"]) == table)
    }

    /// A prefix or picked rows read only those rows, equal to taking them from the whole table.
    @Test func readsAPrefixOrPickedRows() throws {
        let table = try everyTypeTable()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("patron-\(UUID().uuidString).arrow")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ArrowIPC.write(table, to: path)
        #expect(try ArrowIPC.read(path: path, rows: 2) == table.head(2))
        #expect(try ArrowIPC.read(path: path, rows: 0).rowCount == 0)
        #expect(try ArrowIPC.read(path: path, rows: 99) == table)
        let picked = [3, 0, 3, 1]
        let gathered = try Table(names: table.names, columns: table.columns.map { $0.gathering(picked) })
        #expect(try ArrowIPC.read(path: path, at: picked) == gathered)
        let notes = try ArrowIPC.read(path: path, columns: ["note"], at: [1, 3])
        #expect(notes.names == ["note"] && notes["note"]?.type == .text)
        if case .string(let s)? = notes["note"]?.storage { #expect(s[0] == "a,b \"c\"\nd" && s[1] == "🙂") }
        #expect(throws: ArrowFormatError.self) { try ArrowIPC.read(path: path, at: [4]) }
    }
}
