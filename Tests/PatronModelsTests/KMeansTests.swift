import Foundation
import Testing

@testable import PatronModels

/// 6 000 points in 3-D from four overlapping Gaussian blobs of different spreads, drawn
/// from `RandomSource(seed: 2026)`: the data the scikit-learn reference figures below were
/// computed on.
func kmeansFixture() -> [Double] {
    var rng = RandomSource(seed: 2026)
    let centres: [[Double]] = [[0, 0, 0], [3, 1, -1], [-2, 4, 1], [1, -3, 3]]
    let spreads = [1.0, 0.6, 1.4, 0.9]
    var points = [Double]()
    for i in 0..<6000 {
        let c = i % 4
        for t in 0..<3 { points.append(centres[c][t] + spreads[c] * rng.normal()) }
    }
    return points
}

@Suite struct KMeansTests {
    /// scikit-learn 1.9.1 `KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_` on
    /// `kmeansFixture()`, exported to CSV with full precision and run once on 2026-11-24.
    static let sklearnInertia: [Int: Double] = [4: 17_574.842_970_117_497, 6: 14_527.510_717_910_392]

    @Test(arguments: [4, 6])
    func inertiaWithinOnePercentOfScikitLearn(k: Int) {
        let fit = KMeans.fit(kmeansFixture(), dimensions: 3, k: k, options: .init(seed: 0))
        let reference = Self.sklearnInertia[k]!
        #expect(fit.inertia <= reference * 1.01, "inertia \(fit.inertia) vs scikit-learn \(reference)")
        #expect(fit.inertia >= reference * 0.95)
    }

    @Test func sameSeedSameClustersAnyBlockSplit() {
        let points = kmeansFixture()
        let a = KMeans.fit(points, dimensions: 3, k: 4, options: .init(seed: 9))
        let b = KMeans.fit(points, dimensions: 3, k: 4, options: .init(seed: 9))
        #expect(a.labels == b.labels)
        #expect(a.centers == b.centers)
        #expect(a.inertia == b.inertia)
        // A sample smaller than the data exercises the refine-on-everything path.
        let c = KMeans.fit(points, dimensions: 3, k: 4, options: .init(seed: 9, sampleSize: 1000))
        let d = KMeans.fit(points, dimensions: 3, k: 4, options: .init(seed: 9, sampleSize: 1000))
        #expect(c.labels == d.labels)
        #expect(c.inertia <= a.inertia * 1.02)
    }

    @Test func emptyClustersAreReseeded() {
        // Two tight groups and a starting centre far from both: it gets no points and must be
        // re-seeded rather than dropped.
        let points: [Double] = [0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10, 10, 10.1]
        let fit = KMeans.lloyd(points, 2, [0, 0, 10, 10, 1000, 1000], maxIterations: 50, threshold: 0)
        #expect(fit.reseeded >= 1)
        #expect(Set(fit.labels).count == 3)
        #expect(fit.centers.allSatisfy { $0.isFinite })
    }

    @Test func silhouettePrefersTheTrueNumberOfBlobs() {
        var rng = RandomSource(seed: 4)
        var points = [Double]()
        for i in 0..<900 {
            let c = Double(i % 3) * 20
            points += [c + rng.normal(), c + rng.normal()]
        }
        let scores = (2...5).map { k -> Double in
            let fit = KMeans.fit(points, dimensions: 2, k: k, options: .init(seed: 1))
            return KMeans.silhouette(points, dimensions: 2, labels: fit.labels, k: k)
        }
        #expect(scores.firstIndex(of: scores.max()!) == 1)  // k = 3
        #expect(scores[1] > 0.8)
    }
}
