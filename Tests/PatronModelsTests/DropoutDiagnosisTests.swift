import Foundation
import Testing

@testable import PatronModels

/// A fit that finds no drop-out says so in plain words (P(alive) about 1 for everyone), with
/// how many customers bought again, instead of "too few repeat buyers" or "converged".
@Suite struct DropoutDiagnosisTests {
    /// Steady buyers who never leave: purchases at exact times (Poisson, rates Gamma(2, 10) per
    /// week) through a whole year; every repeat buyer is still buying at the end.
    static func steadyBuyers(_ customers: Int) -> (x: [Double], tx: [Double], T: [Double]) {
        var rng = RandomSource(seed: 7)
        var x = [Double](), tx = [Double](), T = [Double]()
        for _ in 0..<customers {
            let lambda = rng.gamma(shape: 2, rate: 10)
            let age = 52.0
            var time = 0.0, count = 0.0, last = 0.0
            while true {
                time += rng.exponential(rate: lambda)
                if time > age { break }
                count += 1
                last = time
            }
            x.append(count)
            tx.append(last)
            T.append(age)
        }
        return (x, tx, T)
    }

    @Test func bgnbdWithNoDropOutIsToldInPlainWords() {
        let data = Self.steadyBuyers(4000)
        let repeaters = data.x.filter { $0 > 0 }.count
        let fit = BGNBD.fit(frequency: data.x, recency: data.tx, age: data.T)
        let a = fit.value("a"), b = fit.value("b")
        #expect(a / (a + b) < 1e-3, "a \(a), b \(b)")
        #expect(!fit.converged)
        #expect(fit.diagnostic.contains("almost no one leaving"), "\(fit.diagnostic)")
        #expect(fit.diagnostic.contains("\(repeaters) of 4000 customers bought again"), "\(fit.diagnostic)")
        #expect(fit.diagnostic.contains("pareto-nbd"))
        #expect(!fit.diagnostic.contains("too few repeat buyers"))
        // And P(alive) is indeed about 1 for everyone.
        let model = BGNBDModel(values: fit.values)
        #expect(
            data.x.indices.allSatisfy { model.probabilityAlive(x: data.x[$0], tx: data.tx[$0], T: data.T[$0]) > 0.99 })
    }

    @Test func aFitWithDropOutKeepsItsOwnAccount() {
        let data = RecoveryTests.simulate(customers: 20_000, seed: 3)
        let fit = BGNBD.fit(frequency: data.x, recency: data.tx, age: data.T)
        #expect(fit.converged)
        #expect(fit.diagnostic.hasPrefix("converged"), "\(fit.diagnostic)")
    }
}
