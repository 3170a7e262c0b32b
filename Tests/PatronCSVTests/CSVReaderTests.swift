import Foundation
import PatronTable
import Synchronization
import Testing

@testable import PatronCSV

@Suite struct CSVReaderTests {
    let orderColumns: [(String, ColumnType)] = [("customer_id", .string), ("amount", .decimal), ("day", .date)]

    @Test func readsTypedColumnsInDeclaredOrder() async throws {
        let r = try await read("day,customer_id,amount,extra\n2025-01-03,c1,12.50,x\n2024-12-31,c2,7,y\n", orderColumns)
        #expect(r.table.names == ["customer_id", "amount", "day"])
        #expect(r.table["customer_id"] == .string(["c1", "c2"]))
        #expect(r.table["amount"] == .decimal([12.5, 7]))
        #expect(r.table["day"] == .date([20091, 20088]))
        #expect(r.rejects.isEmpty)
    }

    @Test func handlesBOMAndCRLF() async throws {
        let r = try await read(
            bytes: [0xEF, 0xBB, 0xBF]
                + Array("customer_id,amount,day\r\nc1,1.5,2025-01-01\r\nc2,2,2025-01-02\r\n".utf8), orderColumns)
        #expect(r.table.names == ["customer_id", "amount", "day"])
        #expect(r.table["customer_id"] == .string(["c1", "c2"]))
        #expect(r.table.rowCount == 2)
    }

    /// Blank lines (empty, spaces, tabs; LF, CRLF or a lone CR) are not rows and not
    /// rejects, but counted; the lines of the rows around them keep their numbers.
    @Test(arguments: [1, 2, 7, 1 << 20])
    func blankLinesAreCountedNotLost(chunkSize: Int) async throws {
        let text =
            "id,note\n1,a\n\n2,b\n   \n3,c\n\t\n\r\n4,d\r\n\r\n \t \r\n5,e\n6\n\n"
        let r = try await read(text, [("id", .int), ("note", .string)]) {
            $0.lineColumn = "line"
            $0.chunkSize = chunkSize
            $0.parallelism = 2
        }
        #expect(r.table["id"] == .int([1, 2, 3, 4, 5]))
        #expect(r.table["line"] == .int([2, 4, 6, 9, 12]))
        #expect(r.rejects.map(\.line) == [13])
        // Lines 3, 5, 7, 8, 10, 11 and 14: seven lines with nothing on them.
        #expect(r.blankLines == 7)
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() async throws {
        let text = "id,note\n1,\"a, b\"\n2,\"she said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        let r = try await read(text, [("id", .int), ("note", .text)])
        #expect(strings(r.table["note"]) == ["a, b", "she said \"hi\"", "two\nlines", "plain"])
        #expect(r.table["id"] == .int([1, 2, 3, 4]))
    }

    @Test func fieldsOfAnyLength() async throws {
        let long = String(repeating: "é", count: 300_000)
        let r = try await read("id,note\n1,\"\(long)\"\n2,short\n", [("id", .int), ("note", .text)])
        #expect(strings(r.table["note"]) == [long, "short"])
    }

    @Test func europeanDecimalsAndThousands() async throws {
        let text =
            "customer_id;amount;day\nc1;1.234,50;2025-01-01\nc2;\"3,5\";2025-01-02\nc3;1 000,25;2025-01-03\nc4;12,3,4;2025-01-04\n"
        let r = try await read(text, orderColumns) {
            $0.delimiter = UInt8(ascii: ";")
            $0.decimalSeparator = UInt8(ascii: ",")
        }
        #expect(r.table["amount"] == .decimal([1234.5, 3.5, 1000.25]))
        #expect(r.rejects.map(\.line) == [5])
    }

    @Test func dotDecimalsWithCommaThousands() async throws {
        let r = try await read(
            "customer_id,amount,day\nc1,\"1,234.5\",2025-01-01\nc2,\"1,23\",2025-01-01\nc3,-0.1e2,2025-01-01\n",
            orderColumns)
        #expect(r.table["amount"] == .decimal([1234.5, -10]))
        #expect(r.rejects.first?.reason.contains("cannot read '1,23' as a decimal number") == true)
    }

    @Test func decimalsAreCorrectlyRounded() async throws {
        let values = [
            "0.1", "123456789.987654321", "2.2250738585072014e-308", "9007199254740993", "1e23", "-0.000001234",
            "99999999999999999999.5",
        ]
        let r = try await read("x\n" + values.joined(separator: "\n") + "\n", [("x", .decimal)])
        #expect(r.table["x"] == .decimal(values.map { Double($0)! }))
    }

    @Test func integersAndBooleans() async throws {
        let r = try await read(
            "n,b\n42,true\n-7,No\n\"1,000\",1\n9223372036854775808,yes\n", [("n", .int), ("b", .bool)])
        #expect(r.table["n"] == .int([42, -7, 1000]))
        #expect(r.table["b"] == .bool([true, false, true]))
        #expect(r.rejects.map(\.line) == [5])
    }

    @Test func dateFormats() async throws {
        let r1 = try await read("d\n19970101\n19971231\n19970230\n", [("d", .date)]) {
            $0.dateFormat = try! DateFormat("%Y%m%d")
        }
        #expect(strings(r1.table["d"]) == ["1997-01-01", "1997-12-31"])
        #expect(r1.rejects.map(\.line) == [4])
        let r2 = try await read("d\n3/1/2025\n31/12/2024\n", [("d", .date)]) {
            $0.dateFormat = try! DateFormat("%d/%m/%Y")
        }
        #expect(strings(r2.table["d"]) == ["2025-01-03", "2024-12-31"])
        let r3 = try await read("d\n2024-02-29\n2023-02-29\n2024-2-3\n", [("d", .date)])
        #expect(strings(r3.table["d"]) == ["2024-02-29", "2024-02-03"])
        #expect(r3.rejects.map(\.line) == [3])
        #expect(throws: CSVError.self) { try DateFormat("%Y-%q") }
    }

    @Test func emptyFieldsAreNulls() async throws {
        let r = try await read("customer_id,amount,day\nc1,,2025-01-01\n,3,\n", orderColumns)
        #expect(strings(r.table["amount"]) == [nil, "3"])
        #expect(strings(r.table["customer_id"]) == ["c1", nil])
        #expect(strings(r.table["day"]) == ["2025-01-01", nil])
    }

    @Test func rejectsCarryPhysicalLineReasonAndRawFields() async throws {
        let text = "id,note,amount\n1,\"multi\nline\",5\n2,short\n\n3,ok,abc\n4,\"x\",1,extra\n5,fine,2\n"
        let r = try await read(text, [("id", .int), ("note", .text), ("amount", .decimal)])
        #expect(r.table["id"] == .int([1, 5]))
        #expect(r.rejects.map(\.line) == [4, 6, 7])
        #expect(r.rejects[0].reason == "expected 3 fields, found 2")
        #expect(r.rejects[0].raw == "2,short")
        #expect(r.rejects[1].reason.contains("column 'amount': cannot read 'abc'"))
        #expect(r.rejects[2].raw == "4,x,1,extra")
        #expect(r.rowsRead == 5)
    }

    @Test func invalidUTF8IsRejected() async throws {
        let bytes = Array("id,name\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n3,Zoë\n".utf8)
        let r = try await read(bytes: bytes, [("id", .int), ("name", .string)])
        #expect(r.table["id"] == .int([1, 3]))
        #expect(r.rejects.map(\.line) == [3])
        #expect(
            r.rejects[0].reason
                == "column 'name': invalid UTF-8; if the file is Latin-1 or Windows-1252, set encoding: windows-1252")
    }

    @Test func unterminatedQuoteAtEndOfFile() async throws {
        let r = try await read("id,note\n1,fine\n2,\"never\ncloses\n", [("id", .int), ("note", .text)])
        #expect(r.table["id"] == .int([1]))
        #expect(r.rejects.count == 1)
        #expect(r.rejects[0].line == 3)
        #expect(r.rejects[0].reason.hasPrefix("unterminated quote"))
    }

    @Test func tooManyRejectsFailsNamingFileAndLines() async throws {
        await #expect {
            _ = try await read("id\n1\nx\ny\n", [("id", .int)]) { $0.maxRejectRatio = 0.05 }
        } throws: { error in
            let message = String(describing: error)
            return message.contains("test.csv") && message.contains("2 of 3 rows rejected")
                && message.contains("line 3: column 'id': cannot read 'x' as an integer") && message.contains("line 4")
        }
    }

    @Test func missingColumnEmptyAndBinaryFilesAreClearErrors() async throws {
        await #expect(
            throws: CSVError.missingColumns(
                path: "test.csv", missing: ["amount", "day"], available: ["customer_id", "total"])
        ) {
            _ = try await read("customer_id,total\nc1,5\n", orderColumns)
        }
        await #expect(throws: CSVError.emptyFile(path: "test.csv")) { _ = try await read("", orderColumns) }
        await #expect(throws: CSVError.emptyFile(path: "test.csv")) { _ = try await read("\n\r\n  \n", orderColumns) }
        await #expect(throws: CSVError.binaryFile(path: "test.csv", offset: 4)) {
            _ = try await read(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], orderColumns)
        }
        await #expect(throws: CSVError.self) { _ = try await read("a,a\n1,2\n", nil) }
    }

    @Test func headerOnlyGivesEmptyTable() async throws {
        let r = try await read("customer_id,amount,day\n", orderColumns)
        #expect(r.table.rowCount == 0)
        #expect(r.table.names == ["customer_id", "amount", "day"])
    }

    @Test func undeclaredColumnsAreInferred() async throws {
        let r = try await read("a,b,c,d,e\n1,1.5,2025-01-01,true,x\n2,,2025-01-02,false,y\n", nil)
        #expect(r.table.columns.map(\.type) == [.int, .decimal, .date, .bool, .string])
    }

    @Test func readsFromDiskAndNamesMissingFile() async throws {
        await #expect { _ = try await CSVReader.read(path: "/nonexistent/orders.csv", options: CSVOptions()) } throws: {
            String(describing: $0).contains("/nonexistent/orders.csv")
        }
    }
}

@Suite struct InferenceTests {
    @Test func leadingZerosStayStrings() async throws {
        let r = try await read("zip,n\n01234,1\n98765,2\n", nil)
        #expect(r.table["zip"]?.type == .string)
        #expect(r.table["n"]?.type == .int)
    }

    @Test func progressReachesTheWholeFile() async throws {
        let shares = ProgressLog()
        var text = "a,b\n"
        for i in 0..<2000 { text += "\(i),x\(i)\n" }
        _ = try await read(text, [("a", .int), ("b", .string)]) { options in
            options.chunkSize = 1000
            options.progress = { shares.add($0) }
        }
        #expect(shares.values.count > 5)
        #expect(shares.values.last == 1.0)
    }
}

final class ProgressLog: Sendable {
    private let log = Mutex<[Double]>([])
    func add(_ value: Double) { log.withLock { $0.append(value) } }
    var values: [Double] { log.withLock { $0 } }
}

@Suite struct LineColumnTests {
    @Test func keptRowsCarryTheirSourceLine() async throws {
        let text = "id,note\n1,\"two\nlines\"\n\nbad\n2,x\n"
        for chunk in [1 << 20, 5] {
            let r = try await read(text, [("id", .int), ("note", .text)]) {
                $0.lineColumn = "source_line"
                $0.chunkSize = chunk
            }
            #expect(r.table["source_line"] == .int([2, 6]))
            #expect(r.rejects.map(\.line) == [5])
        }
    }
}
