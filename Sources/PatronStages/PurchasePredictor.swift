import Foundation
import PatronModels
import PatronTable

/// One purchase model (`model:` of `ltv`) at one parameter vector: what the stage predicts
/// per (x, t_x, T) — P(alive), E[Y(t)], and expected purchases over the horizon with their
/// discounted value.
struct PurchasePredictor: Sendable {
    let alive: @Sendable (Double, Double, Double) -> Double
    let expectedAt: @Sendable (_ t: Double, Double, Double, Double) -> Double
    let overHorizon: @Sendable (Double, Double, Double) -> (total: Double, discounted: Double)
    /// For models whose horizon sums factor into P(alive) × f(x, T) × g(T) (Pareto/NBD): f, and
    /// g computed once per distinct age T instead of once per customer.
    var factored: (factor: @Sendable (Double, Double) -> Double, byAge: @Sendable (Double) -> (total: Double, discounted: Double))? = nil

    static let models = ["bg-nbd", "pareto-nbd", "mbg-nbd"]

    static func fit(_ model: String, _ rows: CollapsedSummary) -> ModelFit {
        switch model {
        case "pareto-nbd": ParetoNBD.fit(rows)
        case "mbg-nbd": MBGNBD.fit(rows)
        default: BGNBD.fit(rows)
        }
    }

    init(model: String, values v: [Double], horizon: Double, ratePerUnit: Double) {
        switch model {
        case "pareto-nbd":
            let p = ParetoNBD.Parameters(r: v[0], alpha: v[1], s: v[2], beta: v[3])
            self.init(alive: { ParetoNBD.probabilityAlive(p, x: $0, tx: $1, T: $2) },
                      expectedAt: { ParetoNBD.expectedPurchases(p, t: $0, x: $1, tx: $2, T: $3) }, horizon: horizon, ratePerUnit: ratePerUnit,
                      overHorizon: { ParetoNBD.purchasesOverHorizon(p, x: $0, tx: $1, T: $2, horizon: horizon, ratePerUnit: ratePerUnit) })
            factored = ({ ParetoNBD.aliveFactor(p, x: $0, T: $1) },
                        { ParetoNBD.horizonSums(p, T: $0, horizon: horizon, ratePerUnit: ratePerUnit) })
        case "mbg-nbd":
            let p = MBGNBD.Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3])
            self.init(alive: { MBGNBD.probabilityAlive(p, x: $0, tx: $1, T: $2) },
                      expectedAt: { MBGNBD.expectedPurchases(p, t: $0, x: $1, tx: $2, T: $3) }, horizon: horizon, ratePerUnit: ratePerUnit)
        default:
            let p = BGNBD.Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3])
            // Over the horizon: one ₂F₁ call for all quadrature times.
            self.init(alive: { BGNBD.probabilityAlive(p, x: $0, tx: $1, T: $2) },
                      expectedAt: { BGNBD.expectedPurchases(p, t: $0, x: $1, tx: $2, T: $3) }, horizon: horizon, ratePerUnit: ratePerUnit,
                      overHorizon: { BGNBD.purchasesOverHorizon(p, x: $0, tx: $1, T: $2, horizon: horizon, ratePerUnit: ratePerUnit) })
        }
    }

    /// A model given by P(alive) and E[Y(t)]; unless given, the horizon's totals come by
    /// quadrature over E[Y(t)].
    private init(alive: @escaping @Sendable (Double, Double, Double) -> Double,
                 expectedAt: @escaping @Sendable (Double, Double, Double, Double) -> Double, horizon: Double, ratePerUnit: Double,
                 overHorizon: (@Sendable (Double, Double, Double) -> (total: Double, discounted: Double))? = nil) {
        self.alive = alive
        self.expectedAt = expectedAt
        self.overHorizon = overHorizon ?? { x, tx, T in
            GaussLegendre.discounted({ expectedAt($0, x, tx, T) }, horizon: horizon, ratePerUnit: ratePerUnit)
        }
    }

    /// (P(alive), expected purchases over the horizon, the same discounted) for each row of
    /// `rows`, in blocks on all cores.
    func predict(_ rows: CollapsedSummary, alive wantAlive: Bool = true) -> (alive: [Double], total: [Double], discounted: [Double]) {
        let n = rows.x.count
        let block = 4096
        // Factored models: the horizon sums once per distinct age.
        var ageIndex = [Double: Int](), ages = [Double]()
        if factored != nil { for T in rows.T where ageIndex[T] == nil { ageIndex[T] = ages.count; ages.append(T) } }
        let byAge = factored.map { f in ages.map { f.byAge($0) } } ?? []
        let (ageOf, factored) = (ageIndex, self.factored)
        let results = ParallelBlocks.map(count: n, block: block) { range in
            var out = [(Double, Double, Double)]()
            out.reserveCapacity(range.count)
            for k in range {
                let (x, tx, T) = (rows.x[k], rows.tx[k], rows.T[k])
                if let factored {
                    let p = alive(x, tx, T), scale = p * factored.factor(x, T), sums = byAge[ageOf[T]!]
                    out.append((wantAlive ? p : 0, scale * sums.total, scale * sums.discounted))
                    continue
                }
                let (total, present) = overHorizon(x, tx, T)
                out.append((wantAlive ? alive(x, tx, T) : 0, total, present))
            }
            return out
        }
        var a = [Double](), t = [Double](), d = [Double]()
        a.reserveCapacity(n); t.reserveCapacity(n); d.reserveCapacity(n)
        for chunk in results {
            for (x, y, z) in chunk { a.append(x); t.append(y); d.append(z) }
        }
        return (a, t, d)
    }
}
