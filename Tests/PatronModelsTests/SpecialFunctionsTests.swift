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
        #expect(
            relative < r.tolerance,
            "₂F₁(\(r.a), \(r.b); \(r.c); \(r.z)) = \(value), reference \(r.value), relative error \(relative)")
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
        let (total, discounted) = BGNBD.purchasesOverHorizon(
            p, x: 3, tx: 20, T: 25, horizon: 3650, ratePerUnit: 0.1 / 365)
        #expect(abs(total - e) < 1e-9 * e)
        #expect(discounted < total && discounted > 0)
    }

    @Test func parameterDrawsFollowTheFit() throws {
        let fit = ModelFit(
            names: ["a", "b"], values: [2, 5], standardErrors: [0.1, 0.5], logLikelihood: 0, n: 100,
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

/// The gradient of `f` at `v` by central differences with relative `step`.
func centralDifferences(at v: [Double], step: Double, _ f: ([Double]) -> Double) -> [Double] {
    v.indices.map { j in
        var up = v, down = v
        let h = step * v[j]
        up[j] += h
        down[j] -= h
        return (f(up) - f(down)) / (2 * h)
    }
}

@Suite struct AnalyticGradientTests {
    /// ln ₂F₁(a, b; a+1; z) and its derivatives against ₂F₁ itself and central differences.
    @Test func hypergeometricDerivativesMatchDifferences() throws {
        func lnF(_ a: Double, _ b: Double, _ z: Double) -> Double {
            log(SpecialFunctions.hypergeometric2F1(a, b, a + 1, z))
        }
        for (a, b, z) in [
            (5.2, 1.6, 0.3), (3.4, 0.8, 0.85), (12.5, 2.1, 0.0), (2.0, 0.5, 0.6), (40.7, 31.2, 0.95), (9.7, 8.0, 0.99),
        ] {
            let f = try #require(SpecialFunctions.lnHypergeometricAPlusOne(a, b, z))
            #expect(
                abs(f.value - lnF(a, b, z)) < 1e-12 * max(1, abs(f.value)),
                "(\(a), \(b), \(z)): \(f.value) vs \(lnF(a, b, z))")
            let h = 1e-6
            let numeric = [
                (lnF(a + h, b, z) - lnF(a - h, b, z)) / (2 * h),
                (lnF(a, b + h, z) - lnF(a, b - h, z)) / (2 * h),
                z > 0
                    ? (lnF(a, b, z + h) - lnF(a, b, z - h)) / (2 * h)
                    : (4 * lnF(a, b, h) - lnF(a, b, 2 * h) - 3 * lnF(a, b, 0)) / (2 * h),
            ]
            for (analytic, difference) in zip([f.da, f.db, f.dz], numeric) {
                #expect(
                    abs(analytic - difference) < 1e-6 * max(1, abs(difference)),
                    "(\(a), \(b), \(z)): \(analytic) vs \(difference)")
            }
        }
        #expect(SpecialFunctions.lnHypergeometricAPlusOne(1, 1, 0.995) == nil)
        #expect(SpecialFunctions.lnHypergeometricAPlusOne(0.8, 3.4, 0.5) == nil)  // a + 1 − b ≤ 0
    }

    /// Pareto/NBD's per-customer gradient against central differences of its likelihood, on
    /// both branches of A₀ (α ≥ β and α < β) and for customers with x = 0 and t_x = T.
    @Test func paretoGradientMatchesDifferences() {
        let parameters = [
            ParetoNBD.Parameters(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67),
            ParetoNBD.Parameters(r: 1.7, alpha: 35, s: 7, beta: 680),
            ParetoNBD.Parameters(r: 0.3, alpha: 40, s: 2.5, beta: 5),
        ]
        let customers: [(Double, Double, Double)] = [
            (0, 0, 38.86), (2, 30.43, 38.86), (7, 29.4, 38.9), (20, 10, 70), (3, 38.86, 38.86), (30, 2, 90),
        ]
        for p in parameters {
            for (x, tx, T) in customers {
                let (_, g) = ParetoNBD.logLikelihoodWithGradient(p, x: x, tx: tx, T: T)
                let numeric = centralDifferences(at: [p.r, p.alpha, p.s, p.beta], step: 1e-5) { v in
                    ParetoNBD.logLikelihood(.init(r: v[0], alpha: v[1], s: v[2], beta: v[3]), x: x, tx: tx, T: T)
                }
                for j in 0..<4 {
                    #expect(
                        abs(g[j] - numeric[j]) < 1e-5 * max(1, abs(numeric[j])),
                        "\(p) x \(x) tx \(tx) T \(T) parameter \(j): \(g[j]) vs \(numeric[j])")
                }
            }
        }
    }

    /// Summed over rows, Pareto/NBD takes the ₂F₁ divisions from one table per frequency: the
    /// same value and gradient as the direct series, row by row.
    @Test func paretoTablesMatchTheDirectSeries() {
        let rows = CollapsedSummary(
            x: [0, 0, 1, 2, 7, 20, 7], tx: [0, 0, 5.5, 30.43, 29.4, 60, 3], T: [38.86, 20, 38.86, 38.86, 38.9, 70, 80])
        for p in [
            ParetoNBD.Parameters(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67),
            ParetoNBD.Parameters(r: 1.7, alpha: 35, s: 7, beta: 680),
        ] {
            let (value, gradient) = ParetoNBD.logLikelihoodWithGradient(p, rows)
            var direct = 0.0, directGradient = SIMD4<Double>()
            for i in rows.x.indices {
                let (v, g) = ParetoNBD.logLikelihoodWithGradient(p, x: rows.x[i], tx: rows.tx[i], T: rows.T[i])
                direct += rows.weight[i] * v
                directGradient += rows.weight[i] * g
            }
            #expect(abs(value - direct) < 1e-10 * abs(direct))
            for j in 0..<4 { #expect(abs(gradient[j] - directGradient[j]) < 1e-8 * max(1, abs(directGradient[j]))) }
        }
    }

    /// Rows that share (x, T) or (x, t_x) share A₀'s terms: numbered once, in order of x then
    /// time, and P(alive) for all rows at once is the row-by-row value.
    @Test func paretoPairsAreSharedAndAliveMatchesRowByRow() throws {
        let rows = CollapsedSummary(x: [1, 1, 2, 0, 0], tx: [3, 3, 4, 0, 0], T: [9, 10, 9, 9, 12])
        let pairs = try #require(FrequencyTimePairs(rows))
        let keys = (0..<pairs.count).map { (Int(pairs.x[$0]), rows.grid[Int(pairs.slot[$0])]) }
        #expect(keys.map(\.0) == [0, 0, 0, 1, 1, 1, 2, 2])
        #expect(Set(keys.map { "\($0.0)@\($0.1)" }).count == 8)
        for i in rows.x.indices {
            #expect(keys[Int(pairs.tPair[i])] == (Int(rows.x[i]), rows.T[i]))
            #expect(keys[Int(pairs.txPair[i])] == (Int(rows.x[i]), rows.tx[i]))
        }
        #expect(FrequencyTimePairs(CollapsedSummary(x: [1.5], tx: [2], T: [3])) == nil)
        for p in [
            ParetoNBD.Parameters(r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67),
            ParetoNBD.Parameters(r: 1.7, alpha: 35, s: 7, beta: 680),
        ] {
            let batch = ParetoNBD.probabilityAlive(p, rows)
            for i in rows.x.indices {
                let single = ParetoNBD.probabilityAlive(p, x: rows.x[i], tx: rows.tx[i], T: rows.T[i])
                #expect(abs(batch[i] - single) < 1e-12, "row \(i): \(batch[i]) vs \(single)")
            }
        }
    }

    @Test func mbgGradientMatchesDifferences() {
        let rows = CollapsedSummary(
            x: [0, 0, 1, 2, 7, 20], tx: [0, 0, 5.5, 30.43, 29.4, 60], T: [38.86, 20, 38.86, 38.86, 38.9, 70])
        let p = MBGNBD.Parameters(r: 0.52, alpha: 6.18, a: 0.89, b: 1.61)
        let (value, g) = MBGNBD.logLikelihoodWithGradient(p, rows)
        #expect(abs(value - MBGNBD.logLikelihood(p, rows)) < 1e-10 * abs(value))
        let numeric = centralDifferences(at: [p.r, p.alpha, p.a, p.b], step: 1e-6) { v in
            MBGNBD.logLikelihood(.init(r: v[0], alpha: v[1], a: v[2], b: v[3]), rows)
        }
        for j in 0..<4 {
            #expect(abs(g[j] - numeric[j]) < 1e-6 * max(1, abs(numeric[j])), "parameter \(j): \(g[j]) vs \(numeric[j])")
        }
    }
}
