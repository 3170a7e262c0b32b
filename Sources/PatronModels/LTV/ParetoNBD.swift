import Foundation
import PatronSupport
import PatronTable

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
    /// r and α of the gamma-distributed purchase rate, s and β of the gamma-distributed drop-out
    /// rate.
    public struct Parameters: Sendable, Equatable {
        public var r, alpha, s, beta: Double
        /// The model at these parameters.
        public init(r: Double, alpha: Double, s: Double, beta: Double) {
            self.r = r
            self.alpha = alpha
            self.s = s
            self.beta = beta
        }
        /// The fitted parameters of a `fit`.
        public init(_ fit: ModelFit) {
            self.init(r: fit.value("r"), alpha: fit.value("alpha"), s: fit.value("s"), beta: fit.value("beta"))
        }
    }

    /// ln A₀ (see the note), for one customer.
    static func logA0(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let rsx = p.r + p.s + x
        let big = max(p.alpha, p.beta), b2 = p.alpha >= p.beta ? p.s + 1 : p.r + x
        let z = argument(p, SIMD2(tx, T))
        // The Euler-transformed series where it applies (its terms fall from the start), else
        // the general ₂F₁.
        let lnF: SIMD2<Double> =
            SpecialFunctions.lnHypergeometricAPlusOne(rsx, b2, z)?.value
            ?? SIMD2(
                log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, z[0])),
                log(SpecialFunctions.hypergeometric2F1(rsx, b2, rsx + 1, z[1])))
        let u = lnF[0] - rsx * log(big + tx)
        let v = lnF[1] - rsx * log(big + T)
        // u ≥ v: the t_x term is the larger one. Where they are (numerically) equal, A₀ → 0.
        let d = v - u
        return d < 0 ? u + log(-expm1(d)) : -.infinity
    }

    /// ln L for one customer.
    static func logLikelihood(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let head =
            SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        let first = -(p.r + x) * log(p.alpha + T) - p.s * log(p.beta + T)
        let second = log(p.s / (p.r + p.s + x)) + logA0(p, x: x, tx: tx, T: T)
        let top = max(first, second)
        return head + top + log(exp(first - top) + exp(second - top))
    }

    package static func logLikelihood(_ p: Parameters, _ data: CollapsedSummary) -> Double {
        data.weightedSum { logLikelihood(p, x: $0, tx: $1, T: $2) }
    }

    /// The ₂F₁ arguments z(t) = (max(α, β) − min(α, β)) / (max(α, β) + t) at two times.
    static func argument(_ p: Parameters, _ times: SIMD2<Double>) -> SIMD2<Double> {
        let big = max(p.alpha, p.beta), small = min(p.alpha, p.beta)
        return (big - small) / (big + times)
    }

    typealias ValueAndGradient = (value: Double, gradient: SIMD4<Double>)

    /// The two terms of ln A₀'s difference, u(t) = ln ₂F₁(a, b₂; a+1; z(t)) − a ln(max(α, β) + t)
    /// with a = r+s+x, and their gradients in (r, α, s, β), at two times (lanes) from the
    /// series `f` at z(t).
    static func a0Terms(
        _ p: Parameters, x: Double, times: SIMD2<Double>,
        f: SpecialFunctions.APlusOneResult
    ) -> (ValueAndGradient, ValueAndGradient) {
        let rsx = p.r + p.s + x
        let alphaBig = p.alpha >= p.beta
        let big = alphaBig ? p.alpha : p.beta, small = alphaBig ? p.beta : p.alpha
        // Through a the series moves with r and s, through b₂ with s (α ≥ β) or r (α < β),
        // through z with α and β.
        let lnBig = SIMD2(log(big + times[0]), log(big + times[1]))
        let dzBig = (times + small) / ((big + times) * (big + times)) * f.dz  // by the larger of α, β
        let dzSmall = -1 / (big + times) * f.dz  // by the smaller
        let zero = SIMD2<Double>()
        let dr = f.da + (alphaBig ? zero : f.db) - lnBig
        let ds = f.da + (alphaBig ? f.db : zero) - lnBig
        let dBig = dzBig - rsx / (big + times)
        func gradient(_ i: Int) -> SIMD4<Double> {
            alphaBig ? SIMD4(dr[i], dBig[i], ds[i], dzSmall[i]) : SIMD4(dr[i], dzSmall[i], ds[i], dBig[i])
        }
        let values = f.value - rsx * lnBig
        return ((values[0], gradient(0)), (values[1], gradient(1)))
    }

    /// ln A₀ = ln(e^u − e^v) from its terms at t_x (u) and T (v); −∞ where they are
    /// numerically equal.
    @inline(__always)
    static func logA0(_ u: ValueAndGradient, _ v: ValueAndGradient) -> ValueAndGradient {
        let d = v.value - u.value
        guard d < 0 else { return (-.infinity, SIMD4(repeating: 0)) }
        let e = exp(d)
        // ln(1 − e^d): expm1 only where 1 − e^d would cancel.
        let lnDifference = e > 0.5 ? log(-expm1(d)) : log(1 - e)
        return (u.value + lnDifference, (u.gradient - e * v.gradient) / (1 - e))
    }

    /// ln A₀ and its gradient in (r, α, s, β), from the ₂F₁ series with its derivatives;
    /// nil where a ₂F₁ argument is beyond the series range (the caller differentiates
    /// numerically there).
    static func logA0WithGradient(_ p: Parameters, x: Double, tx: Double, T: Double) -> ValueAndGradient? {
        let times = SIMD2(tx, T)
        let z = argument(p, times)
        guard let f = SpecialFunctions.lnHypergeometricAPlusOne(p.r + p.s + x, p.alpha >= p.beta ? p.s + 1 : p.r + x, z)
        else { return nil }
        let (u, v) = a0Terms(p, x: x, times: times, f: f)
        return logA0(u, v)
    }

    /// ln L for one customer and its gradient in (r, α, s, β); central differences for the
    /// few customers whose ₂F₁ arguments are beyond the series range.
    static func logLikelihoodWithGradient(
        _ p: Parameters, x: Double, tx: Double, T: Double,
        frequency given: FrequencyTerms? = nil
    ) -> ValueAndGradient {
        guard let a0 = logA0WithGradient(p, x: x, tx: tx, T: T) else {
            let v = [p.r, p.alpha, p.s, p.beta]
            var g = SIMD4<Double>()
            for j in 0..<4 {
                var up = v, down = v
                let h = 1e-6 * v[j]
                up[j] += h
                down[j] -= h
                g[j] =
                    (logLikelihood(Parameters(r: up[0], alpha: up[1], s: up[2], beta: up[3]), x: x, tx: tx, T: T)
                        - logLikelihood(
                            Parameters(r: down[0], alpha: down[1], s: down[2], beta: down[3]), x: x, tx: tx, T: T))
                    / (2 * h)
            }
            return (logLikelihood(p, x: x, tx: tx, T: T), g)
        }
        return logLikelihoodWithGradient(p, a0: a0, frequency: given ?? frequencyTerms(p, x: x), age: ageTerms(p, T: T))
    }

    /// ln L for one customer and its gradient, given ln A₀ and the parts that depend on x
    /// alone and on T alone: ln L = head + ln(e^first + e^second), first = −(r+x) ln(α+T) −
    /// s ln(β+T), second = ln(s/(r+s+x)) + ln A₀.
    @inline(__always)
    static func logLikelihoodWithGradient(
        _ p: Parameters, a0: ValueAndGradient, frequency f: FrequencyTerms,
        age: SIMD4<Double>
    ) -> ValueAndGradient {
        let first = -f.rx * age[0] - p.s * age[1]
        let firstGradient = SIMD4(-age[0], -f.rx * age[2], -age[1], -p.s * age[3])
        let second = f.lnShare + a0.value
        // ln(e^first + e^second) = max + ln(1 + e^−|first − second|): one exp and one log
        // (second is −∞ where A₀ vanishes; e is 0 then).
        let e = exp(-abs(first - second)), weight = 1 / (1 + e)
        let (w1, w2) = first >= second ? (weight, e * weight) : (e * weight, weight)
        var gradient = f.head.gradient + w1 * firstGradient
        if w2 > 0 { gradient += w2 * (a0.gradient + f.shareGradient) }
        return (f.head.value + max(first, second) + log(1 + e), gradient)
    }

    /// ln(α + T), ln(β + T), 1/(α + T), 1/(β + T): per distinct age in a sum over rows.
    static func ageTerms(_ p: Parameters, T: Double) -> SIMD4<Double> {
        SIMD4(log(p.alpha + T), log(p.beta + T), 1 / (p.alpha + T), 1 / (p.beta + T))
    }

    /// The parts of ln L that depend on x alone.
    struct FrequencyTerms: Sendable {
        /// ln Γ(r+x) − ln Γ(r) + r ln α + s ln β and its gradient (ln Γ and ψ per row would
        /// cost more than the rest of a row's likelihood).
        var head: ValueAndGradient
        /// r + x; ln(s/(r+s+x)) and its gradient.
        var rx: Double, lnShare: Double, shareGradient: SIMD4<Double>
    }

    static func frequencyTerms(_ p: Parameters, x: Double) -> FrequencyTerms {
        let rsx = p.r + p.s + x
        let head = (
            SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta),
            SIMD4(
                SpecialFunctions.digamma(p.r + x) - SpecialFunctions.digamma(p.r) + log(p.alpha), p.r / p.alpha,
                log(p.beta), p.s / p.beta)
        )
        return FrequencyTerms(
            head: head, rx: p.r + x, lnShare: log(p.s / rsx), shareGradient: SIMD4(-1 / rsx, 0, 1 / p.s - 1 / rsx, 0))
    }

    /// A₀'s two terms (`a0Terms`) at every distinct (x, t) pair of the rows, on all cores; nil
    /// for a pair beyond the series' range (its rows are computed on their own), and nil
    /// altogether where frequencies are not whole numbers.
    static func termsOfPairs(
        _ p: Parameters, _ data: CollapsedSummary
    ) -> (pairs: FrequencyTimePairs, terms: [ValueAndGradient?])? {
        guard let pairs = data.pairs ?? FrequencyTimePairs(data) else { return nil }
        // The series' (a, b) depend on x alone: one table of its divisions per frequency.
        let alphaBig = p.alpha >= p.beta
        let zMax = argument(p, SIMD2(repeating: data.grid.min() ?? 0))[0]
        var tables = [SpecialFunctions.APlusOneTerms?](repeating: nil, count: data.maxX + 1)
        if data.maxX <= 100_000 {
            for xi in Set(pairs.x) {
                let x = Double(xi)
                tables[Int(xi)] = SpecialFunctions.APlusOneTerms(
                    a: p.r + p.s + x, b: alphaBig ? p.s + 1 : p.r + x, zMax: zMax)
            }
        }
        let series = tables
        // Two pairs of the same x share a pass of the series (blocks of an even size, so the
        // pairing does not depend on the cores).
        let terms = ParallelBlocks.map(count: pairs.count, block: 4_096) { range in
            var out = [ValueAndGradient?](repeating: nil, count: range.count)
            var i = range.lowerBound
            while i < range.upperBound {
                let xi = Int(pairs.x[i])
                let j = i + 1 < range.upperBound && pairs.x[i + 1] == pairs.x[i] ? i + 1 : i
                let times = SIMD2(data.grid[Int(pairs.slot[i])], data.grid[Int(pairs.slot[j])])
                let z = argument(p, times), x = Double(xi)
                let table = xi < series.count ? series[xi] : nil
                if let f = table.flatMap({ SpecialFunctions.lnHypergeometricAPlusOne($0, z) })
                    ?? SpecialFunctions.lnHypergeometricAPlusOne(p.r + p.s + x, alphaBig ? p.s + 1 : p.r + x, z)
                {
                    let (u, v) = a0Terms(p, x: x, times: times, f: f)
                    out[i - range.lowerBound] = u
                    out[j - range.lowerBound] = v
                }
                i = j + 1
            }
            return out
        }
        return (pairs, Array(terms.joined()))
    }

    /// ln L over the rows and its gradient, in fixed blocks on all cores: A₀'s two terms once
    /// per distinct (x, t) pair, the parts that depend on x or T alone once per frequency and
    /// age, then each row combines its pieces.
    package static func logLikelihoodWithGradient(
        _ p: Parameters, _ data: CollapsedSummary
    ) -> (value: Double, gradient: [Double]) {
        var frequencies = [FrequencyTerms?](repeating: nil, count: data.maxX + 1)
        if data.maxX <= 100_000 {
            for x in data.x where x == x.rounded() && x >= 0 && frequencies[Int(x)] == nil {
                frequencies[Int(x)] = frequencyTerms(p, x: x)
            }
        }
        let termsOfX = frequencies
        let ages = data.grid.map { ageTerms(p, T: $0) }
        let pairs = termsOfPairs(p, data)
        let v = BlockSum.sum(count: data.x.count, width: 5) { range in
            var ll = 0.0, g = SIMD4<Double>()
            for i in range {
                let x = data.x[i]
                let frequency = x == x.rounded() && x >= 0 && Int(x) < termsOfX.count ? termsOfX[Int(x)] : nil
                let value: Double, gradient: SIMD4<Double>
                if let pairs, let u = pairs.terms[Int(pairs.pairs.txPair[i])],
                    let w = pairs.terms[Int(pairs.pairs.tPair[i])]
                {
                    (value, gradient) = logLikelihoodWithGradient(
                        p, a0: logA0(u, w), frequency: frequency ?? frequencyTerms(p, x: x),
                        age: ages[Int(data.tSlot[i])])
                } else {
                    (value, gradient) = logLikelihoodWithGradient(
                        p, x: x, tx: data.tx[i], T: data.T[i], frequency: frequency)
                }
                ll += data.weight[i] * value
                g += data.weight[i] * gradient
            }
            return [ll, g[0], g[1], g[2], g[3]]
        }
        return (v[0], Array(v[1...]))
    }

    /// Maximum-likelihood fit to per-customer frequency (repeat purchases), recency (time of the
    /// last one) and age (time since the first), in one time unit.
    public static func fit(frequency: [Double], recency: [Double], age: [Double]) -> ModelFit {
        fit(CollapsedSummary(x: frequency, tx: recency, T: age))
    }

    /// Maximum-likelihood fit on collapsed rows, with the analytic gradient.
    public static func fit(_ data: CollapsedSummary) -> ModelFit {
        let data = data.pairs == nil ? data.withFrequencyTimePairs() : data
        let meanT = data.weightedSum { _, _, T in T } / Double(max(1, data.customers))
        let starts: [[Double]] = [
            [1, max(1, meanT / 4), 1, max(1, meanT / 4)], [0.5, max(1, meanT / 2), 0.5, max(1, meanT)],
        ]
        let fit = LikelihoodFit.fit(names: ["r", "alpha", "s", "beta"], starts: starts, data: data) { v, rows in
            logLikelihoodWithGradient(Parameters(r: v[0], alpha: v[1], s: v[2], beta: v[3]), rows)
        }
        let s = fit.values[2], beta = fit.values[3]
        return fit.diagnosingDropout(
            leaving: -expm1(s * log(beta / (beta + meanT))),
            parameters: "s = \(ModelFit.short(s)), beta = \(ModelFit.short(beta))",
            what: "the share expected to leave within the customers' mean age, 1 − (β/(β+T̄))^s",
            alternative: "bg-nbd or mbg-nbd (customers may leave after a purchase)", data: data)
    }

    /// P(alive | x, t_x, T).
    public static func probabilityAlive(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        aliveGivenA0(p, x: x, T: T, logA0: logA0(p, x: x, tx: tx, T: T))
    }

    /// P(alive) for each of the rows: A₀'s terms once per distinct (x, t) pair.
    package static func probabilityAlive(_ p: Parameters, _ rows: CollapsedSummary) -> [Double] {
        let pairs = termsOfPairs(p, rows)
        return Array(
            ParallelBlocks.map(count: rows.x.count, block: 16_384) { range in
                range.map { i -> Double in
                    let (x, T) = (rows.x[i], rows.T[i])
                    guard let pairs, let u = pairs.terms[Int(pairs.pairs.txPair[i])],
                        let v = pairs.terms[Int(pairs.pairs.tPair[i])]
                    else {
                        return probabilityAlive(p, x: x, tx: rows.tx[i], T: T)
                    }
                    return aliveGivenA0(p, x: x, T: T, logA0: logA0(u, v).value)
                }
            }.joined())
    }

    static func aliveGivenA0(_ p: Parameters, x: Double, T: Double, logA0: Double) -> Double {
        1 / (1 + exp(log(p.s / (p.r + p.s + x)) + (p.r + x) * log(p.alpha + T) + p.s * log(p.beta + T) + logA0))
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
    package static func aliveFactor(_ p: Parameters, x: Double, T: Double) -> Double {
        let rate = (p.r + x) / (p.alpha + T)
        return abs(p.s - 1) < 1e-9 ? rate * (p.beta + T) : rate * (p.beta + T) / (p.s - 1)
    }

    /// The part that depends on t and T only: 1 − ((β+T)/(β+T+t))^(s−1), or ln((β+T+t)/(β+T))
    /// at s = 1. Customers of the same age share it, so the horizon's sums are computed once
    /// per age (`horizonSums`).
    package static func shape(_ p: Parameters, t: Double, T: Double) -> Double {
        if abs(p.s - 1) < 1e-9 { return log((p.beta + T + t) / (p.beta + T)) }
        return 1 - pow((p.beta + T) / (p.beta + T + t), p.s - 1)
    }

    /// (shape over the horizon, the same discounted): multiplied by P(alive) and
    /// `aliveFactor`, a customer's expected and discounted purchases.
    package static func horizonSums(
        _ p: Parameters, T: Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        GaussLegendre.discounted({ shape(p, t: $0, T: T) }, horizon: horizon, ratePerUnit: ratePerUnit)
    }

    /// Expected purchases over `horizon` and the same discounted (see
    /// `GaussLegendre.discounted`): P(alive) × `aliveFactor` × `horizonSums`.
    public static func purchasesOverHorizon(
        _ p: Parameters, x: Double, tx: Double, T: Double,
        horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        let scale = probabilityAlive(p, x: x, tx: tx, T: T) * aliveFactor(p, x: x, T: T)
        let sums = horizonSums(p, T: T, horizon: horizon, ratePerUnit: ratePerUnit)
        return (scale * sums.total, scale * sums.discounted)
    }
}
