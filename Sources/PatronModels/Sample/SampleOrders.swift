import PatronTable

/// A synthetic orders export with the structure real shops have, for demos, tests and
/// benchmarks.
///
/// Customers follow the BG/NBD story: each is acquired at a random time, buys at a personal
/// Poisson rate λ ~ Gamma(r, α) (per week) and after each repeat purchase drops out for good
/// with a personal probability p ~ Beta(a, b). Order values follow Gamma-Gamma: each customer has a
/// mean set by ν ~ Gamma(q, γ), and each order is Gamma(pₛ, ν). Parameters default to values
/// near the published CDNOW fits, with more frequent buyers. Comments come in the customer's
/// language (sometimes English), more often negative just before a customer leaves. A small
/// share of rows is messy on purpose: returns, exact duplicates, a missing customer id, an
/// unreadable amount. The same seed gives the same bytes.
///
/// ```swift
/// let csv = SampleOrders(customers: 1000, seed: 7).csv()
/// ```
package struct SampleOrders: Sendable {
    package var customers: Int
    package var seed: UInt64
    /// First and last day of the export, as days since 1970-01-01.
    package var firstDay = 19_358  // 2023-01-01
    package var lastDay = 20_269  // 2025-06-30
    package var r = 0.9, alpha = 15.0, a = 0.8, b = 2.4
    package var p = 6.25, q = 3.74, gamma = 15.44

    package init(customers: Int, seed: UInt64 = 1) {
        self.customers = customers
        self.seed = seed
    }

    static let countries: [(code: String, language: String, currency: String, rate: Double, weight: Double)] = [
        ("DE", "de", "EUR", 1, 0.25), ("NL", "nl", "EUR", 1, 0.2), ("SE", "sv", "SEK", 11.5, 0.2),
        ("PL", "pl", "PLN", 4.3, 0.15), ("GB", "en", "GBP", 0.85, 0.15), ("IE", "en", "EUR", 1, 0.05),
    ]

    struct Order {
        var day: Int32
        var customer: Int32
        var cents: Int64
        var country: UInt8
        var feedback: Int32  // -1 none, else index into the phrase table of the row's language
        var language: UInt8
        var twoLines: Bool
        var mess: UInt8  // 0 clean, 1 duplicate follows, 2 missing customer, 3 unreadable amount
    }

    /// The whole file: header and rows sorted by date, then customer.
    package func csv() -> [UInt8] {
        var rng = RandomSource(seed: seed)
        var orders = [Order]()
        orders.reserveCapacity(customers * 3)
        let weeks = Double(lastDay - firstDay + 1) / 7
        let weights = Self.countries.map(\.weight)
        for c in 0..<customers {
            let country = rng.pick(weights: weights)
            let lambda = rng.gamma(shape: r, rate: alpha)
            let dropout = rng.beta(a, b)
            let nu = rng.gamma(shape: q, rate: gamma)
            var t = rng.uniform() * weeks * 0.85
            let englishComments = rng.uniform() < 0.1
            let language = UInt8(
                FeedbackPhrases.languages.firstIndex(of: englishComments ? "en" : Self.countries[country].language)!)
            var first = true
            var previousDay = Int32.min
            while t < weeks {
                let euros = rng.gamma(shape: p, rate: nu)
                let local = euros * Self.countries[country].rate
                // BG/NBD: a customer may drop out after each repeat purchase, not after the first.
                let leaving = !first && rng.uniform() < dropout
                first = false
                // Dates are whole days: a second purchase within a day moves to the next one,
                // so that every simulated purchase is one a day-based model can count (a day
                // holding two would undercount the heaviest buyers and bias α upward).
                let day = max(Int32(firstDay + Int(t * 7)), previousDay &+ 1)
                guard Int(day) <= lastDay else { break }
                previousDay = day
                var order = Order(
                    day: day, customer: Int32(c),
                    cents: Int64((max(local, 0.5) * 100).rounded()),
                    country: UInt8(country), feedback: -1, language: language, twoLines: false, mess: 0)
                if rng.uniform() < 0.3 {
                    let tone = rng.pick(weights: leaving ? [0.2, 0.2, 0.6] : [0.6, 0.25, 0.15])
                    order.feedback = Int32(tone * 6 + rng.below(6))
                    order.twoLines = rng.uniform() < 0.02
                }
                let m = rng.uniform()
                order.mess = m < 0.002 ? 1 : m < 0.003 ? 2 : m < 0.004 ? 3 : 0
                orders.append(order)
                if rng.uniform() < 0.01 {
                    // A return of the whole order.
                    var refund = order
                    // Half come back the same day (netted by `returns: net`), half later.
                    refund.day += rng.uniform() < 0.5 ? 0 : Int32(1 + rng.below(14))
                    refund.cents = -order.cents
                    refund.feedback = -1
                    refund.mess = 0
                    if Int(refund.day) <= lastDay { orders.append(refund) }
                }
                if leaving { break }
                t += rng.exponential(rate: max(lambda, 1e-9))
            }
        }
        orders.sort { ($0.day, $0.customer, $0.cents) < ($1.day, $1.customer, $1.cents) }
        return render(orders)
    }

    private func render(_ orders: [Order]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(orders.count * 64)
        out += Array("customer_id,order_id,order_date,amount,currency,country,feedback\n".utf8)
        let phrases = FeedbackPhrases.languages.map { lang in
            FeedbackPhrases.phrases[lang]!.flatMap { $0 }.map { Array($0.utf8) }
        }
        let followUps = FeedbackPhrases.languages.map { Array(FeedbackPhrases.followUps[$0]!.utf8) }
        let countries = Self.countries.map { (Array($0.code.utf8), Array($0.currency.utf8)) }
        for (i, order) in orders.enumerated() {
            var row = [UInt8]()
            if order.mess != 2 {
                row += [UInt8(ascii: "C")]
                appendPadded(Int(order.customer) + 1, width: 7, to: &row)
            }
            row.append(UInt8(ascii: ","))
            row.append(UInt8(ascii: "O"))
            appendPadded(i + 1, width: 8, to: &row)
            row.append(UInt8(ascii: ","))
            appendDate(Int(order.day), to: &row)
            row.append(UInt8(ascii: ","))
            if order.mess == 3 { row += Array("n/a".utf8) } else { appendCents(order.cents, to: &row) }
            row.append(UInt8(ascii: ","))
            row += countries[Int(order.country)].1
            row.append(UInt8(ascii: ","))
            row += countries[Int(order.country)].0
            row.append(UInt8(ascii: ","))
            if order.feedback >= 0 {
                var text = phrases[Int(order.language)][Int(order.feedback)]
                if order.twoLines { text += [10] + followUps[Int(order.language)] }
                appendQuotedIfNeeded(text, to: &row)
            }
            row.append(10)
            out += row
            if order.mess == 1 { out += row }
        }
        return out
    }

    private func appendPadded(_ n: Int, width: Int, to out: inout [UInt8]) {
        let digits = Array(String(n).utf8)
        if digits.count < width { out += repeatElement(UInt8(ascii: "0"), count: width - digits.count) }
        out += digits
    }

    private func appendDate(_ days: Int, to out: inout [UInt8]) {
        out += Array(CivilDate.string(days).utf8)
    }

    private func appendCents(_ cents: Int64, to out: inout [UInt8]) {
        if cents < 0 { out.append(UInt8(ascii: "-")) }
        let v = cents.magnitude
        out += Array(String(v / 100).utf8)
        out.append(UInt8(ascii: "."))
        appendPadded(Int(v % 100), width: 2, to: &out)
    }

    private func appendQuotedIfNeeded(_ text: [UInt8], to out: inout [UInt8]) {
        guard text.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else {
            out += text
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in text {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
