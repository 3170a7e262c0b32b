import Foundation
import PatronTable
import Testing

@testable import PatronCSV

@Suite struct ParallelParseTests {
    /// A file full of quoted newlines, doubled quotes and bad rows, so that small chunks
    /// start inside quoted fields unless the splitter gets boundaries right.
    func messyFile(rows: Int) -> String {
        var text = "id,note,amount\r\n"
        var rng = UInt64(7)
        func next() -> UInt64 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return rng >> 33
        }
        for i in 0..<rows {
            switch next() % 7 {
            case 0: text += "\(i),\"line one\nline \"\"two\"\"\n\",\(i).5\n"
            case 1: text += "\(i),\"a,b\",\(i)\r\n"
            case 2: text += "\(i),missing-amount\n"
            case 3: text += "\(i),\"\n\n\",not-a-number\n"
            case 4: text += "\n"
            default: text += "\(i),plain \(next() % 1000),\(next() % 100).25\n"
            }
        }
        return text
    }

    @Test(arguments: [17, 64, 1000, 4096])
    func parallelParseEqualsSequential(chunkSize: Int) async throws {
        let text = messyFile(rows: 2000)
        let columns: [(String, ColumnType)] = [("id", .int), ("note", .text), ("amount", .decimal)]
        let sequential = try await read(text, columns) {
            $0.chunkSize = 1 << 30
            $0.parallelism = 1
        }
        let parallel = try await read(text, columns) {
            $0.chunkSize = chunkSize
            $0.parallelism = 4
        }
        #expect(parallel.table == sequential.table)
        #expect(parallel.rejects == sequential.rejects)
        #expect(sequential.table.rowCount > 1000)
        #expect(sequential.rejects.count > 300)
    }

    @Test func chunkBoundariesLandOnRecordStarts() async throws {
        let text = "h\n\"a\nb\",1\n\"c\"\"\nd\",2\nplain,3\n"
        let data = Data(text.utf8)
        let cuts = await ChunkSplitter.boundaries(
            data, from: 2, chunkSize: 3, quote: UInt8(ascii: "\""), parallelism: 2)
        let bytes = Array(text.utf8)
        for cut in cuts.dropFirst().dropLast() { #expect(bytes[cut - 1] == 10) }
        #expect(cuts == [2, 10, 20, 28])
    }

    @Test func strayQuoteFallsBackToSequential() async throws {
        // 5"x is a literal quote for libcsv but flips the parity the splitter relies on.
        var text = "id,note\n"
        for i in 0..<400 { text += i == 3 ? "\(i),5\"x\n" : "\(i),\"q\nq\"\n" }
        let columns: [(String, ColumnType)] = [("id", .int), ("note", .text)]
        let sequential = try await read(text, columns) { $0.chunkSize = 1 << 30 }
        let parallel = try await read(text, columns) {
            $0.chunkSize = 50
            $0.parallelism = 3
        }
        #expect(parallel.table == sequential.table)
        #expect(parallel.rejects == sequential.rejects)
    }
}
