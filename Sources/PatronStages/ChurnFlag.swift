import PatronPipeline
import PatronTable

/// `churn.flag`: marks the customers a lifetime-value model thinks are slipping away — P(alive)
/// below a threshold — so that someone can call them before they are gone.
///
/// ```yaml
/// at_risk:
///   use: churn.flag
///   inputs: [ltv]
///   with: {threshold: 0.3}
/// ```
///
/// The README's worked example of a module: this file (parameters, what the stage computes)
/// and `ChurnFlag+Report.swift` (its report section and its `customers.csv` column), plus its
/// name in `BuiltinModules.registry`.
enum ChurnFlag: StageModule {
    struct Parameters: ModuleParameters {
        var threshold = 0.3
        var customer = "customer_id"
        var alive = "p_alive"
        var value = "clv"

        static let fields: [ParamField<Self>] = [
            ParamField("threshold", \.threshold, help: "flag customers whose P(alive) is below this, 0 to 1"),
            ParamField("customer", \.customer, help: "customer id column"),
            ParamField("alive", \.alive, help: "P(alive) column (ltv's p_alive)"),
            ParamField("value", \.value, help: "value column to rank the flagged by, if the input has it (ltv's clv)"),
        ]
    }

    static let name = "churn.flag"
    static let version = "1"
    static let summary = "Flag customers whose P(alive) is below a threshold; the value at stake in the report."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func validate(_ params: Parameters) -> [ParamProblem] {
        (0...1).contains(params.threshold)
            ? [] : [ParamProblem(\Parameters.threshold, "is a probability between 0 and 1, got \(params.threshold)")]
    }

    static func inputColumns(_ params: Parameters) -> [String]? { [params.customer, params.alive, params.value] }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        let input = context.inputs[0].table
        guard let customers = input[params.customer] else {
            throw StageFailure(
                "customer: input '\(context.inputs[0].ref)' has no column '\(params.customer)'; it has: \(input.names.joined(separator: ", "))"
            )
        }
        guard let alive = input[params.alive], let probabilities = alive.doubles else {
            throw StageFailure(
                "alive: input '\(context.inputs[0].ref)' has no number column '\(params.alive)'; read an ltv stage's main table"
            )
        }
        // A customer without a P(alive) (null) is not flagged: there is nothing to go on.
        let flags = probabilities.indices.map { !alive.isNull($0) && probabilities[$0] < params.threshold }
        var names = [params.customer, params.alive, "at_risk"]
        var columns = [customers, alive, .bool(flags)]
        if let value = input[params.value], value.doubles != nil {
            names.append(params.value)
            columns.append(value)
        }
        return StageOutput(
            main: try Table(names: names, columns: columns),
            counts: ["customers": flags.count, "at_risk": flags.count { $0 }])
    }
}
