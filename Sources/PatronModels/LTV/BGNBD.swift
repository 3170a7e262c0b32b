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
    public struct Parameters: Sendable, Equatable {
        public var r, alpha, a, b: Double
        public init(r: Double, alpha: Double, a: Double, b: Double) {
            self.r = r
            self.alpha = alpha
            self.a = a
            self.b = b
        }
        public init(_ fit: ModelFit) {
            self.init(r: fit.value("r"), alpha: fit.value("alpha"), a: fit.value("a"), b: fit.value("b"))
        }
    }

    /// Distinct (x, t_x, T) with their counts.
    public struct Collapsed: Sendable {
        public var x: [Double], tx: [Double], T: [Double], weight: [Double]
        public var customers: Int

        public init(x: [Double], tx: [Double], T: [Double]) {
            var index = [[Double]: Int]()
            var cx = [Double](), ctx = [Double](), cT = [Double](), w = [Double]()
            for i in x.indices {
                let key = [x[i], tx[i], T[i]]
                if let k = index[key] { w[k] += 1 } else {
                    index[key] = cx.count
                    cx.append(x[i]); ctx.append(tx[i]); cT.append(T[i]); w.append(1)
                }
            }
            self.x = cx; self.tx = ctx; self.T = cT; self.weight = w
            customers = x.count
        }
    }

    /// The log-likelihood and its gradient with respect to (r, α, a, b).
    public static func logLikelihood(_ p: Parameters, _ data: Collapsed) -> (value: Double, gradient: [Double]) {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        var ll = 0.0
        var g = [0.0, 0.0, 0.0, 0.0]
        let psiR = SpecialFunctions.digamma(r), psiAB = SpecialFunctions.digamma(a + b), psiB = SpecialFunctions.digamma(b)
        let lgR = SpecialFunctions.lnGamma(r), lgAB = SpecialFunctions.lnGamma(a + b), lgB = SpecialFunctions.lnGamma(b)
        let lnAlpha = log(alpha)
        for i in data.x.indices {
            let x = data.x[i], tx = data.tx[i], T = data.T[i], w = data.weight[i]
            let a1 = SpecialFunctions.lnGamma(r + x) - lgR + r * lnAlpha
            let a2 = lgAB + SpecialFunctions.lnGamma(b + x) - lgB - SpecialFunctions.lnGamma(a + b + x)
            let a3 = -(r + x) * log(alpha + T)
            var w3 = 1.0, w4 = 0.0, tail = a3
            var a4 = 0.0
            if x > 0 {
                a4 = log(a) - log(b + x - 1) - (r + x) * log(alpha + tx)
                let top = max(a3, a4)
                tail = top + log(exp(a3 - top) + exp(a4 - top))
                w3 = exp(a3 - tail)
                w4 = exp(a4 - tail)
            }
            ll += w * (a1 + a2 + tail)
            let psiRX = SpecialFunctions.digamma(r + x), psiBX = SpecialFunctions.digamma(b + x), psiABX = SpecialFunctions.digamma(a + b + x)
            var dr = psiRX - psiR + lnAlpha - w3 * log(alpha + T)
            var dAlpha = r / alpha - w3 * (r + x) / (alpha + T)
            var da = psiAB - psiABX
            var db = psiAB + psiBX - psiB - psiABX
            if x > 0 {
                dr -= w4 * log(alpha + tx)
                dAlpha -= w4 * (r + x) / (alpha + tx)
                da += w4 / a
                db -= w4 / (b + x - 1)
            }
            g[0] += w * dr; g[1] += w * dAlpha; g[2] += w * da; g[3] += w * db
        }
        return (ll, g)
    }

    /// Maximum-likelihood fit from several starting points.
    public static func fit(frequency: [Double], recency: [Double], age: [Double]) -> ModelFit {
        let data = Collapsed(x: frequency, tx: recency, T: age)
        let meanT = age.reduce(0, +) / Double(max(1, age.count))
        let starts: [[Double]] = [[1, max(1, meanT / 10), 1, 1], [0.5, max(0.5, meanT / 5), 0.5, 2], [2, max(1, meanT), 2, 5]]
        return LikelihoodFit.fit(names: ["r", "alpha", "a", "b"], starts: starts, n: data.customers) { v in
            let (ll, g) = logLikelihood(Parameters(r: v[0], alpha: v[1], a: v[2], b: v[3]), data)
            return (-ll, g.map { -$0 })
        }
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
        let denominator = x > 0 ? 1 + exp(log(p.a / (p.b + x - 1)) + (p.r + x) * log((p.alpha + T) / (p.alpha + tx))) : 1
        return numerator / denominator
    }

    /// E[X(t)]: expected purchases of a new customer in `t` time units from acquisition.
    public static func populationExpected(_ p: Parameters, t: Double) -> Double {
        let hyp = SpecialFunctions.hypergeometric2F1(p.r, p.b, p.a + p.b - 1, t / (p.alpha + t))
        return (p.a + p.b - 1) / (p.a - 1) * (1 - pow(p.alpha / (p.alpha + t), p.r) * hyp)
    }
}
