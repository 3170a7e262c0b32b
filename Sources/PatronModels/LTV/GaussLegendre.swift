import Foundation

/// Gauss–Legendre quadrature nodes and weights on [−1, 1], found by Newton's method on the
/// Legendre polynomial (the textbook algorithm), for smooth integrals such as discounted
/// expected purchases.
package struct GaussLegendre: Sendable {
    package let nodes: [Double]
    package let weights: [Double]

    package static let sixteen = GaussLegendre(points: 16)

    package init(points n: Int) {
        var nodes = [Double](repeating: 0, count: n), weights = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = x
                for k in 2...max(2, n) where k <= n {
                    let p2 = ((2 * Double(k) - 1) * x * p1 - (Double(k) - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = p2
                }
                let pn = n == 1 ? x : p1, pn1 = n == 1 ? 1 : p0
                derivative = Double(n) * (x * pn - pn1) / (x * x - 1)
                let dx = pn / derivative
                x -= dx
                if abs(dx) < 1e-15 { break }
            }
            nodes[i] = x
            weights[i] = 2 / ((1 - x * x) * derivative * derivative)
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// ∫ₐᵇ f(t) dt.
    package func integrate(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let half = (b - a) / 2, mid = (a + b) / 2
        var sum = 0.0
        for (x, w) in zip(nodes, weights) { sum += w * f(mid + half * x) }
        return sum * half
    }

    /// E(H) and ∫₀ᴴ e^(−δt) dE(t) for a smooth cumulative expectation E with E(0) = 0, at the
    /// force of interest δ = ln(1 + `ratePerUnit`): by parts, e^(−δH) E(H) + δ ∫₀ᴴ e^(−δt) E(t) dt.
    package static func discounted(
        _ expected: (Double) -> Double, horizon: Double, ratePerUnit: Double
    ) -> (total: Double, discounted: Double) {
        discounted(total: expected(horizon), horizon: horizon, ratePerUnit: ratePerUnit) { t in
            var values = SIMD16<Double>()
            for i in 0..<16 { values[i] = expected(t[i]) }
            return values
        }
    }
}

extension GaussLegendre {
    /// The 16 nodes and weights as vectors.
    static let sixteenVectors: (nodes: SIMD16<Double>, weights: SIMD16<Double>) = {
        var n = SIMD16<Double>(), w = SIMD16<Double>()
        for i in 0..<16 {
            n[i] = sixteen.nodes[i]
            w[i] = sixteen.weights[i]
        }
        return (n, w)
    }()

    /// As `discounted(_:horizon:ratePerUnit:)`, with E(H) given and E at the 16 quadrature
    /// times computed in one call (`batch` receives the times, returns E at each).
    package static func discounted(
        total: Double, horizon: Double, ratePerUnit: Double,
        batch: (SIMD16<Double>) -> SIMD16<Double>
    ) -> (total: Double, discounted: Double) {
        let delta = log(1 + ratePerUnit)
        guard delta > 0 else { return (total, total) }
        let (nodes, weights) = sixteenVectors
        let half = horizon / 2
        let t = half + half * nodes
        let values = batch(t)
        var sum = 0.0
        for i in 0..<16 { sum += weights[i] * (exp(-delta * t[i]) * values[i]) }
        return (total, exp(-delta * horizon) * total + delta * (sum * half))
    }
}
