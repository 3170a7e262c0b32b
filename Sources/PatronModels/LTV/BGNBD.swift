import Foundation

/// The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way":
/// purchases at a Poisson rate λ ~ Gamma(r, α) while alive; after each purchase the customer
/// drops out with probability p ~ Beta(a, b).
///
/// The log-likelihood is computed in log space (Hardie's note on the "#NUM!" problem):
/// ln L = A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄), with the analytic gradient. Customers with the same
/// (x, t_x, T) are collapsed into weighted rows first: same likelihood, far less work.
///
/// ```swift
/// let fit = BGNBD.fit(summary)               // r, alpha, a, b with standard errors
/// let p = BGNBD.Parameters(fit)
/// BGNBD.probabilityAlive(p, x: 2, tx: 30.43, T: 38.86)
/// ```
public enum BGNBD {
    /// r and α of the gamma-distributed purchase rate, a and b of the beta-distributed drop-out
    /// probability.
    public struct Parameters: Sendable, Equatable {
        public var r, alpha, a, b: Double
        /// The model at these parameters.
        public init(r: Double, alpha: Double, a: Double, b: Double) {
            self.r = r
            self.alpha = alpha
            self.a = a
            self.b = b
        }
        /// The fitted parameters of a `fit`.
        public init(_ fit: ModelFit) {
            self.init(r: fit.value("r"), alpha: fit.value("alpha"), a: fit.value("a"), b: fit.value("b"))
        }
    }

    /// The log-likelihood and its gradient with respect to (r, α, a, b).
    ///
    /// ln Γ and ψ of r + x, b + x and a + b + x are tabulated once per x; rows are summed in
    /// fixed blocks on all cores and the blocks added in order (same bits for any core count).
    package static func logLikelihood(_ p: Parameters, _ data: CollapsedSummary) -> (value: Double, gradient: [Double])
    {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let lgR = SpecialFunctions.lnGamma(r), lgAB = SpecialFunctions.lnGamma(a + b), lgB = SpecialFunctions.lnGamma(b)
        let psiR = SpecialFunctions.digamma(r), psiAB = SpecialFunctions.digamma(a + b),
            psiB = SpecialFunctions.digamma(b)
        let lnAlpha = log(alpha), lnA = log(a)
        // Per-x terms: a1 and a2 of the likelihood, the x-only parts of the gradient, ln(b+x−1).
        let m = data.maxX + 1
        var tableA12 = [Double](repeating: 0, count: m), tableR = [Double](repeating: 0, count: m)
        var tableA = [Double](repeating: 0, count: m), tableB = [Double](repeating: 0, count: m),
            tableLn = [Double](repeating: 0, count: m)
        for xi in 0..<m {
            let x = Double(xi)
            tableA12[xi] =
                SpecialFunctions.lnGamma(r + x) - lgR + r * lnAlpha + lgAB + SpecialFunctions.lnGamma(b + x) - lgB
                - SpecialFunctions.lnGamma(a + b + x)
            let psiABX = SpecialFunctions.digamma(a + b + x)
            tableR[xi] = SpecialFunctions.digamma(r + x) - psiR + lnAlpha
            tableA[xi] = psiAB - psiABX
            tableB[xi] = psiAB + SpecialFunctions.digamma(b + x) - psiB - psiABX
            tableLn[xi] = xi > 0 ? log(b + x - 1) : 0
        }
        // Per distinct age or recency: ln(α + v) and 1 / (α + v).
        let lnGrid = data.grid.map { log(alpha + $0) }, invGrid = data.grid.map { 1 / (alpha + $0) }
        let (a12, dR0, dA0, dB0, lnBX1) = (tableA12, tableR, tableA, tableB, tableLn)
        let total = BlockSum.sum(count: data.x.count, width: 5) { range in
            var ll = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0
            for i in range {
                let x = data.x[i], w = data.weight[i]
                let xi = Int(x), t = Int(data.tSlot[i])
                let lnAT = lnGrid[t]
                let a3 = -(r + x) * lnAT
                var w3 = 1.0, w4 = 0.0, tail = a3
                var lnATX = 0.0
                if xi > 0 {
                    lnATX = lnGrid[Int(data.txSlot[i])]
                    let a4 = lnA - lnBX1[xi] - (r + x) * lnATX
                    // ln(e^a3 + e^a4) = max + ln(1 + e^−|a3 − a4|): one exp and one log.
                    let e = exp(-abs(a3 - a4)), share = 1 / (1 + e)
                    tail = max(a3, a4) + log(1 + e)  // glibc log1p costs twice log; e ≥ 1e-16 matters not
                    (w3, w4) = a3 >= a4 ? (share, e * share) : (e * share, share)
                }
                ll += w * (a12[xi] + tail)
                var dr = dR0[xi] - w3 * lnAT
                var dAlpha = r / alpha - w3 * (r + x) * invGrid[t]
                var da = dA0[xi]
                var db = dB0[xi]
                if xi > 0 {
                    dr -= w4 * lnATX
                    dAlpha -= w4 * (r + x) * invGrid[Int(data.txSlot[i])]
                    da += w4 / a
                    db -= w4 / (b + x - 1)
                }
                g0 += w * dr
                g1 += w * dAlpha
                g2 += w * da
                g3 += w * db
            }
            return [ll, g0, g1, g2, g3]
        }
        return (total[0], Array(total[1...]))
    }

    /// Maximum-likelihood fit from several starting points.
    public static func fit(frequency: [Double], recency: [Double], age: [Double]) -> ModelFit {
        fit(CollapsedSummary(x: frequency, tx: recency, T: age))
    }

    /// Maximum-likelihood fit on collapsed rows.
    public static func fit(_ data: CollapsedSummary) -> ModelFit {
        let meanT = data.weightedSum { _, _, T in T } / Double(max(1, data.customers))
        let starts: [[Double]] = [
            [1, max(1, meanT / 10), 1, 1], [0.5, max(0.5, meanT / 5), 0.5, 2], [2, max(1, meanT), 2, 5],
        ]
        let fit = LikelihoodFit.fit(names: ["r", "alpha", "a", "b"], starts: starts, data: data) { v, rows in
            logLikelihood(Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3]), rows)
        }
        let a = fit.values[2], b = fit.values[3]
        return fit.diagnosingDropout(
            leaving: a / (a + b), parameters: "a = \(ModelFit.short(a)), b = \(ModelFit.short(b))",
            what: "the mean chance of leaving after a purchase, a/(a+b)",
            alternative: "pareto-nbd (customers may leave at any time, not only after a purchase)", data: data)
    }

    /// P(alive | x, t_x, T).
    public static func probabilityAlive(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let lnRatio = log(p.a / (p.b + x - 1)) + (p.r + x) * log((p.alpha + T) / (p.alpha + tx))
        return 1 / (1 + exp(lnRatio))
    }

    /// E[Y(t) | x, t_x, T]: expected purchases in the next `t` time units.
    public static func expectedPurchases(_ p: Parameters, t: Double, x: Double, tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        let z = t / (p.alpha + T + t)
        let hyp = SpecialFunctions.hypergeometric2F1(p.r + x, p.b + x, p.a + p.b + x - 1, z)
        let numerator = (p.a + p.b + x - 1) / (p.a - 1) * (1 - pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * hyp)
        let denominator =
            x > 0 ? 1 + exp(log(p.a / (p.b + x - 1)) + (p.r + x) * log((p.alpha + T) / (p.alpha + tx))) : 1
        return numerator / denominator
    }

    /// Expected purchases over `horizon` units, and the same discounted continuously at the
    /// force of interest δ = ln(1 + `ratePerUnit`): ∫₀ᴴ e^(−δt) dE[Y(t)], which integration by
    /// parts turns into e^(−δH) E[Y(H)] + δ ∫₀ᴴ e^(−δt) E[Y(t)] dt, computed by 16-point
    /// Gauss–Legendre quadrature (E[Y(t)] is smooth in t: the quadrature error is far below the
    /// model's). E[Y(t) | x, t_x, T] is P(alive) times a part that does not depend on t_x
    /// (`horizonSums`), so customers with the same (x, T) share the quadrature.
    public static func purchasesOverHorizon(
        _ p: Parameters, x: Double, tx: Double, T: Double,
        horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        let alive = probabilityAlive(p, x: x, tx: tx, T: T)
        let sums = horizonSums(p, x: x, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
        return (alive * sums.total, alive * sums.discounted)
    }

    /// The horizon's (total, discounted) of (a+b+x−1)/(a−1) · (1 − ((α+T)/(α+T+t))^(r+x)
    /// ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))): E[Y(t) | x, t_x, T] divided by P(alive). One ₂F₁
    /// call for all quadrature times.
    package static func horizonSums(
        _ p: Parameters, x: Double, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        let lead = (p.a + p.b + x - 1) / (p.a - 1)
        let ab = p.alpha + T, (first, second, third) = (p.r + x, p.b + x, p.a + p.b + x - 1)
        let total =
            lead
            * (1 - exp(first * log(ab / (ab + horizon)))
                * SpecialFunctions.hypergeometric2F1(first, second, third, horizon / (ab + horizon)))
        return GaussLegendre.discounted(total: total, horizon: horizon, ratePerUnit: ratePerUnit) { t in
            let hyp = SpecialFunctions.hypergeometric2F1(first, second, third, t / (ab + t))
            var out = SIMD16<Double>()
            for i in 0..<16 { out[i] = lead * (1 - exp(first * log(ab / (ab + t[i]))) * hyp[i]) }
            return out
        }
    }

    /// E[X(t)]: expected purchases of a new customer in `t` time units from acquisition.
    public static func populationExpected(_ p: Parameters, t: Double) -> Double {
        let hyp = SpecialFunctions.hypergeometric2F1(p.r, p.b, p.a + p.b - 1, t / (p.alpha + t))
        return (p.a + p.b - 1) / (p.a - 1) * (1 - pow(p.alpha / (p.alpha + t), p.r) * hyp)
    }
}
