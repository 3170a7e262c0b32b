/// Named customer segments as an ordered rule table over R, F, M scores: the first rule
/// that matches a customer names its segment; a customer no rule matches is `Other`.
///
/// Rules are written on a 1…5 scale. With other `bins`, scores are first mapped onto it
/// (`1 + round((s − 1) × 4 / (bins − 1))`), so the built-in tables work for `bins: 4` too.
/// `fm` is the mean of F and M, rounded half up.
package struct SegmentTable: Sendable, Equatable {
    package struct Rule: Sendable, Equatable {
        package var name: String
        package var r: ClosedRange<Int> = 1...5
        package var f: ClosedRange<Int> = 1...5
        package var m: ClosedRange<Int> = 1...5
        package var fm: ClosedRange<Int> = 1...5

        package init(
            _ name: String, r: ClosedRange<Int> = 1...5, f: ClosedRange<Int> = 1...5,
            m: ClosedRange<Int> = 1...5, fm: ClosedRange<Int> = 1...5
        ) {
            self.name = name
            self.r = r
            self.f = f
            self.m = m
            self.fm = fm
        }

        func matches(r: Int, f: Int, m: Int) -> Bool {
            self.r.contains(r) && self.f.contains(f) && self.m.contains(m) && fm.contains((f + m + 1) / 2)
        }
    }

    package var rules: [Rule]
    package static let other = "Other"

    package init(rules: [Rule]) { self.rules = rules }

    /// The ten-segment R × F map.
    package static let rfGrid = SegmentTable(rules: [
        Rule("Champions", r: 5...5, f: 4...5),
        Rule("Loyal customers", r: 3...4, f: 4...5),
        Rule("Potential loyalists", r: 4...5, f: 2...3),
        Rule("New customers", r: 5...5, f: 1...1),
        Rule("Promising", r: 4...4, f: 1...1),
        Rule("Need attention", r: 3...3, f: 3...3),
        Rule("About to sleep", r: 3...3, f: 1...2),
        Rule("At risk", r: 1...2, f: 3...4),
        Rule("Can't lose them", r: 1...2, f: 5...5),
        Rule("Hibernating", r: 1...2, f: 1...2),
    ])

    /// The eleven-segment R × (F and M) table.
    package static let rfm11 = SegmentTable(rules: [
        Rule("Champions", r: 5...5, fm: 4...5),
        Rule("Champions", r: 4...4, fm: 5...5),
        Rule("Loyal customers", r: 4...4, fm: 4...4),
        Rule("Loyal customers", r: 3...3, fm: 4...5),
        Rule("Potential loyalists", r: 4...5, fm: 2...3),
        Rule("New customers", r: 5...5, fm: 1...1),
        Rule("Promising", r: 4...4, fm: 1...1),
        Rule("Need attention", r: 3...3, fm: 3...3),
        Rule("About to sleep", r: 3...3, fm: 1...2),
        Rule("At risk", r: 1...2, fm: 3...4),
        Rule("Can't lose them", r: 1...2, fm: 5...5),
        Rule("Hibernating", r: 2...2, fm: 1...2),
        Rule("Lost", r: 1...1, fm: 1...2),
    ])

    package static let builtIn: [String: SegmentTable] = ["rf-grid": rfGrid, "rfm-11": rfm11]

    /// Segment names in table order, each once, then `Other`.
    package var names: [String] {
        var seen = Set<String>()
        return rules.map(\.name).filter { seen.insert($0).inserted } + [SegmentTable.other]
    }

    package static func toFivePoint(_ score: Int, bins: Int) -> Int {
        bins == 5 ? score : 1 + Int((Double((score - 1) * 4) / Double(max(1, bins - 1))).rounded())
    }

    package func segment(r: Int, f: Int, m: Int) -> String {
        rules.first { $0.matches(r: r, f: f, m: m) }?.name ?? SegmentTable.other
    }

    /// For each of the 125 cells, the index in `names` of its segment: cell
    /// (r − 1) × 25 + (f − 1) × 5 + (m − 1). Looked up per customer instead of `segment`,
    /// which makes a `String` each time.
    package var cellNames: [Int] {
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var cells = [Int]()
        for r in 1...5 {
            for f in 1...5 { for m in 1...5 { cells.append(index[segment(r: r, f: f, m: m)] ?? names.count - 1) } }
        }
        return cells
    }

    /// Rules that can never match (every cell they cover is taken by earlier rules) or that
    /// overlap an earlier rule of another name, and how many of the 125 cells no rule covers.
    package func problems() -> (messages: [String], uncovered: Int) {
        let cells = (1...5).flatMap { r in (1...5).flatMap { f in (1...5).map { m in (r: r, f: f, m: m) } } }
        var owner = [Int: String]()
        var messages = [String]()
        for (i, rule) in rules.enumerated() {
            let covered = cells.filter { rule.matches(r: $0.r, f: $0.f, m: $0.m) }
            var fresh = 0
            var overlapped = [String]()
            for cell in covered {
                let id = cell.r * 100 + cell.f * 10 + cell.m
                if let earlier = owner[id] {
                    if earlier != rule.name && !overlapped.contains(earlier) { overlapped.append(earlier) }
                } else {
                    owner[id] = rule.name
                    fresh += 1
                }
            }
            if covered.isEmpty {
                messages.append("segment rule \(i + 1) ('\(rule.name)') matches no score at all")
            } else if fresh == 0 {
                messages.append(
                    "segment rule \(i + 1) ('\(rule.name)') is unreachable: earlier rules take all its scores")
            } else if !overlapped.isEmpty {
                messages.append(
                    "segment rule \(i + 1) ('\(rule.name)') overlaps \(overlapped.map { "'\($0)'" }.joined(separator: ", ")); first match wins, so make the ranges disjoint"
                )
            }
        }
        return (messages, cells.count - owner.count)
    }
}
