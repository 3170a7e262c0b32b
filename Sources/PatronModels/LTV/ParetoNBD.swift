import Foundation

/// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the form of Fader, Hardie
/// & Lee's "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005):
/// purchases at a Poisson rate λ ~ Gamma(r, α) while alive, an exponential lifetime with rate
/// μ ~ Gamma(s, β).
///
/// The likelihood is computed in log space with the A₀ term chosen by whether α ≥ β (so the
/// ₂F₁ argument stays in [0, 1)), and A₀'s difference of two terms taken as
/// ln(e^u − e^v) = u + ln(1 − e^(v−u)), so high frequencies neither overflow nor cancel.
/// The gradient is by central differences (₂F₁'s parameter derivatives have no cheap form).
public enum ParetoNBD {
    public struct Parameters: Sendable, Equatable {
        public var r, alpha, s, beta: Double
        public init(r: Double, alpha: Double, s: Double, beta: Double) {
            self.r = r
            self.alpha = alpha
            self.s = s
            self.beta = beta
        }
        public init(_ fit: ModelFit) {
            self.init(r: fit.value("r"), alpha: fit.value("alpha"), s: fit.value("s"), beta: fit.value("beta"))
        }
    }

    /// ln A₀ (see the note), for one customer.
    static func logA0(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let rsx = p.r + p.s + x
        let (big, b2, at): (Double, Double, (Double) -> Double)
        if p.alpha >= p.beta {
            big = p.alpha
            b2 = p.s + 1
            at = { t in (p.alpha - p.beta) / (p.alpha + t) }
        } else {
            big = p.beta
            b2 = p.r + x
            at = { t in (p.beta - p.alpha) / (p.beta + t) }
        }
        let u = log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, at(tx))) - rsx * log(big + tx)
        let v = log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, at(T))) - rsx * log(big + T)
        // u ≥ v: the t_x term is the larger one. Where they are (numerically) equal, A₀ → 0.
        let d = v - u
        return d < 0 ? u + log(-expm1(d)) : -.infinity
    }

    /// ln L for one customer.
    static func logLikelihood(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let head = SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        let first = -(p.r + x) * log(p.alpha + T) - p.s * log(p.beta + T)
        let second = log(p.s / (p.r + p.s + x)) + logA0(p, x: x, tx: tx, T: T)
        let top = max(first, second)
        return head + top + log(exp(first - top) + exp(second - top))
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
        let starts: [[Double]] = [[1, max(1, meanT / 4), 1, max(1, meanT / 4)], [0.5, max(1, meanT / 2), 0.5, max(1, meanT)]]
        return LikelihoodFit.fitWithNumericGradient(names: ["r", "alpha", "s", "beta"], starts: starts, n: data.customers) { w in
            logLikelihood(Parameters(r: w[0], alpha: w[1], s: w[2], beta: w[3]), data)
        }
    }

    /// P(alive | x, t_x, T).
    public static func probabilityAlive(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let lnRatio = log(p.s / (p.r + p.s + x)) + (p.r + x) * log(p.alpha + T) + p.s * log(p.beta + T) + logA0(p, x: x, tx: tx, T: T)
        return 1 / (1 + exp(lnRatio))
    }

    /// E[Y(t) | x, t_x, T]; at s = 1 the limit (a logarithm) is used.
    public static func expectedPurchases(_ p: Parameters, t: Double, x: Double, tx: Double, T: Double) -> Double {
        let alive = probabilityAlive(p, x: x, tx: tx, T: T)
        let rate = (p.r + x) / (p.alpha + T)
        if abs(p.s - 1) < 1e-9 { return rate * (p.beta + T) * log((p.beta + T + t) / (p.beta + T)) * alive }
        return rate * (p.beta + T) / (p.s - 1) * (1 - pow((p.beta + T) / (p.beta + T + t), p.s - 1)) * alive
    }
}
