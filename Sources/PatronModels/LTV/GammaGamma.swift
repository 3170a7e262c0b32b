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
        for i in x.indices {
            let px = m.p * x[i], z = mean[i], xi = x[i]
            let denominator = m.gamma + xi * z
            ll += SpecialFunctions.lnGamma(px + m.q) - SpecialFunctions.lnGamma(px) - lgQ + m.q * lnGamma_
                + px * log(xi) + (px - 1) * log(z) - (px + m.q) * log(denominator)
            let psiPXQ = SpecialFunctions.digamma(px + m.q)
            g[0] += xi * (psiPXQ - SpecialFunctions.digamma(px) + log(xi) + log(z) - log(denominator))
            g[1] += psiPXQ - psiQ + lnGamma_ - log(denominator)
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
        let starts: [[Double]] = [[1, 2, meanZ], [5, 3, meanZ * 2], [2, 5, meanZ * 4]]
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
