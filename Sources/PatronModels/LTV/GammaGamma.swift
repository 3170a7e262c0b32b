import Foundation

/// The Gamma-Gamma model of monetary value (Fader & Hardie, "The Gamma-Gamma Model of
/// Monetary Value", 2013): a customer's transactions are Gamma(p, ν), and ν ~ Gamma(q, γ)
/// across customers. Fitted on repeat buyers only (x ≥ 1, mean repeat value z̄ > 0).
public enum GammaGamma {
    /// p, q and γ: spend per purchase is gamma(p, ν) with ν gamma(q, γ) across customers.
    public struct Parameters: Sendable, Equatable {
        public var p, q, gamma: Double
        /// The model at these parameters.
        public init(p: Double, q: Double, gamma: Double) {
            self.p = p
            self.q = q
            self.gamma = gamma
        }
        /// The fitted parameters of a `fit`.
        public init(_ fit: ModelFit) { self.init(p: fit.value("p"), q: fit.value("q"), gamma: fit.value("gamma")) }
    }

    /// The repeat buyers a fit uses, with what does not change between likelihood calls
    /// (ln z̄, ln x) computed once.
    package struct Buyers: Sendable {
        package let x: [Double], mean: [Double]
        let lnMean: [Double], lnX: [Double]
        /// Frequencies are whole numbers up to `maxX`: ln Γ and ψ tabulated per x.
        let whole: Bool, maxX: Int

        package init(x: [Double], mean: [Double]) {
            self.x = x
            self.mean = mean
            lnMean = mean.map { log($0) }
            lnX = x.map { log($0) }
            whole = x.allSatisfy { $0 == $0.rounded() && $0 < 1e6 }
            maxX = whole ? Int(x.max() ?? 0) : 0
        }

        package var count: Int { x.count }

        /// Every `step`th buyer.
        func every(_ step: Int) -> Buyers {
            let pick = Array(stride(from: 0, to: count, by: step))
            return Buyers(x: pick.map { x[$0] }, mean: pick.map { mean[$0] })
        }
    }

    package static func logLikelihood(
        _ m: Parameters, x: [Double], mean: [Double]
    ) -> (value: Double, gradient: [Double]) {
        logLikelihood(m, Buyers(x: x, mean: mean))
    }

    /// ln L and its gradient in (p, q, γ); buyers are summed in fixed blocks on all cores.
    package static func logLikelihood(_ m: Parameters, _ data: Buyers) -> (value: Double, gradient: [Double]) {
        let lgQ = SpecialFunctions.lnGamma(m.q), psiQ = SpecialFunctions.digamma(m.q), lnGamma_ = log(m.gamma)
        // Per whole-number x: ln Γ(px + q) − ln Γ(px) and the matching ψ terms.
        var lg = [Double](repeating: 0, count: data.maxX + 1), psiSum = lg, psiDiff = lg
        for k in stride(from: 1, through: data.maxX, by: 1) {
            let px = m.p * Double(k)
            lg[k] = SpecialFunctions.lnGamma(px + m.q) - SpecialFunctions.lnGamma(px)
            psiSum[k] = SpecialFunctions.digamma(px + m.q)
            psiDiff[k] = psiSum[k] - SpecialFunctions.digamma(px)
        }
        let (lgTable, psiSumTable, psiDiffTable) = (lg, psiSum, psiDiff)
        let v = BlockSum.sum(count: data.count, width: 4) { range in
            var ll = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0
            for i in range {
                let xi = data.x[i], px = m.p * xi
                let denominator = m.gamma + xi * data.mean[i]
                let lnDen = log(denominator), lnZ = data.lnMean[i], lnXi = data.lnX[i]
                let lgTerm: Double, psiPXQ: Double, diff: Double
                if data.whole {
                    let k = Int(xi)
                    lgTerm = lgTable[k]
                    psiPXQ = psiSumTable[k]
                    diff = psiDiffTable[k]
                } else {
                    lgTerm = SpecialFunctions.lnGamma(px + m.q) - SpecialFunctions.lnGamma(px)
                    psiPXQ = SpecialFunctions.digamma(px + m.q)
                    diff = psiPXQ - SpecialFunctions.digamma(px)
                }
                ll += lgTerm - lgQ + m.q * lnGamma_ + px * lnXi + (px - 1) * lnZ - (px + m.q) * lnDen
                g0 += xi * (diff + lnXi + lnZ - lnDen)
                g1 += psiPXQ - psiQ + lnGamma_ - lnDen
                g2 += m.q / m.gamma - (px + m.q) / denominator
            }
            return [ll, g0, g1, g2]
        }
        return (v[0], Array(v[1...]))
    }

    /// Fits on the customers with x ≥ 1 and a positive mean; the others are left out.
    public static func fit(frequency: [Double], monetary: [Double]) -> ModelFit {
        let buyers = frequency.indices.filter { frequency[$0] >= 1 && monetary[$0] > 0 }
        guard !buyers.isEmpty else {
            return ModelFit(
                names: ["p", "q", "gamma"], values: [.nan, .nan, .nan], standardErrors: [.nan, .nan, .nan],
                logLikelihood: .nan, n: 0, iterations: 0, converged: false,
                diagnostic:
                    "no repeat buyers with a positive spend: Gamma-Gamma cannot be fitted; expected spend falls back to each customer's own mean"
            )
        }
        let data = Buyers(x: buyers.map { frequency[$0] }, mean: buyers.map { monetary[$0] })
        let meanZ = data.mean.reduce(0, +) / Double(data.count)
        let starts: [[Double]] = [[1, 2, meanZ], [5, 3, meanZ * 2], [2, 5, meanZ * 4]]
        func negLL(_ buyers: Buyers) -> ([Double]) -> (value: Double, gradient: [Double]) {
            { v in
                let (ll, g) = logLikelihood(Parameters(p: v[0], q: v[1], gamma: v[2]), buyers)
                return (-ll, g.map { -$0 })
            }
        }
        var fit = LikelihoodFit.fit(
            names: ["p", "q", "gamma"], starts: starts, n: data.count, rows: data.count,
            sample: {
                let s = data.every(20)
                return (s.count, negLL(s))
            }, negLL: negLL(data))
        if fit.value("q") <= 1 {
            fit.converged = false
            fit.diagnostic =
                "q = \(fit.value("q")) ≤ 1: the mean spend of the population is infinite under this fit; expected spend falls back to each customer's own mean"
        }
        return fit
    }

    /// E[spend per transaction | x, z̄]: a weighted average of the population mean and the
    /// customer's own mean. Falls back to the customer's mean when q ≤ 1.
    public static func expectedSpend(_ m: Parameters, x: Double, mean: Double) -> Double {
        guard m.q > 1 else { return mean }
        return m.p * (m.gamma + x * mean) / (m.p * x + m.q - 1)
    }

    /// Expected spend per transaction for any customer: `expectedSpend` for repeat buyers
    /// with a positive mean, the population mean p γ / (q − 1) for the others (NaN when
    /// q ≤ 1: the population mean is not finite).
    public static func expectedSpendAnyCustomer(_ m: Parameters, x: Double, mean: Double) -> Double {
        if x >= 1 && mean > 0 { return expectedSpend(m, x: x, mean: mean) }
        return m.q > 1 ? m.p * m.gamma / (m.q - 1) : .nan
    }

    /// Pearson correlation of frequency and mean spend among repeat buyers: the model assumes
    /// it is near zero.
    package static func spendFrequencyCorrelation(frequency: [Double], monetary: [Double]) -> Double {
        let idx = frequency.indices.filter { frequency[$0] >= 1 && monetary[$0] > 0 }
        guard idx.count > 2 else { return .nan }
        let x = idx.map { frequency[$0] }, y = idx.map { monetary[$0] }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }
}
