import PatronPipeline
import PatronReport

/// `ingest.csv` in the report: why rows were rejected, and where every line of the file went.
extension IngestCSV: ReportContributing {
    static func sectionBlocks(_ stage: ReportStage<Self>, in report: ReportContext) throws -> [Block] {
        try report.rejectsBlocks(stage.info)
    }

    static func rowAccounting(_ stage: ReportStage<Self>, in report: ReportContext) throws -> RowAccounting? {
        try report.rowAccounting(
            stage.info, inKey: "rows_read",
            note: stage.counts["blank_lines"].map { "and \(Format.grouped($0)) blank lines, not rows" })
    }
}
