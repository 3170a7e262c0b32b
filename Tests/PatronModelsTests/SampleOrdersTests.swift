import Testing

@testable import PatronModels

@Suite struct SampleOrdersTests {
    let text = String(decoding: SampleOrders(customers: 2000, seed: 3).csv(), as: UTF8.self)

    @Test func sameSeedSameBytes() {
        #expect(SampleOrders(customers: 300, seed: 9).csv() == SampleOrders(customers: 300, seed: 9).csv())
        #expect(SampleOrders(customers: 300, seed: 9).csv() != SampleOrders(customers: 300, seed: 10).csv())
    }

    @Test func headerAndRepeatBuyersAndChurn() {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "customer_id,order_id,order_date,amount,currency,country,feedback")
        var perCustomer = [Substring: Int]()
        for line in lines.dropFirst() where line.hasPrefix("C") { perCustomer[line.prefix(8), default: 0] += 1 }
        let counts = perCustomer.values
        let repeaters = counts.filter { $0 > 1 }.count
        // A repeat-purchase process with churn: many buy once, some buy often.
        #expect(Double(repeaters) / Double(counts.count) > 0.3)
        #expect(Double(repeaters) / Double(counts.count) < 0.9)
        #expect(counts.max()! >= 10)
        #expect(perCustomer.count > 1900)
    }

    @Test func datesAreOrderedAndInsideTheWindow() {
        let dates = text.split(separator: "\n").dropFirst().compactMap { line -> Substring? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count >= 3 && fields[2].count == 10 ? fields[2] : nil
        }
        #expect(dates.first! >= "2023-01-01")
        #expect(dates.last! <= "2025-06-30")
        #expect(dates == dates.sorted())
    }

    @Test func multilingualFeedbackAndDeliberateMess() {
        #expect(text.contains("Snabb leverans") || text.contains("Kundtjänsten"))
        #expect(text.contains("Schnelle Lieferung") || text.contains("Kundenservice"))
        #expect(text.contains("klantenservice") || text.contains("Snelle levering"))
        #expect(text.contains("Obsługa klienta") || text.contains("Szybka dostawa"))
        #expect(text.contains("delivery") || text.contains("refund"))
        #expect(text.contains(",n/a,"))
        #expect(text.contains("\n,O"))  // a missing customer id
        #expect(text.contains(",-"))  // a return
        #expect(text.contains("\""))  // quoted comments with commas
    }
}
