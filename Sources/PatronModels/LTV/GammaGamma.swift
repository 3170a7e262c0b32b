import Foundation

/// The Gamma-Gamma model of monetary value (Fader & Hardie, "The Gamma-Gamma Model of
/// Monetary Value", 2013): a customer's transactions are Gamma(p, ν), and ν ~ Gamma(q, γ)
/// across customers. Fitted on repeat buyers only (x ≥ 1, mean repeat value z̄ > 0).
public enum GammaGamma {
    public struct Parameters: Sendable, Equatable {
        public var p, q, gamma: Double
        public init(p: Double, q: Double, gamma: Double) {
            self.p = p
            self.q = q
            self.gamma = gamma
        }
        public init(_ fit: ModelFit) { self.init(p: fit.value("p"), q: fit.value("q"), gamma: fit.value("gamma")) }
    }

    public static func logLikelihood(_ m: Parameters, x: [Double], mean: [Double]) -> (value: Double, gradient: [Double]) {
        var ll = 0.0, g = [0.0, 0.0, 0.0]
        let lgQ = SpecialFunctions.lnGamma(m.q), psiQ = SpecialFunctions.digamma(m.q), lnGamma_ = log(m.gamma)
        // Per whole-number x: ln Γ(px + q) − ln Γ(px) and the matching ψ terms.
        let maxX = Int(x.max() ?? 0)
        var lg = [Double](repeating: 0, count: maxX + 1), psiSum = [Double](repeating: 0, count: maxX + 1)
        var psiDiff = [Double](repeating: 0, count: maxX + 1), lnX = [Double](repeating: 0, count: maxX + 1)
        let whole = x.allSatisfy { $0 == $0.rounded() }
        if whole {
            for k in 1...max(1, maxX) where k <= maxX {
                let px = m.p * Double(k)
                lg[k] = SpecialFunctions.lnGamma(px + m.q) - SpecialFunctions.lnGamma(px)
                psiSum[k] = SpecialFunctions.digamma(px + m.q)
                psiDiff[k] = psiSum[k] - SpecialFunctions.digamma(px)
                lnX[k] = log(Double(k))
            }
        }
        for i in x.indices {
            let px = m.p * x[i], z = mean[i], xi = x[i]
            let k = Int(xi)
            let denominator = m.gamma + xi * z
            let lnDen = log(denominator), lnZ = log(z)
            let lgTerm = whole ? lg[k] : SpecialFunctions.lnGamma(px + m.q) - SpecialFunctions.lnGamma(px)
            let lnXi = whole ? lnX[k] : log(xi)
            ll += lgTerm - lgQ + m.q * lnGamma_ + px * lnXi + (px - 1) * lnZ - (px + m.q) * lnDen
            let psiPXQ = whole ? psiSum[k] : SpecialFunctions.digamma(px + m.q)
            let diff = whole ? psiDiff[k] : psiPXQ - SpecialFunctions.digamma(px)
            g[0] += xi * (diff + lnXi + lnZ - lnDen)
            g[1] += psiPXQ - psiQ + lnGamma_ - lnDen
            g[2] += m.q / m.gamma - (px + m.q) / denominator
        }
        return (ll, g)
    }

    /// Fits on the customers with x ≥ 1 and a positive mean; the others are left out.
    public static func fit(frequency: [Double], monetary: [Double]) -> ModelFit {
        let buyers = frequency.indices.filter { frequency[$0] >= 1 && monetary[$0] > 0 }
        let x = buyers.map { frequency[$0] }, z = buyers.map { monetary[$0] }
        guard !buyers.isEmpty else {
            return ModelFit(names: ["p", "q", "gamma"], values: [.nan, .nan, .nan], standardErrors: [.nan, .nan, .nan],
                            logLikelihood: .nan, n: 0, iterations: 0, converged: false,
                            diagnostic: "no repeat buyers with a positive spend: Gamma-Gamma cannot be fitted; expected spend falls back to each customer's own mean")
        }
        let meanZ = z.reduce(0, +) / Double(z.count)
        var starts: [[Double]] = [[1, 2, meanZ], [5, 3, meanZ * 2], [2, 5, meanZ * 4]]
        if buyers.count > 50_000 {
            // Choose among the starts on every 20th buyer, then refine the best on all.
            let pick = Array(stride(from: 0, to: buyers.count, by: 20))
            let sx = pick.map { x[$0] }, sz = pick.map { z[$0] }
            let rough = LikelihoodFit.fit(names: ["p", "q", "gamma"], starts: starts, n: pick.count, standardErrors: false) { v in
                let (ll, g) = logLikelihood(Parameters(p: v[0], q: v[1], gamma: v[2]), x: sx, mean: sz)
                return (-ll, g.map { -$0 })
            }
            if rough.values.allSatisfy({ $0.isFinite && $0 > 0 }) { starts = [rough.values] }
        }
        var fit = LikelihoodFit.fit(names: ["p", "q", "gamma"], starts: starts, n: buyers.count) { v in
            let (ll, g) = logLikelihood(Parameters(p: v[0], q: v[1], gamma: v[2]), x: x, mean: z)
            return (-ll, g.map { -$0 })
        }
        if fit.value("q") <= 1 {
            fit.converged = false
            fit.diagnostic = "q = \(fit.value("q")) ≤ 1: the mean spend of the population is infinite under this fit; expected spend falls back to each customer's own mean"
        }
        return fit
    }

    /// E[spend per transaction | x, z̄]: a weighted average of the population mean and the
    /// customer's own mean. Falls back to the customer's mean when q ≤ 1.
    public static func expectedSpend(_ m: Parameters, x: Double, mean: Double) -> Double {
        guard m.q > 1 else { return mean }
        return m.p * (m.gamma + x * mean) / (m.p * x + m.q - 1)
    }

    /// Pearson correlation of frequency and mean spend among repeat buyers: the model assumes
    /// it is near zero.
    public static func spendFrequencyCorrelation(frequency: [Double], monetary: [Double]) -> Double {
        let idx = frequency.indices.filter { frequency[$0] >= 1 && monetary[$0] > 0 }
        guard idx.count > 2 else { return .nan }
        let x = idx.map { frequency[$0] }, y = idx.map { monetary[$0] }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my) }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }
}
