/// BFGS minimisation with a backtracking (Armijo) line search, for the small smooth problems
/// of the customer-base models (3 to 4 log-parameters).
package enum QuasiNewton {
    package struct Result: Sendable {
        package var x: [Double]
        package var value: Double
        package var gradient: [Double]
        package var iterations: Int
        package var converged: Bool
        /// Why it stopped, in words.
        package var reason: String
        /// BFGS's estimate of the inverse Hessian where it stopped: a good metric to continue
        /// from (for instance on more data).
        package var inverseHessian: [[Double]] = []
    }

    /// - Parameter initialInverseHessian: where to start BFGS's metric (default: the identity,
    ///   rescaled after the first step).
    package static func minimize(
        _ f: ([Double]) -> (value: Double, gradient: [Double]), from start: [Double],
        maxIterations: Int = 500, gradientTolerance: Double = 1e-9,
        initialInverseHessian: [[Double]]? = nil
    ) -> Result {
        let n = start.count
        var x = start
        var (fx, g) = f(x)
        let warm = initialInverseHessian?.count == n
        var H = warm ? initialInverseHessian! : identity(n)
        for iteration in 1...maxIterations {
            if !fx.isFinite || g.contains(where: { !$0.isFinite }) {
                return Result(
                    x: x, value: fx, gradient: g, iterations: iteration, converged: false,
                    reason: "the likelihood is not finite at the starting point")
            }
            if norm(g) <= gradientTolerance {
                return Result(
                    x: x, value: fx, gradient: g, iterations: iteration, converged: true,
                    reason: "gradient below tolerance", inverseHessian: H)
            }
            var p = (0..<n).map { i in -(0..<n).reduce(0) { $0 + H[i][$1] * g[$1] } }
            var slope = dot(p, g)
            if slope >= 0 {  // not a descent direction: reset to steepest descent
                H = identity(n)
                p = g.map { -$0 }
                slope = dot(p, g)
            }
            var step = 1.0
            var next = x, fn = fx, gn = g
            var accepted = false
            for _ in 0..<60 {
                next = zip(x, p).map { $0 + step * $1 }
                (fn, gn) = f(next)
                if fn.isFinite && fn <= fx + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            if !accepted {
                return Result(
                    x: x, value: fx, gradient: g, iterations: iteration, converged: norm(g) < 1e-5,
                    reason: "no step lowers the objective (flat likelihood, or at the limit of precision)",
                    inverseHessian: H)
            }
            let s = zip(next, x).map { $0 - $1 }, y = zip(gn, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 {
                if iteration == 1 && !warm {
                    let scale = sy / dot(y, y)
                    H = identity(n).map { $0.map { $0 * scale } }
                }
                let rho = 1 / sy
                let Hy = (0..<n).map { i in (0..<n).reduce(0) { $0 + H[i][$1] * y[$1] } }
                let yHy = dot(y, Hy)
                for i in 0..<n {
                    for j in 0..<n {
                        H[i][j] += (1 + rho * yHy) * rho * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j])
                    }
                }
            }
            let improvement = fx - fn
            x = next
            fx = fn
            g = gn
            if improvement >= 0 && improvement < 1e-15 * max(1, abs(fx)) && norm(g) < 1e-6 {
                return Result(
                    x: x, value: fx, gradient: g, iterations: iteration, converged: true,
                    reason: "objective no longer changes", inverseHessian: H)
            }
        }
        return Result(
            x: x, value: fx, gradient: g, iterations: maxIterations, converged: false,
            reason: "stopped after \(maxIterations) iterations; gradient norm \(norm(g))", inverseHessian: H)
    }

    static func identity(_ n: Int) -> [[Double]] { (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } } }
    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// The inverse of a small symmetric matrix by Gauss–Jordan elimination with pivoting; nil
    /// when singular.
    package static func inverse(_ m: [[Double]]) -> [[Double]]? {
        let n = m.count
        var a = m.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-300
            else { return nil }
            a.swapAt(col, pivot)
            let p = a[col][col]
            a[col] = a[col].map { $0 / p }
            for row in 0..<n where row != col {
                let factor = a[row][col]
                if factor != 0 { a[row] = zip(a[row], a[col]).map { $0 - factor * $1 } }
            }
        }
        return a.map { Array($0[n...]) }
    }
}
