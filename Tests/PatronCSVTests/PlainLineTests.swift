import Foundation
import PatronTable
import Testing

@testable import PatronCSV

/// Plain lines (no carriage return inside, no space or tab first, quotes only around whole
/// fields) are split in Swift, every other line by libcsv; the two must give the same rows,
/// rejects and errors.
@Suite struct PlainLineTests {
    /// What a read gave, comparable: every column's values as text, the rejects, or the error.
    static func outcome(_ bytes: [UInt8], plain: Bool, declared: Bool, limit: Int) async -> String {
        var options = CSVOptions()
        options.plainLines = plain
        options.maxRejectRatio = 1
        options.maxRecordBytes = limit
        options.lineColumn = "source_line"
        if declared { options.columns = [.init("a", .string), .init("b", .decimal), .init("c", .int)] }
        do {
            let result = try await CSVReader.read(data: Data(bytes), name: "t.csv", options: options)
            var text = "blank \(result.blankLines)\n"
            for (name, column) in zip(result.table.names, result.table.columns) {
                text += name + ": " + (0..<column.count).map { ValueFormat.format(column, $0) }.joined(separator: "|")
                text += "\n"
            }
            for reject in result.rejects { text += "reject \(reject.line) \(reject.reason) [\(reject.raw)]\n" }
            return text
        } catch {
            return "error \(error)"
        }
    }

    @Test func randomLinesSplitAsLibcsvSplitsThem() async {
        var random = SplitMix(seed: 2026_12_03)
        let alphabet = Array("ab1.5-,  \t\"\r\n\n\n".utf8)
        var compared = 0
        for _ in 0..<3000 {
            var bytes = Array("a,b,c\n".utf8)
            for _ in 0..<random.next(60) { bytes.append(alphabet[random.next(alphabet.count)]) }
            let declared = random.next(2) == 0
            let limit = random.next(3) == 0 ? 24 : 1 << 20
            let plain = await Self.outcome(bytes, plain: true, declared: declared, limit: limit)
            let reference = await Self.outcome(bytes, plain: false, declared: declared, limit: limit)
            #expect(plain == reference, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if plain != reference { break }
            compared += 1
        }
        #expect(compared == 3000)
    }

    @Test func commonShapesAgree() async {
        for text in [
            "a,b,c\n x , 1.5 ,2\n", "a,b,c\nx,1.5,2\r\n y,2,3\r\n", "a,b,c\nx,,\n,,\n", "a,b,c\nx,1,2,3\n",
            "a,b,c\nx,oops,2\n", "a,b,c\n\n  \n\t\nx,1,2", "a,b,c\r\nx,1,2\r\n\r\n", "a,b,c\nx\t,1\t,\t2\t\n",
            "a,b,c\nx,1,2\ry,2,3\n",
            // Quoted fields: simple ones are split in Swift, the rest by libcsv.
            "a,b,c\n\"x, y\",1,2\n", "a,b,c\nx,1,\"2\"\n", "a,b,c\n\"x\"\"y\",1,2\n", "a,b,c\n\"\",1,2\n",
            "a,b,c\n x,\"1\",2\n", "a,b,c\n\"x\" ,1,2\n", "a,b,c\n\"x\ny\",1,2\n", "a,b,c\n\"x\r\",1,2\r\n",
            "a,b,c\n\" x \",1,2\n", "a,b,c\nx\"y,1,2\n", "a,b,c\n\"a,b\",\"1\",\"2\",\"3\"\n", "a,b,c\n\"x,1,2\n",
            "a,b,c\n\"ü, é\",1,2\n",
        ] {
            for declared in [true, false] {
                let plain = await Self.outcome(Array(text.utf8), plain: true, declared: declared, limit: 1 << 20)
                let reference = await Self.outcome(Array(text.utf8), plain: false, declared: declared, limit: 1 << 20)
                #expect(plain == reference, "\(text.debugDescription)")
            }
        }
    }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
}
