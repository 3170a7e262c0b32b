import Foundation
import PatronModels
import PatronPipeline
import PatronTable

/// `segment.kmeans`: clusters customers on their features (by default `log1p` of recency,
/// frequency and monetary value, standardised), with `k: auto` choosing k by silhouette.
///
/// ```yaml
/// clusters:
///   use: segment.kmeans
///   inputs: [rfm]
///   with: {k: auto, seed: 1}
/// ```
enum SegmentKMeans: StageModule {
    static let spec = ModuleSpec(
        name: "segment.kmeans", version: "2",
        summary: "k-means clusters of customers (k-means++, restarts, fixed seed); k: auto picks k by silhouette.",
        inputs: .exactly(1),
        params: [
            ParamSpec("customer", .string, default: .string("customer_id"), help: "customer id column"),
            ParamSpec(
                "features", .list,
                default: .list([.string("recency_days"), .string("frequency"), .string("monetary")]),
                help: "numeric columns to cluster on"),
            ParamSpec(
                "transform", .choice(["log1p", "none"]), default: .string("log1p"),
                help: "log1p (sign kept for negatives) or none"),
            ParamSpec(
                "standardize", .bool, default: .bool(true),
                help: "scale each feature to mean 0, standard deviation 1 (a constant feature becomes 0)"),
            ParamSpec("k", .any, default: .string("auto"), help: "number of clusters, or auto"),
            ParamSpec("k_min", .int, default: .int(2), help: "smallest k tried by auto"),
            ParamSpec("k_max", .int, default: .int(8), help: "largest k tried by auto"),
            ParamSpec("n_init", .int, default: .int(10), help: "k-means++ restarts; the best is kept"),
            ParamSpec("max_iter", .int, default: .int(300), help: "Lloyd iterations at most"),
            ParamSpec(
                "tol", .number, default: .double(1e-4),
                help: "stop when centres move less than tol × mean feature variance"),
            ParamSpec(
                "seed", .int, default: .int(0),
                help: "random seed: the same seed gives the same clusters on any machine"),
            ParamSpec("sample", .int, default: .int(10_000), help: "points used for the silhouette of each k"),
        ],
        ports: ["centroids", "selection"],
        validate: { params in
            var problems = [(param: String, message: String)]()
            if let k = params["k"], k.string != "auto" && (k.int ?? 0) < 1 {
                problems.append(("k", "'k' is a number of clusters (1 or more) or auto, got '\(k.interpolated)'"))
            }
            let lo = params["k_min"]?.int ?? 2, hi = params["k_max"]?.int ?? 8
            if lo < 2 || hi < lo { problems.append(("k_min", "auto needs 2 ≤ k_min ≤ k_max, got \(lo)…\(hi)")) }
            if (params["n_init"]?.int ?? 10) < 1 { problems.append(("n_init", "'n_init' must be at least 1")) }
            if (params["features"]?.list ?? []).isEmpty {
                problems.append(("features", "'features' needs at least one column"))
            }
            return problems
        })

    static func run(_ context: StageContext) async throws -> StageOutput {
        let input = context.inputs[0].table
        let featureNames = (context.params["features"]?.list ?? []).compactMap(\.string)
        var raw = [[Double]]()
        for name in featureNames {
            guard let column = input[name] else {
                throw StageFailure(
                    "features: input '\(context.inputs[0].ref)' has no column '\(name)'; it has: \(input.names.joined(separator: ", "))"
                )
            }
            guard let values = column.doubles else {
                throw StageFailure(
                    "features: column '\(name)' is \(column.type.rawValue); clustering needs int or decimal columns")
            }
            raw.append(values)
            if column.validity != nil { throw StageFailure("features: column '\(name)' has nulls; clean them first") }
        }
        let customerName = context.string("customer") ?? "customer_id"
        guard let customers = input[customerName] else {
            throw StageFailure("customer: input has no column '\(customerName)'")
        }
        let n = input.rowCount, d = featureNames.count
        guard n >= 2 else { throw StageFailure("need at least 2 customers to cluster, found \(n)") }

        // Features: transform, standardise, then row-major.
        let logged =
            context.string("transform") == "none" ? raw : raw.map { $0.map { $0 < 0 ? -log1p(-$0) : log1p($0) } }
        let scaled = context.bool("standardize") ?? true ? logged.map(standardised) : logged
        var points = [Double](repeating: 0, count: n * d)
        for j in 0..<d { for i in 0..<n { points[i * d + j] = scaled[j][i] } }

        let options = KMeans.Options(
            restarts: context.int("n_init") ?? 10, maxIterations: context.int("max_iter") ?? 300,
            tolerance: context.double("tol") ?? 1e-4, seed: UInt64(max(0, context.int("seed") ?? 0)))
        let sample = context.int("sample") ?? 10_000
        var candidates: [Int]
        if let k = context.params["k"]?.int {
            candidates = [min(k, n)]
        } else {
            candidates = Array((context.int("k_min") ?? 2)...(context.int("k_max") ?? 8)).filter { $0 <= n }
        }
        if candidates.isEmpty { candidates = [min(2, n)] }
        var fits = [(k: Int, fit: KMeans.Fit, silhouette: Double)]()
        for k in candidates {
            context.progress("k = \(k)")
            let fit = KMeans.fit(points, dimensions: d, k: k, options: options)
            let s = KMeans.silhouette(
                points, dimensions: d, labels: fit.labels, k: k, sampleSize: sample, seed: options.seed)
            fits.append((k, fit, s))
        }
        let chosen = fits.max { $0.silhouette != $1.silhouette ? $0.silhouette < $1.silhouette : $0.k > $1.k }!
        let k = chosen.k

        // Number clusters 1…k by mean monetary value (or the first feature), highest first.
        let rankFeature = featureNames.firstIndex(of: "monetary") ?? 0
        var members = [Int](repeating: 0, count: k)
        var means = [[Double]](repeating: [Double](repeating: 0, count: d), count: k)
        for i in 0..<n {
            let c = Int(chosen.fit.labels[i])
            members[c] += 1
            for j in 0..<d { means[c][j] += raw[j][i] }
        }
        for c in 0..<k where members[c] > 0 { for j in 0..<d { means[c][j] /= Double(members[c]) } }
        let order = (0..<k).sorted {
            means[$0][rankFeature] != means[$1][rankFeature] ? means[$0][rankFeature] > means[$1][rankFeature] : $0 < $1
        }
        var number = [Int64](repeating: 0, count: k)
        for (rank, c) in order.enumerated() { number[c] = Int64(rank + 1) }

        let main = try Table(
            names: [customerName == "customer_id" ? "customer_id" : customerName, "cluster"],
            columns: [customers, .int(chosen.fit.labels.map { number[Int($0)] })])
        var centroids = Table()
        try centroids.append("cluster", .int(order.indices.map { Int64($0 + 1) }))
        try centroids.append("customers", .int(order.map { Int64(members[$0]) }))
        for (j, name) in featureNames.enumerated() { try centroids.append(name, .decimal(order.map { means[$0][j] })) }
        let selection = try Table(
            names: ["k", "inertia", "silhouette", "chosen"],
            columns: [
                .int(fits.map { Int64($0.k) }), .decimal(fits.map(\.fit.inertia)), .decimal(fits.map(\.silhouette)),
                .bool(fits.map { $0.k == k }),
            ])
        return StageOutput(
            main: main, other: [("centroids", centroids), ("selection", selection)],
            counts: ["customers": n, "k": k, "reseeded": chosen.fit.reseeded])
    }

    /// Mean 0, standard deviation 1; a constant feature becomes all zeros.
    static func standardised(_ values: [Double]) -> [Double] {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return values.map { sd > 0 ? ($0 - mean) / sd : 0 }
    }
}
