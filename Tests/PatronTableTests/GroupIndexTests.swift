import Testing

@testable import PatronTable

@Suite struct GroupIndexTests {
    @Test func groupsInOrderOfFirstAppearance() throws {
        let groups = GroupIndex([.string(["b", "a", "b", nil, "c", "a"])])
        #expect(groups.ids == [0, 1, 0, -1, 2, 1])
        #expect(groups.firstRow == [0, 1, 4])
        let withNulls = GroupIndex([.string(["b", nil, nil])], nullsAreValues: true)
        #expect(withNulls.ids == [0, 1, 1])
    }

    @Test func severalColumnsAndTypes() {
        let g = GroupIndex([.string(["x", "x", "x", "y"]), .date([1, 2, 1, 1]), .decimal([0.5, 0.5, 0.5, 0.5])])
        #expect(g.ids == [0, 1, 0, 2])
        let empty = GroupIndex([.string(["", "", "a"])])
        #expect(empty.ids == [0, 0, 1])
    }

    /// Large enough to be split across cores: the ids must match a plain dictionary's.
    @Test func parallelSplitMatchesADictionary() {
        let rows = 600_000
        var rng: UInt64 = 12345
        var keys = [String?]()
        keys.reserveCapacity(rows)
        for _ in 0..<rows {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let k = Int(rng >> 33) % 150_000
            keys.append(k % 977 == 0 ? nil : "customer-\(k)-with-a-longer-id")
        }
        let groups = GroupIndex([.string(keys)])
        let (expected, count) = firstAppearanceIDs(keys)
        #expect(groups.ids == expected)
        #expect(groups.count == count)
    }

    /// Values of up to 8 bytes are told apart in the hash slot itself; longer ones that share
    /// those 8 bytes still go through the full comparison.
    @Test func shortAndLongIdsWithSharedPrefixes() {
        let rows = 450_000
        var rng: UInt64 = 777
        var keys = [String]()
        keys.reserveCapacity(rows)
        for _ in 0..<rows {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let k = Int(rng >> 33) % 40_000
            let base = String(k, radix: 36)
            keys.append(k % 3 == 0 ? base : k % 3 == 1 ? "abcdefgh" + base : String("abcdefgh".prefix(k % 9)))
        }
        let groups = GroupIndex([.string(keys)])
        let (expected, count) = firstAppearanceIDs(keys)
        #expect(groups.ids == expected)
        #expect(groups.count == count)
    }

    /// Few distinct keys take the one-pass path, many the bucketed one: both number groups
    /// by first appearance, with nulls skipped or grouped as asked.
    @Test func fewAndManyDistinctKeysAgree() {
        for distinct in [3, 256, 257, 5_000] {
            var rng: UInt64 = 41
            let keys: [String?] = (0..<200_000).map { _ in
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let k = Int(rng >> 33) % (distinct + 1)
                return k == distinct ? nil : "v\(k)"
            }
            let groups = GroupIndex([.string(keys)])
            let (expected, count) = firstAppearanceIDs(keys)
            #expect(groups.ids == expected, "\(distinct) distinct")
            #expect(groups.count == count)
            let withNulls = GroupIndex([.string(keys)], nullsAreValues: true)
            #expect(withNulls.count == count + 1)
            #expect(Set(keys.indices.filter { keys[$0] == nil }.map { withNulls.ids[$0] }).count == 1)
        }
        #expect(GroupIndex.few([.string(["a", "b"])], rows: 2, skip: [], limit: 1) == nil)
    }

    /// Packed 64-bit keys group like the columns they were packed from, across cores.
    @Test func packedKeysMatchTheColumns() {
        let rows = 300_000
        var rng: UInt64 = 99
        var a = [Int](), b = [Int]()
        for _ in 0..<rows {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            a.append(Int(rng >> 40) % 60)
            b.append(Int(rng >> 20) % 2_000)
        }
        let keys = GroupIndex(keys: zip(a, b).map { UInt64($0) << 32 | UInt64($1) })
        let columns = GroupIndex([.int(a.map { Int64($0) }), .int(b.map { Int64($0) })])
        #expect(keys.ids == columns.ids)
        #expect(keys.firstRow == columns.firstRow)
        #expect(GroupIndex(keys: [7, 0, 7, UInt64.max, 0]).ids == [0, 1, 0, 2, 1])
        #expect(GroupIndex(keys: []).count == 0)
        // Densely packed (a × 2 000 + b: below twice the rows): the table indexed by key.
        let dense = GroupIndex(keys: zip(a, b).map { UInt64($0 * 2_000 + $1) })
        #expect(dense.ids == columns.ids)
        #expect(dense.firstRow == columns.firstRow)
        #expect(GroupIndex.direct(keys: [3, 1, 3], limit: 4)! == ([0, 1, 0], [0, 1]))
        #expect(GroupIndex.direct(keys: [3, 9], limit: 4) == nil)
    }

    /// Nulls in a run are equal whatever their slots hold, and differ from any value.
    @Test func nullsInRunsOfNumbersAndDates() {
        let prices = Column(
            type: .decimal, storage: .decimal([1, 5, 7, 7, 7, 2]), validity: [true, false, false, true, true, true])
        let days = Column.date([3, 3, 3, 3, 3, 3])
        #expect(GroupIndex([prices, days], nullsAreValues: true).ids == [0, 1, 1, 2, 2, 3])
        #expect(GroupIndex([prices, days]).ids == [0, -1, -1, 1, 1, 2])
    }

    /// Lines of one order one after another (runs of equal keys, which take the group of the
    /// row before without a lookup), with nulls inside runs, an excluded row in a run, and two
    /// columns: the same ids as the plain way, and the same with nulls as values.
    @Test func runsOfEqualRowsGroupLikeThePlainWay() {
        var rng: UInt64 = 4242
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int(rng >> 33) % n
        }
        var customers = [String?](), orders = [String?]()
        while customers.count < 300_000 {
            let customer: String? = next(10) == 0 ? nil : "c\(next(20_000))"
            let order: String? = next(50) == 0 ? nil : "5\(next(90_000))"
            for _ in 0..<(1 + next(12)) {
                customers.append(customer)
                orders.append(order)
            }
        }
        let excluded = customers.indices.map { $0 % 97 == 3 }
        let pairs = zip(customers, orders).enumerated().map { row, pair -> String? in
            guard let c = pair.0, let o = pair.1, !excluded[row] else { return nil }
            return c + "|" + o
        }
        let groups = GroupIndex([.string(customers), .string(orders)], excluding: excluded)
        let (expected, count) = firstAppearanceIDs(pairs)
        #expect(groups.ids == expected)
        #expect(groups.count == count)
        let byCustomer = GroupIndex([.string(customers)])
        #expect(byCustomer.ids == firstAppearanceIDs(customers).ids)
        let nullsAsValues = GroupIndex([.string(customers)], nullsAreValues: true)
        #expect(nullsAsValues.ids == firstAppearanceIDs(customers.map { $0 ?? "\u{0}null" }).ids)
    }
}

/// Group ids by first appearance, the plain way (nil keys get -1), and the number of groups.
func firstAppearanceIDs(_ keys: [String?]) -> (ids: [Int32], count: Int) {
    var seen = [String: Int32]()
    var ids = [Int32]()
    for key in keys {
        guard let key else {
            ids.append(-1)
            continue
        }
        if let id = seen[key] {
            ids.append(id)
        } else {
            seen[key] = Int32(seen.count)
            ids.append(seen[key]!)
        }
    }
    return (ids, seen.count)
}
