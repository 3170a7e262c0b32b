import Foundation

/// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the form of Fader, Hardie
/// & Lee's "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005):
/// purchases at a Poisson rate λ ~ Gamma(r, α) while alive, an exponential lifetime with rate
/// μ ~ Gamma(s, β).
///
/// The likelihood is computed in log space with the A₀ term chosen by whether α ≥ β (so the
/// ₂F₁ argument stays in [0, 1)), and A₀'s difference of two terms taken as
/// ln(e^u − e^v) = u + ln(1 − e^(v−u)), so high frequencies neither overflow nor cancel.
/// The gradient is analytic: ln ₂F₁ is summed (after Euler's transformation) with its
/// derivatives in a, b and z; central differences only for rows whose ₂F₁ argument is above
/// 0.99.
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
        // The Euler-transformed series where it applies (its terms fall from the start), else
        // the general ₂F₁.
        let lnF: SIMD2<Double> = SpecialFunctions.lnHypergeometricAPlusOne(rsx, b2, SIMD2(at(tx), at(T)))?.value
            ?? SIMD2(log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, at(tx))), log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, at(T))))
        let u = lnF[0] - rsx * log(big + tx)
        let v = lnF[1] - rsx * log(big + T)
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

    /// ln A₀ and its gradient in (r, α, s, β), from the ₂F₁ series with its derivatives;
    /// nil where a ₂F₁ argument is beyond the series range (the caller differentiates
    /// numerically there).
    static func logA0WithGradient(_ p: Parameters, x: Double, tx: Double, T: Double,
                                  terms: SpecialFunctions.APlusOneTerms? = nil) -> (value: Double, gradient: SIMD4<Double>)? {
        let rsx = p.r + p.s + x
        let alphaBig = p.alpha >= p.beta
        let big = alphaBig ? p.alpha : p.beta, small = alphaBig ? p.beta : p.alpha
        let b2 = alphaBig ? p.s + 1 : p.r + x
        // ln ₂F₁(a, b2; a+1; z) with a = r+s+x, z = (big − small)/(big + t), at t = t_x and T:
        // through a it moves with r and s, through b2 with s (α ≥ β) or r (α < β), through z
        // with α and β.
        let times = SIMD2(tx, T)
        let z = (big - small) / (big + times)
        guard let f = terms.flatMap({ SpecialFunctions.lnHypergeometricAPlusOne($0, z) })
                ?? SpecialFunctions.lnHypergeometricAPlusOne(rsx, b2, z) else { return nil }
        let lnBig = SIMD2(log(big + tx), log(big + T))
        let dzBig = (times + small) / ((big + times) * (big + times)) * f.dz   // by the larger of α, β
        let dzSmall = -1 / (big + times) * f.dz                                // by the smaller
        let zero = SIMD2<Double>()
        let dr = f.da + (alphaBig ? zero : f.db) - lnBig
        let ds = f.da + (alphaBig ? f.db : zero) - lnBig
        let dBig = dzBig - rsx / (big + times)
        func gradient(_ i: Int) -> SIMD4<Double> {
            alphaBig ? SIMD4(dr[i], dBig[i], ds[i], dzSmall[i]) : SIMD4(dr[i], dzSmall[i], ds[i], dBig[i])
        }
        let values = f.value - rsx * lnBig
        let u = (value: values[0], gradient: gradient(0)), v = (value: values[1], gradient: gradient(1))
        let d = v.value - u.value
        guard d < 0 else { return (-.infinity, SIMD4(repeating: 0)) }
        let e = exp(d)
        return (u.value + log(-expm1(d)), (u.gradient - e * v.gradient) / (1 - e))
    }

    /// ln L for one customer and its gradient in (r, α, s, β); central differences for the
    /// few customers whose ₂F₁ arguments are beyond the series range.
    static func logLikelihoodWithGradient(_ p: Parameters, x: Double, tx: Double, T: Double,
                                          terms: SpecialFunctions.APlusOneTerms? = nil,
                                          head given: (value: Double, gradient: SIMD4<Double>)? = nil) -> (value: Double, gradient: SIMD4<Double>) {
        guard let a0 = logA0WithGradient(p, x: x, tx: tx, T: T, terms: terms) else {
            let v = [p.r, p.alpha, p.s, p.beta]
            var g = SIMD4<Double>()
            for j in 0..<4 {
                var up = v, down = v
                let h = 1e-6 * v[j]
                up[j] += h
                down[j] -= h
                g[j] = (logLikelihood(Parameters(r: up[0], alpha: up[1], s: up[2], beta: up[3]), x: x, tx: tx, T: T)
                    - logLikelihood(Parameters(r: down[0], alpha: down[1], s: down[2], beta: down[3]), x: x, tx: tx, T: T)) / (2 * h)
            }
            return (logLikelihood(p, x: x, tx: tx, T: T), g)
        }
        let rsx = p.r + p.s + x
        let lnAT = log(p.alpha + T), lnBT = log(p.beta + T)
        let (head, headGradient) = given ?? Self.head(p, x: x)
        let first = -(p.r + x) * lnAT - p.s * lnBT
        let firstGradient = SIMD4(-lnAT, -(p.r + x) / (p.alpha + T), -lnBT, -p.s / (p.beta + T))
        let second = log(p.s / rsx) + a0.value
        let top = max(first, second)
        let e1 = exp(first - top), e2 = exp(second - top)
        var gradient = headGradient + e1 / (e1 + e2) * firstGradient
        if e2 > 0 {
            let secondGradient = a0.gradient + SIMD4(-1 / rsx, 0, 1 / p.s - 1 / rsx, 0)
            gradient += e2 / (e1 + e2) * secondGradient
        }
        return (head + top + log(e1 + e2), gradient)
    }

    /// The part of ln L that depends on x alone, and its gradient: ln Γ(r+x) − ln Γ(r) + r ln α
    /// + s ln β. Tabulated once per frequency for a fit (ln Γ and ψ per row cost more than the
    /// rest of a row's likelihood).
    static func head(_ p: Parameters, x: Double) -> (value: Double, gradient: SIMD4<Double>) {
        (SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta),
         SIMD4(SpecialFunctions.digamma(p.r + x) - SpecialFunctions.digamma(p.r) + log(p.alpha), p.r / p.alpha,
               log(p.beta), p.s / p.beta))
    }

    /// ln L over the rows and its gradient, in fixed blocks on all cores.
    public static func logLikelihoodWithGradient(_ p: Parameters, _ data: CollapsedSummary) -> (value: Double, gradient: [Double]) {
        // The ₂F₁ series' (a, b) depend on x alone: one table of its divisions per frequency.
        let alphaBig = p.alpha >= p.beta
        let big = alphaBig ? p.alpha : p.beta, small = alphaBig ? p.beta : p.alpha
        let zMax = (big - small) / (big + (data.tx.min() ?? 0))
        var tables = [SpecialFunctions.APlusOneTerms?](repeating: nil, count: data.maxX + 1)
        var heads = [(value: Double, gradient: SIMD4<Double>)?](repeating: nil, count: data.maxX + 1)
        if data.maxX <= 100_000 {
            var present = [Bool](repeating: false, count: data.maxX + 1)
            for x in data.x where x == x.rounded() && x >= 0 { present[Int(x)] = true }
            for xi in present.indices where present[xi] {
                let x = Double(xi)
                tables[xi] = SpecialFunctions.APlusOneTerms(a: p.r + p.s + x, b: alphaBig ? p.s + 1 : p.r + x, zMax: zMax)
                heads[xi] = head(p, x: x)
            }
        }
        let (terms, headOf) = (tables, heads)
        let v = BlockSum.sum(count: data.x.count, width: 5) { range in
            var ll = 0.0, g = SIMD4<Double>()
            for i in range {
                let x = data.x[i]
                let whole = x == x.rounded() && x >= 0 && Int(x) < terms.count
                let (value, gradient) = logLikelihoodWithGradient(p, x: x, tx: data.tx[i], T: data.T[i], terms: whole ? terms[Int(x)] : nil,
                                                                  head: whole ? headOf[Int(x)] : nil)
                ll += data.weight[i] * value
                g += data.weight[i] * gradient
            }
            return [ll, g[0], g[1], g[2], g[3]]
        }
        return (v[0], Array(v[1...]))
    }

    public static func fit(frequency: [Double], recency: [Double], age: [Double]) -> ModelFit {
        fit(CollapsedSummary(x: frequency, tx: recency, T: age))
    }

    /// Maximum-likelihood fit on collapsed rows, with the analytic gradient.
    public static func fit(_ data: CollapsedSummary) -> ModelFit {
        let meanT = data.weightedSum { _, _, T in T } / Double(max(1, data.customers))
        let starts: [[Double]] = [[1, max(1, meanT / 4), 1, max(1, meanT / 4)], [0.5, max(1, meanT / 2), 0.5, max(1, meanT)]]
        return LikelihoodFit.fit(names: ["r", "alpha", "s", "beta"], starts: starts, data: data) { v, rows in
            logLikelihoodWithGradient(Parameters(r: v[0], alpha: v[1], s: v[2], beta: v[3]), rows)
        }
    }

    /// P(alive | x, t_x, T).
    public static func probabilityAlive(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let lnRatio = log(p.s / (p.r + p.s + x)) + (p.r + x) * log(p.alpha + T) + p.s * log(p.beta + T) + logA0(p, x: x, tx: tx, T: T)
        return 1 / (1 + exp(lnRatio))
    }

    /// E[Y(t) | x, t_x, T]; at s = 1 the limit (a logarithm) is used.
    public static func expectedPurchases(_ p: Parameters, t: Double, x: Double, tx: Double, T: Double) -> Double {
        expectedIfAlive(p, t: t, x: x, T: T) * probabilityAlive(p, x: x, tx: tx, T: T)
    }

    /// E[Y(t)] for a customer known to be alive: `aliveFactor(x, T)` × `shape(t, T)`.
    static func expectedIfAlive(_ p: Parameters, t: Double, x: Double, T: Double) -> Double {
        aliveFactor(p, x: x, T: T) * shape(p, t: t, T: T)
    }

    /// The part of E[Y(t) | alive] that depends on x: (r + x)/(α + T) · (β + T), over s − 1
    /// unless s = 1.
    public static func aliveFactor(_ p: Parameters, x: Double, T: Double) -> Double {
        let rate = (p.r + x) / (p.alpha + T)
        return abs(p.s - 1) < 1e-9 ? rate * (p.beta + T) : rate * (p.beta + T) / (p.s - 1)
    }

    /// The part that depends on t and T only: 1 − ((β+T)/(β+T+t))^(s−1), or ln((β+T+t)/(β+T))
    /// at s = 1. Customers of the same age share it, so the horizon's sums are computed once
    /// per age (`horizonSums`).
    public static func shape(_ p: Parameters, t: Double, T: Double) -> Double {
        if abs(p.s - 1) < 1e-9 { return log((p.beta + T + t) / (p.beta + T)) }
        return 1 - pow((p.beta + T) / (p.beta + T + t), p.s - 1)
    }

    /// (shape over the horizon, the same discounted): multiplied by P(alive) and
    /// `aliveFactor`, a customer's expected and discounted purchases.
    public static func horizonSums(_ p: Parameters, T: Double, horizon: Double, ratePerUnit: Double) -> (total: Double, discounted: Double) {
        GaussLegendre.discounted({ shape(p, t: $0, T: T) }, horizon: horizon, ratePerUnit: ratePerUnit)
    }

    /// Expected purchases over `horizon` and the same discounted (see
    /// `GaussLegendre.discounted`): P(alive) × `aliveFactor` × `horizonSums`.
    public static func purchasesOverHorizon(_ p: Parameters, x: Double, tx: Double, T: Double,
                                            horizon: Double, ratePerUnit: Double) -> (total: Double, discounted: Double) {
        let scale = probabilityAlive(p, x: x, tx: tx, T: T) * aliveFactor(p, x: x, T: T)
        let sums = horizonSums(p, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
        return (scale * sums.total, scale * sums.discounted)
    }
}
