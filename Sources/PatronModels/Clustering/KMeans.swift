import Foundation
import PatronSupport
import PatronTable
import Synchronization

/// k-means with k-means++ seeding, restarts, empty-cluster re-seeding and a fixed seed.
///
/// Points are rows of a row-major `[Double]` with `dimensions` columns. Restarts run on a
/// seeded sample of at most `sampleSize` points (all points when there are fewer); the best
/// of them is then refined by Lloyd iterations on every point. Assignment steps are split
/// into fixed blocks of points that run on all cores and are summed in block order, so the
/// result is the same bits for any number of cores.
///
/// ```swift
/// let fit = KMeans.fit(points, dimensions: 3, k: 4, options: .init(seed: 7))
/// fit.labels      // cluster of each point, 0..<4
/// fit.inertia     // sum of squared distances to the assigned centres
/// ```
package enum KMeans {
    package struct Options: Sendable {
        package var restarts = 10
        package var maxIterations = 300
        /// Stop when no centre moves by more than `tolerance` × the mean feature variance.
        package var tolerance = 1e-4
        package var seed: UInt64 = 0
        package var sampleSize = 20_000
        package init(
            restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 0,
            sampleSize: Int = 20_000
        ) {
            self.restarts = restarts
            self.maxIterations = maxIterations
            self.tolerance = tolerance
            self.seed = seed
            self.sampleSize = sampleSize
        }
    }

    package struct Fit: Sendable {
        package var centers: [Double]
        package var labels: [Int32]
        package var inertia: Double
        package var iterations: Int
        /// Clusters that went empty during the fit and were re-seeded.
        package var reseeded: Int
    }

    package static func fit(_ points: [Double], dimensions d: Int, k: Int, options: Options = Options()) -> Fit {
        let n = points.count / d
        precondition(k >= 1 && k <= max(1, n), "k must be between 1 and the number of points")
        var rng = RandomSource(seed: options.seed)
        let variance = meanVariance(points, d)
        let threshold = options.tolerance * variance
        // The sample the restarts run on.
        let sample: [Double]
        if n > options.sampleSize {
            var chosen = Array(0..<n)
            for i in 0..<options.sampleSize { chosen.swapAt(i, i + rng.below(n - i)) }
            let rows = chosen[0..<options.sampleSize].sorted()
            sample = rows.flatMap { points[($0 * d)..<($0 * d + d)] }
        } else {
            sample = points
        }
        // Seeds in order from the one random stream, then the restarts on all cores; the best
        // (the first on ties) is the same whatever ran where.
        var starts = [[Double]]()
        for _ in 0..<max(1, options.restarts) { starts.append(seedPlusPlus(sample, d, k, &rng)) }
        let seeds = starts
        let fits = ParallelBlocks.map(count: seeds.count, block: 1) { range in
            lloyd(sample, d, seeds[range.lowerBound], maxIterations: options.maxIterations, threshold: threshold)
        }
        var best: Fit? = nil
        for fit in fits where best == nil || fit.inertia < best!.inertia { best = fit }
        if sample.count == points.count { return best! }
        var refined = lloyd(points, d, best!.centers, maxIterations: options.maxIterations, threshold: threshold)
        refined.reseeded += best!.reseeded
        return refined
    }

    static func meanVariance(_ points: [Double], _ d: Int) -> Double {
        let n = points.count / d
        guard n > 1 else { return 0 }
        var total = 0.0
        for j in 0..<d {
            var mean = 0.0, m2 = 0.0
            for i in 0..<n {
                let x = points[i * d + j]
                let delta = x - mean
                mean += delta / Double(i + 1)
                m2 += delta * (x - mean)
            }
            total += m2 / Double(n)
        }
        return total / Double(d)
    }

    /// k-means++: each next centre drawn with probability proportional to the squared
    /// distance to the nearest centre so far, the best of `2 + ln k` draws kept (greedy).
    static func seedPlusPlus(_ points: [Double], _ d: Int, _ k: Int, _ rng: inout RandomSource) -> [Double] {
        let n = points.count / d
        var centers = [Double]()
        centers.reserveCapacity(k * d)
        let first = rng.below(n)
        centers += points[(first * d)..<(first * d + d)]
        var closest = (0..<n).map { distance(points, $0, centers, 0, d) }
        let trials = 2 + Int(log(Double(k)))
        for _ in 1..<k {
            let total = closest.reduce(0, +)
            var bestCandidate = -1, bestPotential = Double.infinity, bestClosest = closest
            for _ in 0..<trials {
                var u = rng.uniform() * total
                var candidate = n - 1
                if total > 0 {
                    for i in 0..<n {
                        u -= closest[i]
                        if u < 0 {
                            candidate = i
                            break
                        }
                    }
                } else {
                    candidate = rng.below(n)
                }
                var trial = closest
                var potential = 0.0
                for i in 0..<n {
                    trial[i] = min(trial[i], squared(points, i, points, candidate, d))
                    potential += trial[i]
                }
                if potential < bestPotential {
                    bestPotential = potential
                    bestCandidate = candidate
                    bestClosest = trial
                }
            }
            centers += points[(bestCandidate * d)..<(bestCandidate * d + d)]
            closest = bestClosest
        }
        return centers
    }

    @inline(__always) static func squared(_ a: [Double], _ i: Int, _ b: [Double], _ j: Int, _ d: Int) -> Double {
        var s = 0.0
        for t in 0..<d {
            let diff = a[i * d + t] - b[j * d + t]
            s += diff * diff
        }
        return s
    }

    @inline(__always) static func distance(
        _ points: [Double], _ i: Int, _ centers: [Double], _ c: Int, _ d: Int
    ) -> Double {
        squared(points, i, centers, c, d)
    }

    static let block = 32_768

    /// Lloyd iterations from `start` until centres move less than `threshold` (squared).
    static func lloyd(_ points: [Double], _ d: Int, _ start: [Double], maxIterations: Int, threshold: Double) -> Fit {
        let n = points.count / d
        let k = start.count / d
        var centers = start
        var labels = [Int32](repeating: 0, count: n)
        var iterations = 0
        var reseeded = 0
        var inertia = 0.0
        let blocks = (n + block - 1) / block
        while true {
            iterations += 1
            // Assign in blocks on all cores; sums per block, combined in block order.
            let current = centers
            let partials = Mutex(
                [(labels: [Int32], sums: [Double], counts: [Int], inertia: Double, far: (Double, Int))?](
                    repeating: nil, count: blocks))
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let lo = b * block, hi = min(n, lo + block)
                var blockLabels = [Int32](repeating: 0, count: hi - lo)
                var sums = [Double](repeating: 0, count: k * d)
                var counts = [Int](repeating: 0, count: k)
                var blockInertia = 0.0
                var far = (-1.0, -1)
                if d == 3 {
                    KMeans.assign3(points, current, k, lo..<hi, &blockLabels, &sums, &counts, &blockInertia, &far)
                } else {
                    points.withUnsafeBufferPointer { p in
                        current.withUnsafeBufferPointer { centres in
                            for i in lo..<hi {
                                var bestC = 0, bestD = Double.infinity
                                let xi = i * d
                                for c in 0..<k {
                                    var dist = 0.0
                                    for t in 0..<d {
                                        let diff = p[xi + t] - centres[c * d + t]
                                        dist += diff * diff
                                    }
                                    if dist < bestD {
                                        bestD = dist
                                        bestC = c
                                    }
                                }
                                blockLabels[i - lo] = Int32(bestC)
                                counts[bestC] += 1
                                for t in 0..<d { sums[bestC * d + t] += p[xi + t] }
                                blockInertia += bestD
                                if bestD > far.0 { far = (bestD, i) }
                            }
                        }
                    }
                }
                partials.withLock { $0[b] = (blockLabels, sums, counts, blockInertia, far) }
            }
            let parts = partials.withLock { $0 }.map { $0! }
            var sums = [Double](repeating: 0, count: k * d)
            var counts = [Int](repeating: 0, count: k)
            inertia = 0
            var farthest = [(Double, Int)]()
            for (b, part) in parts.enumerated() {
                let lo = b * block
                for (j, label) in part.labels.enumerated() { labels[lo + j] = label }
                for t in 0..<(k * d) { sums[t] += part.sums[t] }
                for c in 0..<k { counts[c] += part.counts[c] }
                inertia += part.inertia
                farthest.append(part.far)
            }
            var next = centers
            var moved = 0.0
            // An empty cluster takes the point farthest from its centre (the earliest on ties).
            var taken = Set<Int>()
            let candidates = farthest.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for c in 0..<k {
                if counts[c] == 0 {
                    if let pick = candidates.first(where: { $0.1 >= 0 && !taken.contains($0.1) }) {
                        taken.insert(pick.1)
                        for t in 0..<d { next[c * d + t] = points[pick.1 * d + t] }
                        reseeded += 1
                        moved = .infinity
                    }
                    continue
                }
                var shift = 0.0
                for t in 0..<d {
                    let v = sums[c * d + t] / Double(counts[c])
                    shift += (v - centers[c * d + t]) * (v - centers[c * d + t])
                    next[c * d + t] = v
                }
                moved = max(moved, shift)
            }
            centers = next
            if moved <= threshold || iterations >= maxIterations { break }
        }
        return Fit(centers: centers, labels: labels, inertia: inertia, iterations: iterations, reseeded: reseeded)
    }

    /// The assignment step for three features (RFM), the common case: the point's coordinates
    /// stay in registers and the per-cluster sums live in raw buffers. The same arithmetic, in
    /// the same order, as the general loop.
    static func assign3(
        _ points: [Double], _ centres: [Double], _ k: Int, _ rows: Range<Int>, _ labels: inout [Int32],
        _ sums: inout [Double], _ counts: inout [Int], _ inertia: inout Double, _ far: inout (Double, Int)
    ) {
        points.withUnsafeBufferPointer { p in
            centres.withUnsafeBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { l in
                    sums.withUnsafeMutableBufferPointer { s in
                        counts.withUnsafeMutableBufferPointer { n in
                            for i in rows {
                                let (x, y, z) = (p[3 * i], p[3 * i + 1], p[3 * i + 2])
                                var bestC = 0, bestD = Double.infinity
                                for j in 0..<k {
                                    let dx = x - c[3 * j], dy = y - c[3 * j + 1], dz = z - c[3 * j + 2]
                                    let dist = dx * dx + dy * dy + dz * dz
                                    if dist < bestD {
                                        bestD = dist
                                        bestC = j
                                    }
                                }
                                l[i - rows.lowerBound] = Int32(bestC)
                                n[bestC] += 1
                                s[3 * bestC] += x
                                s[3 * bestC + 1] += y
                                s[3 * bestC + 2] += z
                                inertia += bestD
                                if bestD > far.0 { far = (bestD, i) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Mean silhouette of the labelled points, on a seeded sample of at most `sampleSize`.
    package static func silhouette(
        _ points: [Double], dimensions d: Int, labels: [Int32], k: Int, sampleSize: Int = 10_000, seed: UInt64 = 0
    ) -> Double {
        let n = points.count / d
        guard k > 1, n > 1 else { return 0 }
        var rng = RandomSource(seed: seed &+ 0x5117)
        var rows = Array(0..<n)
        if n > sampleSize {
            for i in 0..<sampleSize { rows.swapAt(i, i + rng.below(n - i)) }
            rows = Array(rows[0..<sampleSize]).sorted()
        }
        // The sample grouped by cluster (stable), each coordinate contiguous: the distance
        // from a point to a whole cluster is then one SIMD loop over a range.
        let sampled = rows
        // Positions in the sample.
        let order = sampled.indices.sorted { (labels[sampled[$0]], $0) < (labels[sampled[$1]], $1) }
        let m = order.count
        let coordinates = (0..<d).map { t in order.map { points[sampled[$0] * d + t] } }
        let label = order.map { Int(labels[sampled[$0]]) }
        var ranges = [Range<Int>](repeating: 0..<0, count: k)
        var start = 0
        for c in 0..<k {
            var end = start
            while end < m && label[end] == c { end += 1 }
            ranges[c] = start..<end
            start = end
        }
        let clusters = ranges
        let values = ParallelBlocks.map(count: m, block: 256) { block -> [Double] in
            var mean = [Double](repeating: 0, count: k)
            return block.map { a in
                let own = label[a]
                for c in 0..<k {
                    let size = clusters[c].count - (c == own ? 1 : 0)  // a's distance to itself is 0
                    mean[c] =
                        size > 0 ? KMeans.distanceSum(coordinates, from: a, over: clusters[c]) / Double(size) : .nan
                }
                guard !mean[own].isNaN else { return 0 }
                var b = Double.infinity
                for c in 0..<k where c != own && !mean[c].isNaN { b = min(b, mean[c]) }
                return b.isFinite && max(mean[own], b) > 0 ? (b - mean[own]) / max(mean[own], b) : 0
            }
        }.flatMap { $0 }
        // Summed in sample order, not cluster order, as before the grouping.
        var total = 0.0
        var byRow = [Double](repeating: 0, count: m)
        for (i, position) in order.enumerated() { byRow[position] = values[i] }
        for v in byRow { total += v }
        return total / Double(m)
    }

    /// Σ over `range` of the Euclidean distance from point `a`, four points at a time.
    static func distanceSum(_ coordinates: [[Double]], from a: Int, over range: Range<Int>) -> Double {
        var acc = SIMD4<Double>(repeating: 0)
        var j = range.lowerBound
        let d = coordinates.count
        if d == 3 {
            coordinates[0].withUnsafeBufferPointer { x in
                coordinates[1].withUnsafeBufferPointer { y in
                    coordinates[2].withUnsafeBufferPointer { z in
                        let (xa, ya, za) = (SIMD4(repeating: x[a]), SIMD4(repeating: y[a]), SIMD4(repeating: z[a]))
                        while j + 4 <= range.upperBound {
                            let dx = SIMD4(x[j], x[j + 1], x[j + 2], x[j + 3]) - xa
                            let dy = SIMD4(y[j], y[j + 1], y[j + 2], y[j + 3]) - ya
                            let dz = SIMD4(z[j], z[j + 1], z[j + 2], z[j + 3]) - za
                            acc += (dx * dx + dy * dy + dz * dz).squareRoot()
                            j += 4
                        }
                    }
                }
            }
        }
        var sum = acc.sum()
        while j < range.upperBound {
            var s2 = 0.0
            for t in 0..<d {
                let diff = coordinates[t][j] - coordinates[t][a]
                s2 += diff * diff
            }
            sum += s2.squareRoot()
            j += 1
        }
        return sum
    }
}
