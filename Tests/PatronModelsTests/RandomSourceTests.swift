import Testing

@testable import PatronModels

@Suite struct RandomSourceTests {
    @Test func sameSeedSameStreamOnEveryMachine() {
        var a = RandomSource(seed: 42), b = RandomSource(seed: 42), c = RandomSource(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        // Pinned values: a change here changes every sample file and seeded fit.
        var pinned = RandomSource(seed: 1)
        #expect(pinned.next() == 0xB3F2_AF6D_0FC7_10C5)
    }

    @Test func uniformStaysInTheUnitInterval() {
        var rng = RandomSource(seed: 7)
        let draws = (0..<10_000).map { _ in rng.uniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(draws.reduce(0, +) / 10_000 - 0.5) < 0.02)
    }

    @Test(arguments: [(0.24, 4.41), (2.0, 0.5), (6.25, 1.0)])
    func gammaHasTheRightMeanAndVariance(shape: Double, rate: Double) {
        var rng = RandomSource(seed: 11)
        let n = 200_000
        let draws = (0..<n).map { _ in rng.gamma(shape: shape, rate: rate) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean - shape / rate) / (shape / rate) < 0.02)
        #expect(abs(variance - shape / (rate * rate)) / (shape / (rate * rate)) < 0.06)
        #expect(draws.allSatisfy { $0 > 0 })
    }

    @Test func betaAndExponentialMeans() {
        var rng = RandomSource(seed: 5)
        let n = 100_000
        let beta = (0..<n).map { _ in rng.beta(0.79, 2.43) }.reduce(0, +) / Double(n)
        #expect(abs(beta - 0.79 / (0.79 + 2.43)) < 0.005)
        let exp = (0..<n).map { _ in rng.exponential(rate: 4) }.reduce(0, +) / Double(n)
        #expect(abs(exp - 0.25) < 0.005)
    }
}
