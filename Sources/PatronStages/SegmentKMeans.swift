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
    struct Parameters: ModuleParameters {
        var customer = "customer_id"
        var features = ["recency_days", "frequency", "monetary"]
        var transform = Transform.log1p
        var standardize = true
        var k = Value.string("auto")
        var kMin = 2
        var kMax = 8
        var nInit = 10
        var maxIter = 300
        var tol = 1e-4
        var seed = 0
        var sample = 10_000

        static let fields: [ParamField<Self>] = [
            ParamField("customer", \.customer, help: "customer id column"),
            ParamField("features", \.features, help: "numeric columns"),
            ParamField("transform", \.transform, help: "`log1p` (sign kept for negative values) or `none`"),
            ParamField(
                "standardize", \.standardize,
                help: "mean 0, standard deviation 1 per feature; a constant feature becomes 0"),
            ParamField("k", \.k, help: "a number, or `auto`: try `k_min`…`k_max` and keep the best silhouette"),
            ParamField("k_min", \.kMin, help: "smallest k `auto` tries"),
            ParamField("k_max", \.kMax, help: "largest k `auto` tries"),
            ParamField("n_init", \.nInit, help: "k-means++ restarts; the best is kept"),
            ParamField("max_iter", \.maxIter, help: "Lloyd iterations at most"),
            ParamField("tol", \.tol, help: "stop when centres move less than `tol` × mean feature variance"),
            ParamField("seed", \.seed, help: "random seed: the same seed gives the same clusters on any machine"),
            ParamField("sample", \.sample, help: "points used for each k's silhouette"),
        ]
    }

    enum Transform: String, ParamChoice {
        case log1p, none
    }

    static let name = "segment.kmeans"
    static let version = "2"
    static let summary =
        "k-means clusters of customers (k-means++, restarts, fixed seed); k: auto picks k by silhouette."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] { ["centroids", "selection"] }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        if params.k.string != "auto" && (params.k.int ?? 0) < 1 {
            problems.append(
                ParamProblem(
                    \Parameters.k, "is a number of clusters (1 or more) or auto, got '\(params.k.interpolated)'"))
        }
        if params.kMin < 2 || params.kMax < params.kMin {
            problems.append(
                ParamProblem(
                    \Parameters.kMin, verbatim: "auto needs 2 ≤ k_min ≤ k_max, got \(params.kMin)…\(params.kMax)"))
        }
        if params.nInit < 1 { problems.append(ParamProblem(\Parameters.nInit, "must be at least 1")) }
        if params.features.isEmpty { problems.append(ParamProblem(\Parameters.features, "needs at least one column")) }
        return problems
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        let input = context.inputs[0].table
        let featureNames = params.features
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
        let customerName = params.customer
        guard let customers = input[customerName] else {
            throw StageFailure("customer: input has no column '\(customerName)'")
        }
        let n = input.rowCount
        let d = featureNames.count
        guard n >= 2 else { throw StageFailure("need at least 2 customers to cluster, found \(n)") }

        // Features: transform, standardise, then row-major.
        let logged = params.transform == .none ? raw : raw.map { $0.map { $0 < 0 ? -log1p(-$0) : log1p($0) } }
        let scaled = params.standardize ? logged.map(standardised) : logged
        var points = [Double](repeating: 0, count: n * d)
        for j in 0..<d { for i in 0..<n { points[i * d + j] = scaled[j][i] } }

        let options = KMeans.Options(
            restarts: params.nInit, maxIterations: params.maxIter, tolerance: params.tol,
            seed: UInt64(max(0, params.seed)))
        let sample = params.sample
        var candidates: [Int]
        if let k = params.k.int {
            candidates = [min(k, n)]
        } else {
            candidates = Array(params.kMin...params.kMax).filter { $0 <= n }
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
