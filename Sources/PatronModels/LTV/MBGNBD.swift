import Foundation

/// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD in which a customer may
/// also drop out right after the first purchase, so a customer with no repeat purchase is
/// not assumed alive.
///
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) − ln Γ(b) − ln Γ(a+b+x+1) + ln Γ(b+x)
///        + ln( (b+x)(α+T)^−(r+x) + a (α+t_x)^−(r+x) ),
/// the last term by log-sum-exp. The gradient is by central differences.
public enum MBGNBD {
    public typealias Parameters = BGNBD.Parameters

    static func logLikelihood(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let head = SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha)
            + SpecialFunctions.lnGamma(p.a + p.b) - SpecialFunctions.lnGamma(p.b) - SpecialFunctions.lnGamma(p.a + p.b + x + 1)
            + SpecialFunctions.lnGamma(p.b + x)
        let u = log(p.b + x) - (p.r + x) * log(p.alpha + T)
        let v = log(p.a) - (p.r + x) * log(p.alpha + tx)
        let top = max(u, v)
        return head + top + log(exp(u - top) + exp(v - top))
    }

    public static func logLikelihood(_ p: Parameters, _ data: CollapsedSummary) -> Double {
        data.weightedSum { logLikelihood(p, x: $0, tx: $1, T: $2) }
    }

    public static func fit(frequency: [Double], recency: [Double], age: [Double]) -> ModelFit {
        fit(CollapsedSummary(x: frequency, tx: recency, T: age))
    }

    /// Maximum-likelihood fit on collapsed rows.
    public static func fit(_ data: CollapsedSummary) -> ModelFit {
        let meanT = data.weightedSum { _, _, T in T } / Double(max(1, data.customers))
        let starts: [[Double]] = [[1, max(1, meanT / 10), 1, 1], [0.5, max(0.5, meanT / 5), 0.5, 2]]
        return LikelihoodFit.fitWithNumericGradient(names: ["r", "alpha", "a", "b"], starts: starts, n: data.customers) { w in
            logLikelihood(Parameters(r: w[0], alpha: w[1], a: w[2], b: w[3]), data)
        }
    }

    /// P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
    public static func probabilityAlive(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        1 / (1 + exp(log(p.a / (p.b + x)) + (p.r + x) * log((p.alpha + T) / (p.alpha + tx))))
    }

    /// E[Y(t) | x, t_x, T].
    public static func expectedPurchases(_ p: Parameters, t: Double, x: Double, tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        let z = t / (p.alpha + T + t)
        let hyp = SpecialFunctions.hypergeometric2F1(p.r + x, p.b + x + 1, p.a + p.b + x, z)
        let numerator = (p.a + p.b + x) / (p.a - 1) * (1 - pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * hyp)
        return numerator * probabilityAlive(p, x: x, tx: tx, T: T)
    }
}
