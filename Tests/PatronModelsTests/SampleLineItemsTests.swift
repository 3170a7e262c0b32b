import Foundation
import Testing

@testable import PatronModels

/// `patron sample --shape line-items`: an export as untidy as real ones, the same bytes for
/// the same seed — and the committed retail-lines sample is what it writes.
@Suite struct SampleLineItemsTests {
    let bytes = SampleLineItems(customers: 400, seed: 5).csv()

    @Test func sameSeedSameBytesAndTheCommittedSampleIsCurrent() throws {
        #expect(SampleLineItems(customers: 50, seed: 2).csv() == SampleLineItems(customers: 50, seed: 2).csv())
        #expect(SampleLineItems(customers: 50, seed: 2).csv() != SampleLineItems(customers: 50, seed: 3).csv())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let committed = try Data(contentsOf: URL(fileURLWithPath: root + "/Data/sample/retail-lines.csv"))
        #expect(
            Array(committed) == SampleLineItems(customers: 600, seed: 1).csv(),
            "Data/sample/retail-lines.csv is not what `patron sample --shape line-items --customers 600 --seed 1` writes"
        )
    }

    @Test func looksLikeAShopsExport() {
        // Latin-1 (È of CRÈME is one byte), CRLF.
        #expect(bytes.contains(0xC8) || bytes.contains(0xCB) || bytes.contains(0xC9))
        let text = String(decoding: bytes.map { $0 < 128 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines[0] == "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let simple = rows.filter { $0.count == 8 }  // (descriptions with a comma are quoted)
        // Several lines per invoice, and US dates with times: 12/1/2010 9:05.
        #expect(Set(simple.map { $0[0] }).count * 3 < simple.count)
        #expect(simple.allSatisfy { $0[4].split(separator: " ").count == 2 && $0[4].contains("/") })
        // Cancellations: C invoices, negative quantities.
        let cancelled = simple.filter { $0[0].hasPrefix("C") }
        #expect(!cancelled.isEmpty && cancelled.allSatisfy { $0[3].hasPrefix("-") })
        // Guests, postage, exact duplicates, lines without a price.
        #expect(simple.filter { $0[6].isEmpty }.count * 6 > simple.count)
        #expect(simple.contains { $0[1] == "POST" })
        #expect(Set(lines).count < lines.count)
        #expect(simple.contains { $0[5] == "0" })
    }
}
