import Foundation
import PatronTable
import Testing

@testable import PatronCSV

/// Inputs that are not CSV, or are CSV gone wrong: each ends in a clear error or rejected
/// rows, never a crash, a hang or unbounded memory.
@Suite struct HostileInputTests {
    @Test func aRunawayRecordStopsAtTheLimitWithItsLine() async throws {
        // An opening quote on line 3 that never closes: a megabyte of text follows.
        let text = "a,b\n1,2\n\"3," + String(repeating: "x", count: 1 << 20) + "\n4,5\n"
        await #expect(throws: CSVError.recordTooLong(path: "test.csv", line: 3, limit: 64 << 10)) {
            _ = try await read(text) { $0.maxRecordBytes = 64 << 10 }
        }
        // Under the limit the same file reads, with the broken record rejected.
        let result = try await read(text)
        #expect(result.table.rowCount == 1)
        #expect(result.rejects.first?.line == 3)
    }

    @Test func aLineOfDelimitersIsBoundedToo() async throws {
        let text = "a,b\n" + String(repeating: ",", count: 200_000) + "\n"
        await #expect(throws: CSVError.recordTooLong(path: "test.csv", line: 2, limit: 100_000)) {
            _ = try await read(text) { $0.maxRecordBytes = 100_000 }
        }
    }

    @Test func runawayRecordFoundInAnyChunk() async throws {
        // Small chunks, so the runaway record starts deep in the file: the line is still right.
        var text = "a,b\n"
        for i in 0..<5_000 { text += "\(i),\(i)\n" }
        text += "\"open," + String(repeating: "y", count: 300_000)
        await #expect(throws: CSVError.recordTooLong(path: "test.csv", line: 5_002, limit: 100_000)) {
            _ = try await read(text) {
                $0.maxRecordBytes = 100_000
                $0.chunkSize = 4_096
            }
        }
    }

    @Test func aFileOfOnlyQuotesIsAClearError() async throws {
        for count in [1, 2, 7, 3_000_001] {
            let text = String(repeating: "\"", count: count)
            await #expect(throws: CSVError.self) { _ = try await read(text, [("a", .string)]) }
        }
        // A very long header is refused at a mebibyte, whatever the record limit.
        await #expect(throws: CSVError.recordTooLong(path: "test.csv", line: 1, limit: 1 << 20)) {
            _ = try await read(String(repeating: "\"", count: 3_000_001))
        }
    }

    @Test func theMissingColumnsMessageStaysShort() async throws {
        let header = (0..<500).map { "column_\($0)_" + String(repeating: "z", count: 60) }.joined(separator: ",")
        do {
            _ = try await read(header + "\n", [("id", .string)])
            Issue.record("expected an error")
        } catch let error as CSVError {
            let message = String(describing: error)
            #expect(message.count < 2_000)
            #expect(message.contains("(500 columns)"))
        }
    }

    @Test func numbersBeyondDoubleAreRejectedNotInfinite() async throws {
        let result = try await read("x\n1e400\n-1e400\n1e-400\n1e308\n", [("x", .decimal)])
        #expect(result.rejects.map(\.line) == [2, 3])
        #expect(result.rejects.first?.reason == "column 'x': cannot read '1e400' as a decimal number")
        let kept = result.table["x"]!
        guard case .decimal(let values) = kept.storage else {
            Issue.record("not decimal")
            return
        }
        #expect(values == [0, 1e308])
    }

    @Test func utf16IsNamedWithTheFix() async throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a\n1\n".utf8).flatMap { [$0, 0] }
        await #expect(throws: CSVError.wrongEncoding(path: "test.csv", encoding: "UTF-16")) {
            _ = try await read(bytes: bytes)
        }
        #expect(
            String(describing: CSVError.wrongEncoding(path: "f.csv", encoding: "UTF-16")).contains(
                "iconv -f UTF-16 -t UTF-8"))
    }

    @Test func windows1252AndLatin1AreConverted() async throws {
        // "Jörg" and "€5" as Windows-1252 bytes.
        let bytes: [UInt8] = Array("name,note\n".utf8) + [0x4A, 0xF6, 0x72, 0x67, 0x2C, 0x80, 0x35, 0x0A]
        let asUTF8 = try await read(bytes: bytes, [("name", .string), ("note", .string)])
        #expect(asUTF8.rejects.first?.reason.contains("set encoding: windows-1252") == true)
        let converted = try await read(bytes: bytes, [("name", .string), ("note", .string)]) {
            $0.encoding = .windows1252
        }
        #expect(strings(converted.table["name"]) == ["Jörg"])
        #expect(strings(converted.table["note"]) == ["€5"])
        let latin1 = try await read(bytes: bytes, [("name", .string), ("note", .string)]) { $0.encoding = .latin1 }
        #expect(strings(latin1.table["note"]) == ["\u{80}5"])
    }

    /// Every byte, alone and inside runs of ASCII long enough for the eight-byte fast path,
    /// converts as Foundation's own decoders convert it.
    @Test func everyByteTranscodesAsFoundationDecodesIt() throws {
        var bytes = [UInt8]()
        for b in 0...255 where b != 0 {
            bytes += Array("abcdefghij".utf8) + [UInt8(b)] + Array("xyz".utf8) + [UInt8(b), UInt8(b)]
        }
        let latin1 = CSVEncoding.latin1.transcode(Data(bytes))
        #expect(String(decoding: latin1, as: UTF8.self) == String(data: Data(bytes), encoding: .isoLatin1))
        let unassigned: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let assigned = bytes.filter { !unassigned.contains($0) }
        let windows = CSVEncoding.windows1252.transcode(Data(assigned))
        #expect(String(decoding: windows, as: UTF8.self) == String(data: Data(assigned), encoding: .windowsCP1252))
        #expect(String(decoding: CSVEncoding.windows1252.transcode(Data([0x81, 0x41])), as: UTF8.self) == "\u{FFFD}A")
    }

    /// A Latin-1 file is split on its own bytes and only its text converted: header names,
    /// values on plain and quoted lines, and the fields a reject shows all read as UTF-8.
    @Test func latin1HeaderValuesAndRejectsReadAsUTF8() async throws {
        let latin1 = { (text: String) in Array(text.unicodeScalars.map { UInt8($0.value) }) }
        let bytes = latin1("Prénom,Montant\r\nJörg,12.5\r\n\"Zoë, la\",3\r\nAndré,n/a\r\n")
        let result = try await read(bytes: bytes) { $0.encoding = .latin1 }
        #expect(result.table.names == ["Prénom", "Montant"])
        #expect(strings(result.table["Prénom"]) == ["Jörg", "Zoë, la", "André"])
        let typed = try await read(bytes: bytes, [("Prénom", .string), ("Montant", .decimal)]) {
            $0.encoding = .latin1
        }
        #expect(strings(typed.table["Prénom"]) == ["Jörg", "Zoë, la"])
        #expect(typed.rejects.map(\.raw) == ["André,n/a"])
        #expect(typed.rejects.first?.line == 4)
        let wrong = latin1("Prénom,Montant\nAndré,né\n")
        let failed = try await read(bytes: wrong, [("Prénom", .string), ("Montant", .decimal)]) {
            $0.encoding = .latin1
        }
        #expect(failed.rejects.first?.reason == "column 'Montant': cannot read 'né' as a decimal number")
        // Bytes that look like a UTF-8 byte-order mark are text in a Latin-1 file.
        let mark = [0xEF, 0xBB, 0xBF] + latin1("a\nb\n")
        #expect(try await read(bytes: mark) { $0.encoding = .latin1 }.table.names == ["ï»¿a"])
    }
}
