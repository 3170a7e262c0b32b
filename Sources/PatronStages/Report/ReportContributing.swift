import PatronPipeline
import PatronReport
import PatronTable

/// What a module's stages add to a report, declared beside the module (`SegmentRFM+Report.swift`
/// for `segment.rfm`): the body of each stage's section, headline figures and charts for the
/// overview, its row accounting, its columns of `customers.csv`, and a grouping of customers
/// that other sections may break their figures down by. Every requirement has a default that
/// adds nothing; the report stage asks each stage upstream of it in pipeline order and names
/// no module.
///
/// ```swift
/// extension ChurnFlag: ReportContributing {
///     static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
///         let table = try report.loader.load(stage.id, columns: ["customer_id", "at_risk"])
///         guard let ids = table.strings("customer_id"), let flags = table.ints("at_risk") else { return nil }
///         return CustomerColumns(ids: ids, columns: [CustomerColumn("at_risk", .integer(flags))])
///     }
/// }
/// ```
protocol ReportContributing: StageModule {
    /// Whether the stage's main table has one row per customer (`customer_id`): the first
    /// such stage upstream gives the report its customer count and `customers.csv` its rows.
    static var oneRowPerCustomer: Bool { get }
    /// The section's own blocks, after the stage's notes, facts and parameters and before the
    /// preview of its table.
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block]
    /// Headline facts and charts for the overview.
    static func overview(_ stage: ReportStage<Self>, in report: ReportContext) throws -> OverviewPart
    /// Rows in, kept and rejected, and the rejected rows by reason, for the overview's
    /// "nothing is lost" line and table.
    static func rowAccounting(_ stage: ReportStage<Self>, in report: ReportContext) throws -> RowAccounting?
    /// Columns for `customers.csv`, keyed by customer id.
    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns?
    /// A name per customer (a segment) that other sections may break their figures down by.
    static func customerGroups(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerGroups?
}

extension ReportContributing {
    static var oneRowPerCustomer: Bool { false }
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] { [] }
    static func overview(_ stage: ReportStage<Self>, in report: ReportContext) throws -> OverviewPart {
        OverviewPart()
    }
    static func rowAccounting(_ stage: ReportStage<Self>, in report: ReportContext) throws -> RowAccounting? { nil }
    static func customerColumns(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerColumns? {
        nil
    }
    static func customerGroups(_ stage: ReportStage<Self>, in report: ReportContext) throws -> CustomerGroups? { nil }

    /// The stage with this module's typed parameters.
    static func reportStage(_ info: PipelineInfo.Stage) -> ReportStage<Self> {
        ReportStage(
            info: info,
            params: Parameters(resolved: Dictionary(info.params.map { ($0.name, $0.value) }) { first, _ in first }))
    }

    // The same, for a module known only as `any ReportContributing.Type`.
    static func anySectionBlocks(_ info: PipelineInfo.Stage, _ report: ReportContext) throws -> [Block] {
        try sectionBlocks(reportStage(info), in: report)
    }
    static func anyOverview(_ info: PipelineInfo.Stage, _ report: ReportContext) throws -> OverviewPart {
        try overview(reportStage(info), in: report)
    }
    static func anyRowAccounting(_ info: PipelineInfo.Stage, _ report: ReportContext) throws -> RowAccounting? {
        try rowAccounting(reportStage(info), in: report)
    }
    static func anyCustomerColumns(_ info: PipelineInfo.Stage, _ report: ReportContext) throws -> CustomerColumns? {
        try customerColumns(reportStage(info), in: report)
    }
    static func anyCustomerGroups(_ info: PipelineInfo.Stage, _ report: ReportContext) throws -> CustomerGroups? {
        try customerGroups(reportStage(info), in: report)
    }
}

/// A stage upstream of the report, with its module's parameters typed.
struct ReportStage<Module: StageModule> {
    /// What the run recorded of the stage: rows per port, counts, notes.
    let info: PipelineInfo.Stage
    let params: Module.Parameters

    var id: String { info.id }
    /// Rows per port of its cache entry.
    var rows: [String: Int] { info.rows }
    /// The counts it reported.
    var counts: [String: Int] { info.counts }
}

/// A module's part of the overview.
struct OverviewPart {
    var facts: [Fact] = []
    var charts: [any Chart] = []
}

/// Where a stage's rows went.
struct RowAccounting {
    /// Rows in, kept and rejected, when the stage counted them.
    var counts: (rowsIn: Int, kept: Int, rejected: Int)?
    /// Rejected rows by reason, most first.
    var reasons: [(reason: String, rows: Int)]
    /// Said after the sum (lines that were not rows, say).
    var note: String? = nil
}

/// A module's columns of `customers.csv`.
struct CustomerColumns {
    /// The customer of each row of the columns' values.
    var ids: StringBuffer
    var columns: [CustomerColumn]
}

/// One column of `customers.csv`.
struct CustomerColumn {
    var name: String
    var values: CSVCell
    /// Right-aligned in the report's preview.
    var numeric: Bool

    init(_ name: String, _ values: CSVCell, numeric: Bool = true) {
        self.name = name
        self.values = values
        self.numeric = numeric
    }
}

/// Customers by group: each customer's group name.
struct CustomerGroups {
    /// What a group is called in a chart's axis ("Segment").
    var label: String
    var ids: StringBuffer
    /// The group of each customer in `ids`.
    var names: Column
}
