import PatronPipeline
import PatronReport
import PatronTable

/// `churn.flag` in the report: how many customers are at risk and what they are worth, the
/// most valuable of them, and an `at_risk` column (1 or 0) in `customers.csv`.
extension ChurnFlag: ReportContributing {
    static var oneRowPerCustomer: Bool { true }

    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        let p = stage.params
        let table = try report.loader.load(stage.id, columns: [p.customer, "at_risk", p.value])
        guard case .bool(let flags)? = table["at_risk"]?.storage else { return [] }
        let flagged = flags.indices.filter { flags[$0] }
        var facts = [
            Fact("At risk", "\(Format.grouped(flagged.count)) of \(Format.grouped(flags.count)) customers"),
            Fact("Threshold", "P(alive) below \(Format.significant(p.threshold, 3))"),
        ]
        var blocks = [Block]()
        if let value = table[p.value], let values = value.doubles {
            let atStake = flagged.reduce(0.0) { value.isNull($1) ? $0 : $0 + values[$1] }
            facts.append(Fact("Their \(p.value)", Format.money(atStake)))
            if report.top > 0, let ids = table.strings(p.customer) {
                // The most valuable customers at risk: the first ones to call.
                let order = ReportTables.topIndices(
                    flagged.map { values[$0] }, count: report.top, validity: flagged.map { !value.isNull($0) })
                let rows = order.map { [ids[flagged[$0]], Format.money(values[flagged[$0]])] }
                blocks.append(
                    .table(
                        DataTable(
                            caption: "Customers at risk with the most \(p.value)", columns: ["Customer", p.value],
                            numeric: [false, true], rows: rows)))
            }
        }
        return [.facts(facts)] + blocks
    }

    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        let table = try report.loader.load(stage.id, columns: [stage.params.customer, "at_risk"])
        guard let ids = table.strings(stage.params.customer), case .bool(let flags)? = table["at_risk"]?.storage
        else { return nil }
        return CustomerColumns(ids: ids, columns: [CustomerColumn("at_risk", .integer(flags.map { $0 ? 1 : 0 }))])
    }
}
