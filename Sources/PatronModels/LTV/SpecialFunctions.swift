import Foundation

/// Special functions the lifetime-value models need.
package enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inline(__always) package static func lnGamma(_ x: Double) -> Double { lgamma(x) }

    /// ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series.
    package static func digamma(_ x: Double) -> Double {
        var x = x, result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))))
        return result + log(x) - 0.5 / x - series
    }

    /// ln |Γ(x)| and the sign of Γ(x), for any x that is not 0 or a negative integer.
    static func signedLnGamma(_ x: Double) -> (value: Double, sign: Double) {
        let sign: Double = x > 0 || Int(x.rounded(.down)) % 2 == 0 ? 1 : -1
        return (lgamma(x), sign)
    }

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for z < 1 and c > 0.
    ///
    /// - z ≤ 0.9: the power series, summed until a term no longer changes the sum.
    /// - z < 0: Pfaff's transformation (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)) first.
    /// - z > 0.9 (where the series needs thousands of terms): the linear transformation to
    ///   1 − z (Abramowitz & Stegun 15.3.6), two series in 1 − z with Gamma-function weights.
    ///   It is singular when c − a − b is an integer; within 1e-4 of one the series is summed
    ///   directly up to z = 0.999, and beyond that the transformation is evaluated at
    ///   c − a − b = n ± 5e-4, n ± 1e-3 and interpolated by a cubic (the function is smooth in
    ///   c; relative error below 1e-8 even at 1 − z = 1e-6).
    ///
    /// ```swift
    /// SpecialFunctions.hypergeometric2F1(1, 1, 2, 0.5)   // −ln(1 − z) / z = 1.386294…
    /// ```
    package static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z < 1, "₂F₁ needs z < 1")
        if z < 0 {
            return exp(-a * log1p(-z)) * hypergeometric2F1(a, c - b, c, z / (z - 1))
        }
        let m = c - a - b
        let nearInteger = abs(m - m.rounded()) < 1e-4
        if z <= 0.9 || (nearInteger && z <= 0.999) { return series2F1(a, b, c, z) }
        if nearInteger {
            // Cubic (Lagrange) interpolation in c − a − b through n ± h, n ± 2h around the
            // integer n, where the transformation is well conditioned.
            let n = m.rounded(), d = m - n, h = 5e-4
            let offsets = [-2 * h, -h, h, 2 * h]
            var sum = 0.0
            for (i, xi) in offsets.enumerated() {
                var weight = 1.0
                for (j, xj) in offsets.enumerated() where j != i { weight *= (d - xj) / (xi - xj) }
                sum += weight * oneMinusZ2F1(a, b, a + b + n + xi, z)
            }
            return sum
        }
        return oneMinusZ2F1(a, b, c, z)
    }

    /// The power series of ₂F₁ at 0 ≤ z < 1.
    static func series2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var term = 1.0, sum = 1.0
        var n = 0.0
        while n < 10_000_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if abs(term) <= 1e-16 * abs(sum) { break }
            n += 1
        }
        return sum
    }

    /// ₂F₁ through the transformation to 1 − z (c − a − b not an integer):
    /// Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) F(a, b; a+b−c+1; 1−z)
    /// + (1−z)^(c−a−b) Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) F(c−a, c−b; c−a−b+1; 1−z).
    static func oneMinusZ2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        let m = c - a - b, w = 1 - z
        func weight(_ top1: Double, _ top2: Double, _ bottom1: Double, _ bottom2: Double) -> (Double, Double) {
            // Γ of a non-positive integer in the denominator makes the term vanish.
            for v in [bottom1, bottom2] where v <= 0 && v == v.rounded() { return (-.infinity, 0) }
            let t1 = signedLnGamma(top1), t2 = signedLnGamma(top2), b1 = signedLnGamma(bottom1),
                b2 = signedLnGamma(bottom2)
            return (t1.value + t2.value - b1.value - b2.value, t1.sign * t2.sign * b1.sign * b2.sign)
        }
        let (ln1, sign1) = weight(c, m, c - a, c - b)
        let (ln2, sign2) = weight(c, -m, a, b)
        let first = sign1 == 0 ? 0 : sign1 * exp(ln1) * series2F1(a, b, 1 - m, w)
        let second = sign2 == 0 ? 0 : sign2 * exp(ln2 + m * log(w)) * series2F1(c - a, c - b, 1 + m, w)
        return first + second
    }
}

extension SpecialFunctions {
    /// ₂F₁(a, b; c; zᵢ) at 16 arguments with the same a, b, c: the series' term ratio
    /// (a+n)(b+n)/((c+n)(n+1)) is computed once for all of them. Lanes with z outside
    /// 0…0.9 go through the scalar function.
    package static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: SIMD16<Double>) -> SIMD16<Double>
    {
        let inRange = z.min() >= 0 && z.max() <= 0.9
        var term = SIMD16<Double>(repeating: 1), sum = term
        var n = 0.0
        if inRange {
            while n < 100_000 {
                let ratio: Double = (a + n) * (b + n) / ((c + n) * (n + 1))
                term *= ratio * z
                sum += term
                // Terms fall fastest where z is smallest: stop when every lane has converged.
                // Checking all 16 lanes costs as much as a term: check every fourth.
                if Int(n) & 3 == 3 {
                    let absTerm = term.replacing(with: -term, where: term .< 0)
                    let absSum = sum.replacing(with: -sum, where: sum .< 0)
                    if all(absTerm .<= 1e-16 * absSum) { break }
                }
                n += 1
            }
            return sum
        }
        for i in 0..<16 { sum[i] = hypergeometric2F1(a, b, c, z[i]) }
        return sum
    }
}

extension SpecialFunctions {
    /// ln ₂F₁(a, b; a + 1; z) — the form in Pareto/NBD's A₀ — and its derivatives in a (with
    /// c = a + 1 moving along), b and z, for 0 ≤ z ≤ 0.99 and a + 1 − b > 0 (nil otherwise).
    ///
    /// Euler's transformation gives ₂F₁(a, b; a+1; z) = (1−z)^(1−b) ₂F₁(1, e; a+1; z) with
    /// e = a + 1 − b; the new series' terms gₙ fall by (e+n)/(a+1+n)·z < z from the start, so
    /// it needs at most a few thousand terms even at z = 0.99 whatever the size of b (the
    /// original series first grows for large b). Derivatives come from the same pass:
    /// ∂gₙ/∂e = gₙ Σₖ₍ₖ<ₙ₎ 1/(e+k), ∂gₙ/∂(a+1) = −gₙ Σₖ₍ₖ<ₙ₎ 1/(a+1+k), ∂G/∂z = Σ (n+1) gₙ (e+n)/(a+1+n).
    package static func lnHypergeometricAPlusOne(
        _ a: Double, _ b: Double, _ z: Double
    )
        -> (value: Double, da: Double, db: Double, dz: Double)?
    {
        lnHypergeometricAPlusOne(a, b, SIMD2(z, z)).map { ($0.value[0], $0.da[0], $0.db[0], $0.dz[0]) }
    }

    /// The same at two arguments at once (Pareto/NBD needs z at t_x and at T with the same a
    /// and b): the divisions of the term ratio are shared.
    package static func lnHypergeometricAPlusOne(_ a: Double, _ b: Double, _ z: SIMD2<Double>) -> APlusOneResult? {
        let e = a + 1 - b, c = a + 1
        guard e > 0 else { return nil }
        return aPlusOneSeries(b: b, z: z, limit: 100_000) { n in
            let inverseC = 1 / (c + Double(n))
            return ((e + Double(n)) * inverseC, 1 / (e + Double(n)), inverseC)
        }
    }

    package typealias APlusOneResult = (value: SIMD2<Double>, da: SIMD2<Double>, db: SIMD2<Double>, dz: SIMD2<Double>)

    /// The Euler-transformed series and its derivative sums, with term n's ratio (e+n)/(c+n),
    /// 1/(e+n) and 1/(c+n) from `terms`; nil outside 0 ≤ z ≤ 0.99 or without convergence
    /// within `limit` terms.
    @inline(__always)
    static func aPlusOneSeries(
        b: Double, z: SIMD2<Double>, limit: Int,
        _ terms: (Int) -> (ratio: Double, inverseE: Double, inverseC: Double)
    ) -> APlusOneResult? {
        guard z.min() >= 0 && z.max() <= 0.99 else { return nil }
        var term = SIMD2<Double>(1, 1), sum = term
        var se = 0.0, sc = 0.0  // Σ 1/(e+k), Σ 1/(c+k) for k < n
        var ge = SIMD2<Double>(), gc = SIMD2<Double>(), gz = SIMD2<Double>()
        let tail = 1e-16 * (1 - z.max())  // the rest of the series is below term · z/(1 − z)
        var converged = false
        // Convergence is checked every fourth term: the check costs as much as a term, and
        // up to three terms past the point add less than the tolerance.
        var n = 0
        while n < limit {
            let end = min(limit, n + 4)
            while n < end {
                let (ratio, inverseE, inverseC) = terms(n)
                gz += term * (ratio * Double(n + 1))
                se += inverseE
                sc += inverseC
                term *= ratio * z
                sum += term
                ge += term * se
                gc -= term * sc
                n += 1
            }
            if term.max() <= tail * sum.min() && (term * se).max() <= tail * ge.min() {
                converged = true
                break
            }
        }
        guard converged else { return nil }
        let ln1z = SIMD2(log1p(-z[0]), log1p(-z[1]))
        let value = (1 - b) * ln1z + SIMD2(log(sum[0]), log(sum[1]))
        return (value, (ge + gc) / sum, -ln1z - ge / sum, -(1 - b) / (1 - z) + gz / sum)
    }
}

extension SpecialFunctions {
    /// The parts of `lnHypergeometricAPlusOne`'s series that depend only on (a, b), not on z:
    /// per term n the ratio (e+n)/(c+n), 1/(e+n) and 1/(c+n) (e = a+1−b, c = a+1). Pareto/NBD
    /// evaluates the series for every customer with the same frequency x at the same (a, b), so
    /// one table per x takes the divisions out of the per-customer loop.
    package struct APlusOneTerms: Sendable {
        package let a: Double, b: Double
        let ratio: [Double], inverseE: [Double], inverseC: [Double]

        /// Terms enough for arguments up to `zMax` (≤ 0.99); nil when e = a + 1 − b ≤ 0.
        package init?(a: Double, b: Double, zMax: Double) {
            let e = a + 1 - b, c = a + 1
            guard e > 0 else { return nil }
            let z = min(max(zMax, 0.01), 0.99)
            let n = min(20_000, Int((log(1e-16 * (1 - z)) / log(z)).rounded(.up)) + 8)
            self.a = a
            self.b = b
            ratio = (0..<n).map { (e + Double($0)) / (c + Double($0)) }
            inverseE = (0..<n).map { 1 / (e + Double($0)) }
            inverseC = (0..<n).map { 1 / (c + Double($0)) }
        }
    }

    /// `lnHypergeometricAPlusOne(a, b, z)` from precomputed terms; nil when z is outside
    /// 0…0.99 or the table runs out before the series converges.
    package static func lnHypergeometricAPlusOne(_ t: APlusOneTerms, _ z: SIMD2<Double>) -> APlusOneResult? {
        t.ratio.withUnsafeBufferPointer { ratio in
            t.inverseE.withUnsafeBufferPointer { inverseE in
                t.inverseC.withUnsafeBufferPointer { inverseC in
                    aPlusOneSeries(b: t.b, z: z, limit: ratio.count) { (ratio[$0], inverseE[$0], inverseC[$0]) }
                }
            }
        }
    }
}
