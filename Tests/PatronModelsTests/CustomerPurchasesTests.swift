import Testing

@testable import PatronModels

@Suite struct CustomerPurchasesTests {
    /// Against a dictionary: customers by key, first rows, each customer's days in (day,
    /// value) order, skipped rows left out — for inputs small (one bucket) and large (many
    /// buckets, sorted on all cores), and keys narrow and wide.
    @Test(arguments: [(300, UInt64(50)), (200_000, UInt64(60_000)), (200_000, UInt64(1) << 40)])
    func groupsAndOrdersLikeADictionary(rows: Int, limit: UInt64) {
        var rng: UInt64 = 7
        func next(_ n: UInt64) -> UInt64 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return (rng >> 11) % n
        }
        // Keys drawn from a few thousand distinct values spread over 0..<limit.
        let pool = (0..<min(limit, 5_000)).map { _ in next(limit) }
        let keys = (0..<rows).map { row in row % 97 == 0 ? CustomerPurchases.skip : pool[Int(next(UInt64(pool.count)))]
        }
        let days = (0..<rows).map { _ in Int32(next(400)) }
        let amounts = (0..<rows).map { _ in Double(next(5)) }
        let purchases = CustomerPurchases(keys: keys, limit: limit, days: days, amounts: amounts)

        var byKey = [UInt64: [Int]]()
        for row in 0..<rows where keys[row] != CustomerPurchases.skip { byKey[keys[row], default: []].append(row) }
        let sortedKeys = byKey.keys.sorted()
        #expect(purchases.count == sortedKeys.count)
        #expect(purchases.firstRow == sortedKeys.map { byKey[$0]![0] })
        for (c, key) in sortedKeys.enumerated() where c % 7 == 0 {
            let expected = byKey[key]!.map { (days[$0], amounts[$0]) }.sorted {
                $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1
            }
            #expect(Array(purchases.days(of: c)) == expected.map(\.0))
        }
        #expect(purchases.lastDay == (0..<rows).filter { keys[$0] != CustomerPurchases.skip }.map { days[$0] }.max())
    }

    @Test func noRowsAtAll() {
        let purchases = CustomerPurchases(keys: [CustomerPurchases.skip], limit: 1, days: [3], amounts: [1])
        #expect(purchases.count == 0)
        #expect(purchases.lastDay == nil)
    }
}
