import Foundation
import PatronTable

/// A synthetic line-item export in the shape shops actually produce (the UCI "Online
/// Retail" shape): one row per product on an invoice,
/// `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country`, in
/// Latin-1 with CRLF line ends, dates like `12/1/2010 8:26`.
///
/// Customers buy by BG/NBD (r, α per week; a, b), each invoice's lines at catalogue prices;
/// and the file is as untidy as real ones: invoices from guests with no customer id, a
/// cancellation now and then (`C` + its own invoice number, negative quantities of lines
/// bought days or weeks before), postage lines for customers abroad, bank charges, lines with a
/// zero price, a bad-debt adjustment with a negative price, and exact duplicate lines.
///
/// ```swift
/// let bytes = SampleLineItems(customers: 800, seed: 1).csv()
/// ```
package struct SampleLineItems: Sendable {
    package var customers: Int
    package var seed: UInt64
    /// 2010-12-01 to 2011-12-09, as the UCI file.
    package var firstDay = Int32(CivilDate.days(year: 2010, month: 12, day: 1))
    package var lastDay = Int32(CivilDate.days(year: 2011, month: 12, day: 9))
    /// BG/NBD, per week.
    package var r = 0.9, alpha = 8.0, a = 0.8, b = 2.4

    package init(customers: Int, seed: UInt64 = 1) {
        self.customers = customers
        self.seed = seed
    }

    struct Line {
        var item: Int32  // index into the catalogue; -1 postage, -2 bank charges, -3 bad debt
        var quantity: Int32
        var cents: Int64
    }

    struct Invoice {
        /// Minutes since 1970-01-01T00:00.
        var minute: Int64
        var customer: Int32  // -1 for a guest
        var country: UInt8
        var cancellation: Bool
        var lines: [Line]
    }

    static let countries: [(name: String, weight: Double)] = [
        ("United Kingdom", 0.82), ("Germany", 0.04), ("France", 0.04), ("EIRE", 0.03), ("Spain", 0.02),
        ("Netherlands", 0.02), ("Belgium", 0.015), ("Switzerland", 0.015),
    ]

    /// Product names: a word from each list, some with Latin-1 letters, as exports carry them.
    static let adjectives = [
        "WHITE", "RED", "PINK", "VINTAGE", "SMALL", "JUMBO", "REGENCY", "PAPER", "GLASS", "WOODEN", "CRÈME",
        "NOËL", "FRENCH", "HANGING", "SET OF 3", "ZINC",
    ]
    static let things = [
        "HEART T-LIGHT HOLDER", "LANTERN", "TEACUP AND SAUCER", "BAG", "CAKE CASES", "ALARM CLOCK",
        "PHOTO FRAME", "BUNTING", "CAFÉ SIGN", "CHRISTMAS BAUBLE", "SPOTTY MUG", "DOORMAT", "LUNCH BOX",
        "MAGNETS", "PURSE, FLORAL",
    ]

    /// The catalogue: stock code, description, price in cents, and a popularity weight.
    func catalogue(_ rng: inout RandomSource) -> [(code: String, description: String, cents: Int64)] {
        let prices: [Int64] = [29, 42, 55, 65, 85, 125, 165, 185, 210, 255, 295, 339, 375, 425, 495, 595, 795, 1275]
        var items = [(code: String, description: String, cents: Int64)]()
        var seen = Set<String>()
        while items.count < 400 {
            let code =
                String(20_000 + rng.below(70_000)) + (rng.uniform() < 0.25 ? ["A", "B", "C", "L"][rng.below(4)] : "")
            guard seen.insert(code).inserted else { continue }
            let description =
                Self.adjectives[rng.below(Self.adjectives.count)] + " " + Self.things[rng.below(Self.things.count)]
            items.append((code, description, prices[rng.below(prices.count)]))
        }
        return items
    }

    /// The whole file: a header and lines in invoice order, CRLF, Latin-1.
    package func csv() -> [UInt8] {
        var rng = RandomSource(seed: seed)
        let items = catalogue(&rng)
        // Popular items sell more: a Zipf-like weight on the catalogue's order.
        let cumulative = (0..<items.count).reduce(into: [Double]()) { sums, k in
            sums.append((sums.last ?? 0) + 1 / Double(k + 4))
        }
        func pickItem() -> Int32 {
            let u = rng.uniform() * cumulative.last!
            var low = 0, high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < u { low = mid + 1 } else { high = mid }
            }
            return Int32(low)
        }
        let quantities: [Int32] = [1, 1, 2, 2, 3, 4, 6, 6, 8, 10, 12, 12, 24, 36]
        /// An invoice's lines; `basket` scales how many (each customer buys in baskets of a
        /// size of their own, so spend varies between customers as Gamma-Gamma has it).
        func lines(postage: Bool, basket: Double) -> [Line] {
            var out = [Line]()
            let count = 1 + Int(rng.exponential(rate: 1 / (7.0 * basket)))
            for _ in 0..<min(count, 60) {
                let item = pickItem()
                out.append(
                    Line(item: item, quantity: quantities[rng.below(quantities.count)], cents: items[Int(item)].cents))
            }
            if postage { out.append(Line(item: -1, quantity: Int32(1 + rng.below(3)), cents: 1800)) }
            return out
        }
        let weights = Self.countries.map(\.weight)
        let minutesPerWeek = 7.0 * 24 * 60
        let firstMinute = Int64(firstDay) * 1440, lastMinute = Int64(lastDay + 1) * 1440 - 1
        let weeks = Double(lastMinute - firstMinute) / minutesPerWeek
        /// A time of day in opening hours (8:00 to 19:59) on the day of `minute`.
        func openingHours(_ minute: Int64) -> Int64 { minute / 1440 * 1440 + 480 + Int64(rng.below(720)) }

        var invoices = [Invoice]()
        invoices.reserveCapacity(customers * 5)
        for c in 0..<customers {
            let country = UInt8(rng.pick(weights: weights))
            let lambda = rng.gamma(shape: r, rate: alpha)
            let dropout = rng.beta(a, b)
            let basket = rng.gamma(shape: 3, rate: 3)
            var t = rng.uniform() * weeks * 0.8
            var first = true
            while t < weeks {
                let minute = openingHours(firstMinute + Int64(t * minutesPerWeek))
                guard minute <= lastMinute else { break }
                let invoice = Invoice(
                    minute: minute, customer: Int32(c), country: country, cancellation: false,
                    lines: lines(postage: country != 0 && rng.uniform() < 0.6, basket: basket))
                invoices.append(invoice)
                if rng.uniform() < 0.04 {
                    // A cancellation of a line or two, days or weeks later.
                    var cancelled = invoice
                    cancelled.cancellation = true
                    cancelled.minute = openingHours(invoice.minute + Int64(1 + rng.below(40)) * 1440)
                    cancelled.lines = (0..<min(invoice.lines.count, 1 + rng.below(2))).map {
                        var line = invoice.lines[$0]
                        line.quantity = -line.quantity
                        return line
                    }
                    if cancelled.minute <= lastMinute { invoices.append(cancelled) }
                }
                let leaving = !first && rng.uniform() < dropout
                first = false
                if leaving { break }
                t += rng.exponential(rate: max(lambda, 1e-9))
            }
        }
        // Guests (no customer id): a third as many invoices as the customers'.
        for _ in 0..<(invoices.count / 3) {
            let minute = openingHours(firstMinute + Int64(rng.uniform() * Double(lastMinute - firstMinute)))
            invoices.append(
                Invoice(
                    minute: minute, customer: -1, country: UInt8(rng.pick(weights: weights)), cancellation: false,
                    lines: lines(postage: false, basket: 1)))
        }
        // Bank charges, and one bad-debt adjustment (a negative price), with no customer.
        for k in 0..<max(1, customers / 200) {
            let minute = openingHours(firstMinute + Int64(rng.uniform() * Double(lastMinute - firstMinute)))
            invoices.append(
                Invoice(
                    minute: minute, customer: -1, country: 0, cancellation: false,
                    lines: [Line(item: k == 0 ? -3 : -2, quantity: 1, cents: k == 0 ? -1_106_206 : 1500)]))
        }
        invoices.sort {
            ($0.minute, $0.customer, $0.cancellation ? 1 : 0) < ($1.minute, $1.customer, $1.cancellation ? 1 : 0)
        }
        return render(invoices, items: items, rng: &rng)
    }

    private func render(
        _ invoices: [Invoice], items: [(code: String, description: String, cents: Int64)], rng: inout RandomSource
    ) -> [UInt8] {
        var out = Latin1Writer()
        out.text("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n")
        var number = 536_365
        for invoice in invoices {
            let invoiceNo = (invoice.cancellation ? "C" : "") + String(number)
            number += 1
            let date = Self.usDateTime(invoice.minute)
            let customer = invoice.customer >= 0 ? String(12_346 + Int(invoice.customer)) : ""
            let country = Self.countries[Int(invoice.country)].name
            for line in invoice.lines {
                let (code, description): (String, String) =
                    switch line.item {
                    case -1: ("POST", "POSTAGE")
                    case -2: ("BANK CHARGES", "Bank Charges")
                    case -3: ("B", "Adjust bad debt")
                    default: (items[Int(line.item)].code, items[Int(line.item)].description)
                    }
                // Now and then a line with no price and no description, as exports have.
                let free = line.item >= 0 && rng.uniform() < 0.002
                var row = Latin1Writer()
                row.text(invoiceNo + "," + code + ",")
                if !free { row.field(description) }
                row.text(",\(line.quantity),\(date),\(free ? "0" : Self.price(line.cents)),\(customer),\(country)\r\n")
                out.bytes += row.bytes
                // Exact duplicate lines, as exports have.
                if rng.uniform() < 0.01 { out.bytes += row.bytes }
            }
        }
        return out.bytes
    }

    /// `M/D/YYYY H:MM`, as the UCI file writes it.
    static func usDateTime(_ minute: Int64) -> String {
        let (y, m, d) = CivilDate.date(Int(minute / 1440))
        let inDay = Int(minute % 1440)
        let mm = inDay % 60
        return "\(m)/\(d)/\(y) \(inDay / 60):\(mm < 10 ? "0" : "")\(mm)"
    }

    /// Cents as a price: `2.55`, `18`, `-11062.06`.
    static func price(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let v = cents.magnitude
        let fraction = v % 100
        return sign + String(v / 100)
            + (fraction == 0
                ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction < 10 ? "0" : "")\(fraction)")
    }
}

/// Text as Latin-1 bytes (every character Patron's samples use is in Latin-1).
private struct Latin1Writer {
    var bytes = [UInt8]()

    mutating func text(_ s: String) {
        for scalar in s.unicodeScalars { bytes.append(scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?")) }
    }

    /// A field, quoted when it holds a comma or a quote.
    mutating func field(_ s: String) {
        guard s.contains(",") || s.contains("\"") else {
            text(s)
            return
        }
        text("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }
}
