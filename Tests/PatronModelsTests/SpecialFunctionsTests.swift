import Foundation
import Testing
@testable import PatronModels

@Suite struct SpecialFunctionsTests {
    /// ₂F₁(a, b; c; z) to 17 figures from mpmath 1.4.1 (`mpmath.hyp2f1`, 30 digits): the
    /// series range, z close to 1 (BG/NBD- and Pareto/NBD-like parameters), c − a − b near an
    /// integer and equal to one, c − a − b > 1, and negative z.
    static let reference: [(a: Double, b: Double, c: Double, z: Double, value: Double, tolerance: Double)] = [
        (1, 1, 2, 0.5, 1.3862943611198906, 1e-14),
        (0.7, 1.3, 2.9, 0.95, 1.7421531871426527, 1e-12),
        (5.2426, 7.426, 11.2189, 0.99, 57689.877569153225, 1e-11),
        (1, 1, 2.00005, 0.995, 5.3244219640263379, 1e-9),
        (0.5, 0.5, 1, 0.9999, 3.8143642420736259, 1e-6),
        (1.5, 2, 3, -0.7, 0.57800383581959332, 1e-13),
        (1, 1, 2, -3, 0.46209812037329687, 1e-13),
        (11.16, 1.61, 12.16, 0.97, 74.917837593230084, 1e-11),
        (0.5, 0.7, 3.1, 0.95, 1.1706845518193715, 1e-12),
        (2.5, 3.5, 4.0, 0.999999, 1358121162404.693, 1e-8),
        (0.2426, 2.426, 2.2189, 0.93, 2.1835866328590265, 1e-12),
    ]

    @Test(arguments: 0..<reference.count)
    func hypergeometricMatchesReferenceValues(_ i: Int) {
        let r = Self.reference[i]
        let value = SpecialFunctions.hypergeometric2F1(r.a, r.b, r.c, r.z)
        let relative = abs(value - r.value) / abs(r.value)
        #expect(relative < r.tolerance, "₂F₁(\(r.a), \(r.b); \(r.c); \(r.z)) = \(value), reference \(r.value), relative error \(relative)")
    }

    @Test func batchedHypergeometricEqualsTheScalarOne() {
        var z = SIMD16<Double>()
        for i in 0..<16 { z[i] = Double(i) / 17 }
        let batch = SpecialFunctions.hypergeometric2F1(5.2426, 7.426, 11.2189, z)
        for i in 0..<16 {
            let scalar = SpecialFunctions.hypergeometric2F1(5.2426, 7.426, 11.2189, z[i])
            #expect(abs(batch[i] - scalar) <= 1e-14 * scalar)
        }
        // A lane beyond the series range goes through the transformation.
        z[15] = 0.99
        #expect(abs(SpecialFunctions.hypergeometric2F1(5.2426, 7.426, 11.2189, z)[15] - 57689.877569153225) < 1e-6)
    }

    @Test func expectedPurchasesStayFiniteForLongHorizonsInDays() {
        // Daily units, a young customer, ten years ahead: z = t/(α+T+t) ≈ 0.9999.
        let p = BGNBD.Parameters(r: 0.2426, alpha: 4.414 * 7, a: 0.7929, b: 2.426)
        let e = BGNBD.expectedPurchases(p, t: 3650, x: 3, tx: 20, T: 25)
        #expect(e.isFinite && e > 0 && e < 3650)
        let (total, discounted) = BGNBD.purchasesOverHorizon(p, x: 3, tx: 20, T: 25, horizon: 3650, ratePerUnit: 0.1 / 365)
        #expect(abs(total - e) < 1e-9 * e)
        #expect(discounted < total && discounted > 0)
    }

    @Test func parameterDrawsFollowTheFit() throws {
        let fit = ModelFit(names: ["a", "b"], values: [2, 5], standardErrors: [0.1, 0.5], logLikelihood: 0, n: 100,
                           iterations: 1, converged: true, diagnostic: "", covariance: [[0.01, 0.02], [0.02, 0.25]])
        let draws = try #require(fit.parameterDraws(count: 4000, seed: 7))
        #expect(draws == fit.parameterDraws(count: 4000, seed: 7))
        let logs = draws.map { $0.map { log($0) } }
        let mean: [Double] = (0..<2).map { j in logs.reduce(0.0) { $0 + $1[j] } / 4000 }
        let ln2: Double = log(2), ln5: Double = log(5)
        #expect(abs(mean[0] - ln2) < 0.005)
        #expect(abs(mean[1] - ln5) < 0.01)
        // ln θ has standard deviations se/θ = 0.05 and 0.1 and correlation 0.4.
        let sd: [Double] = (0..<2).map { j in
            let squares: Double = logs.reduce(0.0) { $0 + ($1[j] - mean[j]) * ($1[j] - mean[j]) }
            return (squares / 3999).squareRoot()
        }
        #expect(abs(sd[0] - 0.05) < 0.003)
        #expect(abs(sd[1] - 0.1) < 0.006)
        let cov: Double = logs.reduce(0.0) { $0 + ($1[0] - mean[0]) * ($1[1] - mean[1]) } / 3999
        let correlation: Double = cov / (sd[0] * sd[1])
        #expect(abs(correlation - 0.4) < 0.05)
        var singular = fit
        singular.covariance = [[0.01, 0.05], [0.05, 0.01]]
        #expect(singular.parameterDraws(count: 10, seed: 1) == nil)
    }
}
