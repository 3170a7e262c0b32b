import PatronTable

/// Customers with the same (x, t_x, T) collapsed into weighted rows: the likelihood of the
/// customer-base models is the same sum, and predictions are computed once per row.
///
/// ```swift
/// let rows = CollapsedSummary(x: [0, 2, 2], tx: [0, 5, 5], T: [9, 9, 9])
/// rows.x.count        // 2 distinct rows, weights [1, 2]
/// rows.rowOf          // [0, 1, 1]: each customer's row
/// ```
public struct CollapsedSummary: Sendable {
    public var x: [Double], tx: [Double], T: [Double], weight: [Double]
    /// Customers summarised (the sum of the weights).
    public var customers: Int
    /// For each customer given to `init(x:tx:T:)`, its row; empty for a subset.
    package var rowOf: [Int32]
    /// Largest x (frequencies are whole numbers: per-x tables replace ln Γ per row).
    let maxX: Int
    /// The distinct values among T and t_x, and each row's T and t_x as an index into them:
    /// a likelihood takes ln(α + T) once per distinct age per evaluation, not once per row.
    let grid: [Double]
    let tSlot: [Int32], txSlot: [Int32]
    /// The distinct (x, t) pairs, for Pareto/NBD (`withFrequencyTimePairs()`); nil unless asked.
    private(set) var pairs: FrequencyTimePairs? = nil

    /// Rows in order of first appearance (as `GroupIndex` on the three numbers).
    public init(x: [Double], tx: [Double], T: [Double]) {
        // T and t_x as slots of their distinct values first; then, where frequencies are small
        // whole numbers, each customer's (x, t_x, T) is one 64-bit key (x, T's slot, t_x's slot)
        // and groups without comparing numbers.
        let (customerGrid, customerT, customerTx) = Self.grid(T: T, tx: tx)
        let packs =
            customerGrid.count < 1 << 21 && x.allSatisfy { $0 >= 0 && $0 < Double(1 << 21) && $0 == $0.rounded() }
        let groups =
            packs
            ? GroupIndex(
                keys: x.indices.map { UInt64(x[$0]) << 42 | UInt64(customerT[$0]) << 21 | UInt64(customerTx[$0]) })
            : GroupIndex([.decimal(x), .decimal(tx), .decimal(T)])
        let (index, firsts) = (groups.ids, groups.firstRow)
        var w = [Double](repeating: 0, count: firsts.count)
        for k in index { w[Int(k)] += 1 }
        let cx = firsts.map { x[$0] }, ctx = firsts.map { tx[$0] }, cT = firsts.map { T[$0] }
        self.x = cx
        self.tx = ctx
        self.T = cT
        self.weight = w
        self.rowOf = index
        customers = x.count
        maxX = Int(cx.max() ?? 0)
        (grid, tSlot, txSlot) = (customerGrid, firsts.map { customerT[$0] }, firsts.map { customerTx[$0] })
    }

    /// The distinct values among T and t_x (first appearance, T before t_x), and each row's
    /// slots.
    static func grid(T: [Double], tx: [Double]) -> (grid: [Double], tSlot: [Int32], txSlot: [Int32]) {
        let both = T + tx
        let groups = GroupIndex(keys: both.map { ($0 == 0 ? 0 : $0).bitPattern })
        let (index, firsts) = (groups.ids, groups.firstRow)
        return (firsts.map { both[$0] }, Array(index[..<T.count]), Array(index[T.count...]))
    }

    /// Rows grouped by T (`byFrequency`: by x and T), numbered in order of first appearance:
    /// predictions that depend on those alone are computed once per group.
    package func ageGroups(byFrequency: Bool) -> GroupIndex {
        guard byFrequency else { return GroupIndex(keys: tSlot.map { UInt64($0) }) }
        guard x.allSatisfy({ $0 >= 0 && $0 < Double(1 << 40) / Double(max(1, grid.count)) && $0 == $0.rounded() })
        else { return GroupIndex([.decimal(T), .decimal(x)]) }
        // Packed densely (x × slots + slot): few enough keys for a table indexed by key.
        let slots = UInt64(grid.count)
        return GroupIndex(keys: x.indices.map { UInt64(x[$0]) * slots + UInt64(tSlot[$0]) })
    }

    /// The given rows of `other`, with their weights.
    package init(rows: [Int], of other: CollapsedSummary) {
        x = rows.map { other.x[$0] }
        tx = rows.map { other.tx[$0] }
        T = rows.map { other.T[$0] }
        weight = rows.map { other.weight[$0] }
        customers = Int(weight.reduce(0, +))
        rowOf = []
        maxX = Int(x.max() ?? 0)
        (grid, tSlot, txSlot) = Self.grid(T: T, tx: tx)
        if other.pairs != nil { pairs = FrequencyTimePairs(self) }
    }

    /// The same rows with their distinct (x, t) pairs numbered (kept by subsets).
    func withFrequencyTimePairs() -> CollapsedSummary {
        var copy = self
        copy.pairs = FrequencyTimePairs(self)
        return copy
    }

    /// Every `step`th row, with its weight: a subsample for choosing starting points.
    func every(_ step: Int) -> CollapsedSummary {
        CollapsedSummary(rows: Array(stride(from: 0, to: x.count, by: step)), of: self)
    }

    /// Σ weight × f(x, t_x, T) over the rows, in fixed blocks on all cores.
    func weightedSum(_ f: @Sendable (Double, Double, Double) -> Double) -> Double {
        let data = self
        return BlockSum.sum(count: x.count, width: 1) { range in
            var sum = 0.0
            for i in range { sum += data.weight[i] * f(data.x[i], data.tx[i], data.T[i]) }
            return [sum]
        }[0]
    }
}
