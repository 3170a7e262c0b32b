import Foundation

/// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD in which a customer may
/// also drop out right after the first purchase, so a customer with no repeat purchase is
/// not assumed alive.
///
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) − ln Γ(b) − ln Γ(a+b+x+1) + ln Γ(b+x)
///        + ln( (b+x)(α+T)^−(r+x) + a (α+t_x)^−(r+x) ),
/// the last term by log-sum-exp, with the analytic gradient.
public enum MBGNBD {
    /// r, α, a, b, as BG/NBD's.
    public typealias Parameters = BGNBD.Parameters

    static func logLikelihood(_ p: Parameters, x: Double, tx: Double, T: Double) -> Double {
        let head =
            SpecialFunctions.lnGamma(p.r + x) - SpecialFunctions.lnGamma(p.r) + p.r * log(p.alpha)
            + SpecialFunctions.lnGamma(p.a + p.b) - SpecialFunctions.lnGamma(p.b)
            - SpecialFunctions.lnGamma(p.a + p.b + x + 1)
            + SpecialFunctions.lnGamma(p.b + x)
        let u = log(p.b + x) - (p.r + x) * log(p.alpha + T)
        let v = log(p.a) - (p.r + x) * log(p.alpha + tx)
        let top = max(u, v)
        return head + top + log(exp(u - top) + exp(v - top))
    }

    package static func logLikelihood(_ p: Parameters, _ data: CollapsedSummary) -> Double {
        data.weightedSum { logLikelihood(p, x: $0, tx: $1, T: $2) }
    }

    /// ln L over the rows and its analytic gradient in (r, α, a, b). The x-only terms (ln Γ and
    /// ψ of r+x, b+x, a+b+x+1) are tabulated once per frequency; rows are summed in fixed
    /// blocks on all cores.
    package static func logLikelihoodWithGradient(
        _ p: Parameters, _ data: CollapsedSummary
    ) -> (value: Double, gradient: [Double]) {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let lnA = log(a), lnAlpha = log(alpha)
        let headConstant =
            -SpecialFunctions.lnGamma(r) + r * lnAlpha + SpecialFunctions.lnGamma(a + b) - SpecialFunctions.lnGamma(b)
        let psiR = SpecialFunctions.digamma(r), psiAB = SpecialFunctions.digamma(a + b),
            psiB = SpecialFunctions.digamma(b)
        let m = data.maxX + 1
        var head = [Double](repeating: 0, count: m), headGradient = [SIMD4<Double>](repeating: .zero, count: m)
        for xi in 0..<m {
            let x = Double(xi)
            let psiABX1 = SpecialFunctions.digamma(a + b + x + 1)
            head[xi] =
                headConstant + SpecialFunctions.lnGamma(r + x) - SpecialFunctions.lnGamma(a + b + x + 1)
                + SpecialFunctions.lnGamma(b + x)
            headGradient[xi] = SIMD4(
                SpecialFunctions.digamma(r + x) - psiR + lnAlpha, r / alpha, psiAB - psiABX1,
                psiAB - psiB - psiABX1 + SpecialFunctions.digamma(b + x))
        }
        let (heads, headGradients) = (head, headGradient)
        let v = BlockSum.sum(count: data.x.count, width: 5) { range in
            var ll = 0.0, g = SIMD4<Double>()
            for i in range {
                let x = data.x[i], xi = Int(x), w = data.weight[i]
                let lnAT = log(alpha + data.T[i]), lnATX = log(alpha + data.tx[i])
                let u = log(b + x) - (r + x) * lnAT, v = lnA - (r + x) * lnATX
                let top = max(u, v)
                let eu = exp(u - top), ev = exp(v - top)
                let wu = eu / (eu + ev), wv = ev / (eu + ev)
                ll += w * (heads[xi] + top + log(eu + ev))
                let dr: Double = -wu * lnAT - wv * lnATX
                let dAlpha: Double = -(r + x) * (wu / (alpha + data.T[i]) + wv / (alpha + data.tx[i]))
                let tail = SIMD4<Double>(dr, dAlpha, wv / a, wu / (b + x))
                g += w * (headGradients[xi] + tail)
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
        let meanT = data.weightedSum { _, _, T in T } / Double(max(1, data.customers))
        let starts: [[Double]] = [[1, max(1, meanT / 10), 1, 1], [0.5, max(0.5, meanT / 5), 0.5, 2]]
        let fit = LikelihoodFit.fit(names: ["r", "alpha", "a", "b"], starts: starts, data: data) { v, rows in
            logLikelihoodWithGradient(Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3]), rows)
        }
        let a = fit.values[2], b = fit.values[3]
        return fit.diagnosingDropout(
            leaving: a / (a + b), parameters: "a = \(ModelFit.short(a)), b = \(ModelFit.short(b))",
            what: "the mean chance of leaving at each purchase, a/(a+b)",
            alternative: "pareto-nbd (customers may leave at any time, not only at a purchase)", data: data)
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
