import Foundation
import Testing

@testable import PatronModels

/// A million customers simulated from known BG/NBD and Gamma-Gamma parameters: the fits
/// recover them within three standard errors.
@Suite struct RecoveryTests {
    static let truth = (r: 0.25, alpha: 4.0, a: 0.8, b: 2.5, p: 6.25, q: 3.74, gamma: 15.44)

    /// Customers acquired over a year (T from 26 to 78 weeks, in whole days), purchases at
    /// exact times in weeks; spend per purchase Gamma(p, ν), ν ~ Gamma(q, γ).
    static func simulate(customers: Int, seed: UInt64) -> (x: [Double], tx: [Double], T: [Double], mean: [Double]) {
        var rng = RandomSource(seed: seed)
        let t = truth
        var x = [Double](), tx = [Double](), T = [Double](), mean = [Double]()
        for _ in 0..<customers {
            let lambda = rng.gamma(shape: t.r, rate: t.alpha)  // per week
            let drop = rng.beta(t.a, t.b)
            let nu = rng.gamma(shape: t.q, rate: t.gamma)
            let age = Double(182 + rng.below(365)) / 7
            var time = 0.0, count = 0, last = 0.0, total = 0.0
            while true {
                time += rng.exponential(rate: lambda)
                if time > age { break }
                count += 1
                last = time
                total += rng.gamma(shape: t.p, rate: nu)
                if rng.uniform() < drop { break }
            }
            x.append(Double(count))
            tx.append(last)
            T.append(age)
            mean.append(count > 0 ? total / Double(count) : 0)
        }
        return (x, tx, T, mean)
    }

    @Test func millionCustomersRecoverTheirParameters() {
        let data = Self.simulate(customers: 1_000_000, seed: 2026)
        let bg = BGNBD.fit(frequency: data.x, recency: data.tx, age: data.T)
        #expect(bg.converged, "\(bg.diagnostic)")
        for (name, value) in [
            ("r", Self.truth.r), ("alpha", Self.truth.alpha), ("a", Self.truth.a), ("b", Self.truth.b),
        ] {
            let i = bg.names.firstIndex(of: name)!
            #expect(
                abs(bg.values[i] - value) < 3 * bg.standardErrors[i],
                "\(name) = \(bg.values[i]) ± \(bg.standardErrors[i]), true \(value)")
        }
        let gg = GammaGamma.fit(frequency: data.x, monetary: data.mean)
        #expect(gg.converged, "\(gg.diagnostic)")
        for (name, value) in [("p", Self.truth.p), ("q", Self.truth.q), ("gamma", Self.truth.gamma)] {
            let i = gg.names.firstIndex(of: name)!
            #expect(
                abs(gg.values[i] - value) < 3 * gg.standardErrors[i],
                "\(name) = \(gg.values[i]) ± \(gg.standardErrors[i]), true \(value)")
        }
    }
}
