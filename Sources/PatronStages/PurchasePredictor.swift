import Foundation
import PatronModels
import PatronPipeline
import PatronSupport
import PatronTable

/// The purchase models `ltv`'s `model:` key names.
enum PurchaseModelKind: String, ParamChoice {
    case bgNBD = "bg-nbd"
    case paretoNBD = "pareto-nbd"
    case mbgNBD = "mbg-nbd"

    var type: any PurchaseModel.Type {
        switch self {
        case .bgNBD: BGNBDModel.self
        case .paretoNBD: ParetoNBDModel.self
        case .mbgNBD: MBGNBDModel.self
        }
    }
}

/// One purchase model at one parameter vector, over one horizon: what the stage predicts per
/// (x, t_x, T) — P(alive), E[Y(t)], and expected purchases over the horizon with their
/// discounted value.
struct PurchasePredictor: Sendable {
    let model: any PurchaseModel
    let horizon: Double
    let ratePerUnit: Double
    /// For models whose horizon sums factor (`PurchaseModel.factoredHorizon`): computed once
    /// per distinct (x, T), or per age T, instead of once per customer.
    let factored: FactoredHorizon?

    init(model: PurchaseModelKind, values: [Double], horizon: Double, ratePerUnit: Double) {
        self.model = model.type.init(values: values)
        self.horizon = horizon
        self.ratePerUnit = ratePerUnit
        factored = self.model.factoredHorizon(horizon: horizon, ratePerUnit: ratePerUnit)
    }

    /// E[Y(t) | x, t_x, T].
    func expectedAt(_ t: Double, _ x: Double, _ tx: Double, _ T: Double) -> Double {
        model.expectedPurchases(t: t, x: x, tx: tx, T: T)
    }

    /// (P(alive), expected purchases over the horizon, the same discounted) for each row of
    /// `rows`, in blocks on all cores.
    func predict(
        _ rows: CollapsedSummary, alive wantAlive: Bool = true
    ) -> (alive: [Double], total: [Double], discounted: [Double]) {
        let n = rows.x.count
        let block = 4096
        // Factored models: the horizon sums once per distinct (x, T) or T, on all cores.
        var keyOf = [Int32](), sums = [(total: Double, discounted: Double)]()
        if let factored {
            let groups = rows.ageGroups(byFrequency: factored.dependsOnX)
            let (index, firsts) = (groups.ids, groups.firstRow)
            keyOf = index
            sums = ParallelBlocks.map(count: firsts.count, block: 256) { range in
                range.map { factored.sums(rows.x[firsts[$0]], rows.T[firsts[$0]]) }
            }.flatMap { $0 }
        }
        let (keys, perKey, factored) = (keyOf, sums, self.factored)
        let aliveOfRow = model.probabilityAlive(rows)
        let (model, horizon, ratePerUnit) = (self.model, self.horizon, self.ratePerUnit)
        let results = ParallelBlocks.map(count: n, block: block) { range in
            var out = [(Double, Double, Double)]()
            out.reserveCapacity(range.count)
            for k in range {
                let (x, tx, T) = (rows.x[k], rows.tx[k], rows.T[k])
                if let factored {
                    let p = aliveOfRow?[k] ?? model.probabilityAlive(x: x, tx: tx, T: T)
                    let scale = p * factored.factor(x, T), s = perKey[Int(keys[k])]
                    out.append((wantAlive ? p : 0, scale * s.total, scale * s.discounted))
                    continue
                }
                let (total, present) = model.purchasesOverHorizon(
                    x: x, tx: tx, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
                out.append(
                    (wantAlive ? aliveOfRow?[k] ?? model.probabilityAlive(x: x, tx: tx, T: T) : 0, total, present))
            }
            return out
        }
        var a = [Double](), t = [Double](), d = [Double]()
        a.reserveCapacity(n)
        t.reserveCapacity(n)
        d.reserveCapacity(n)
        for chunk in results {
            for (x, y, z) in chunk {
                a.append(x)
                t.append(y)
                d.append(z)
            }
        }
        return (a, t, d)
    }
}
