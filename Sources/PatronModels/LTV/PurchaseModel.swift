/// A model of repeat purchases — BG/NBD, Pareto/NBD, MBG/NBD — behind one interface: the
/// type fits it to (x, t_x, T) summaries, a value is the model at one parameter vector and
/// predicts.
///
/// ```swift
/// let fit = BGNBDModel.fit(rows)                     // estimates, standard errors, ln L
/// let model = BGNBDModel(values: fit.values)
/// model.probabilityAlive(x: 2, tx: 30.4, T: 38.9)
/// model.purchasesOverHorizon(x: 2, tx: 30.4, T: 38.9, horizon: 52, ratePerUnit: 0.0018)
/// ```
package protocol PurchaseModel: Sendable {
    /// The model's name (`bg-nbd`), as `ltv`'s `model:` key and its params table write it.
    static var name: String { get }
    /// Maximum-likelihood fit to collapsed summaries.
    static func fit(_ rows: CollapsedSummary) -> ModelFit
    /// The model at `values`, in the order of the fit's `names`.
    init(values: [Double])
    /// P(alive | x, t_x, T).
    func probabilityAlive(x: Double, tx: Double, T: Double) -> Double
    /// E[Y(t) | x, t_x, T]: expected purchases in the next `t` time units.
    func expectedPurchases(t: Double, x: Double, tx: Double, T: Double) -> Double
    /// Expected purchases over `horizon` units and the same discounted at `ratePerUnit` (by
    /// default by quadrature over `expectedPurchases`, see `GaussLegendre.discounted`).
    func purchasesOverHorizon(
        x: Double, tx: Double, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double)
    /// For models whose horizon sums factor into P(alive) × factor(x, T) × sums(x, T): the
    /// parts, so that customers with the same (x, T) — or the same T — share the work. Nil (the
    /// default): customer by customer.
    func factoredHorizon(horizon: Double, ratePerUnit: Double) -> FactoredHorizon?
    /// P(alive) of every row at once, for a model that shares work between rows; nil (the
    /// default): row by row.
    func probabilityAlive(_ rows: CollapsedSummary) -> [Double]?
}

extension PurchaseModel {
    package func purchasesOverHorizon(
        x: Double, tx: Double, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        GaussLegendre.discounted(
            { expectedPurchases(t: $0, x: x, tx: tx, T: T) }, horizon: horizon, ratePerUnit: ratePerUnit)
    }

    package func factoredHorizon(horizon: Double, ratePerUnit: Double) -> FactoredHorizon? { nil }

    package func probabilityAlive(_ rows: CollapsedSummary) -> [Double]? { nil }
}

/// A purchase model's horizon sums as P(alive) × `factor(x, T)` × `sums(x, T)`.
package struct FactoredHorizon: Sendable {
    package let factor: @Sendable (_ x: Double, _ T: Double) -> Double
    /// (total, discounted) over the horizon, before P(alive) and the factor.
    package let sums: @Sendable (_ x: Double, _ T: Double) -> (total: Double, discounted: Double)
    /// Whether `sums` depends on x (else once per age T serves every frequency).
    package let dependsOnX: Bool

    package init(
        factor: @escaping @Sendable (Double, Double) -> Double,
        sums: @escaping @Sendable (Double, Double) -> (total: Double, discounted: Double), dependsOnX: Bool
    ) {
        self.factor = factor
        self.sums = sums
        self.dependsOnX = dependsOnX
    }
}

/// BG/NBD (Fader, Hardie & Lee 2005) as a `PurchaseModel`.
package struct BGNBDModel: PurchaseModel {
    package let parameters: BGNBD.Parameters
    package static let name = "bg-nbd"
    package static func fit(_ rows: CollapsedSummary) -> ModelFit { BGNBD.fit(rows) }
    package init(values v: [Double]) { parameters = BGNBD.Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3]) }

    package func probabilityAlive(x: Double, tx: Double, T: Double) -> Double {
        BGNBD.probabilityAlive(parameters, x: x, tx: tx, T: T)
    }

    package func expectedPurchases(t: Double, x: Double, tx: Double, T: Double) -> Double {
        BGNBD.expectedPurchases(parameters, t: t, x: x, tx: tx, T: T)
    }

    /// One ₂F₁ call for all quadrature times (`BGNBD.horizonSums`).
    package func purchasesOverHorizon(
        x: Double, tx: Double, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        BGNBD.purchasesOverHorizon(parameters, x: x, tx: tx, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
    }

    /// Once per distinct (x, T): the factor is 1.
    package func factoredHorizon(horizon: Double, ratePerUnit: Double) -> FactoredHorizon? {
        let p = parameters
        return FactoredHorizon(
            factor: { _, _ in 1 },
            sums: { BGNBD.horizonSums(p, x: $0, T: $1, horizon: horizon, ratePerUnit: ratePerUnit) },
            dependsOnX: true)
    }
}

/// Pareto/NBD (Schmittlein, Morrison & Colombo 1987) as a `PurchaseModel`.
package struct ParetoNBDModel: PurchaseModel {
    package let parameters: ParetoNBD.Parameters
    package static let name = "pareto-nbd"
    package static func fit(_ rows: CollapsedSummary) -> ModelFit { ParetoNBD.fit(rows) }
    package init(values v: [Double]) {
        parameters = ParetoNBD.Parameters(r: v[0], alpha: v[1], s: v[2], beta: v[3])
    }

    package func probabilityAlive(x: Double, tx: Double, T: Double) -> Double {
        ParetoNBD.probabilityAlive(parameters, x: x, tx: tx, T: T)
    }

    package func expectedPurchases(t: Double, x: Double, tx: Double, T: Double) -> Double {
        ParetoNBD.expectedPurchases(parameters, t: t, x: x, tx: tx, T: T)
    }

    package func purchasesOverHorizon(
        x: Double, tx: Double, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        ParetoNBD.purchasesOverHorizon(parameters, x: x, tx: tx, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
    }

    /// The sums depend on the age T only: once per distinct age.
    package func factoredHorizon(horizon: Double, ratePerUnit: Double) -> FactoredHorizon? {
        let p = parameters
        return FactoredHorizon(
            factor: { ParetoNBD.aliveFactor(p, x: $0, T: $1) },
            sums: { ParetoNBD.horizonSums(p, T: $1, horizon: horizon, ratePerUnit: ratePerUnit) },
            dependsOnX: false)
    }

    /// A₀ once per distinct (x, t) pair (`FrequencyTimePairs`).
    package func probabilityAlive(_ rows: CollapsedSummary) -> [Double]? {
        ParetoNBD.probabilityAlive(parameters, rows)
    }
}

/// MBG/NBD (Batislam, Denizel & Filiztekin 2007) as a `PurchaseModel`; its horizon sums come
/// by quadrature over E[Y(t)].
package struct MBGNBDModel: PurchaseModel {
    package let parameters: MBGNBD.Parameters
    package static let name = "mbg-nbd"
    package static func fit(_ rows: CollapsedSummary) -> ModelFit { MBGNBD.fit(rows) }
    package init(values v: [Double]) { parameters = MBGNBD.Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3]) }

    package func probabilityAlive(x: Double, tx: Double, T: Double) -> Double {
        MBGNBD.probabilityAlive(parameters, x: x, tx: tx, T: T)
    }

    package func expectedPurchases(t: Double, x: Double, tx: Double, T: Double) -> Double {
        MBGNBD.expectedPurchases(parameters, t: t, x: x, tx: tx, T: T)
    }
}
