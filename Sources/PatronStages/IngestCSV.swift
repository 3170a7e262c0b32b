import PatronCSV
import PatronPipeline
import PatronTable

/// `ingest.csv`: reads a CSV file through libcsv into typed columns; bad rows go to
/// `rejects` with their line and reason.
///
/// ```yaml
/// orders:
///   use: ingest.csv
///   with:
///     path: Data/sample/orders.csv
///     columns: {customer_id: string, order_date: date, amount: decimal, feedback: text}
/// ```
enum IngestCSV: StageModule {
    struct Parameters: ModuleParameters {
        var path = ProjectFile("")
        var columns: ParamMap? = nil
        var delimiter = ","
        var quote = "\""
        var decimal = DecimalSeparator.point
        var thousands: String? = nil
        var dateFormat = "%Y-%m-%d"
        var maxRejectRatio = 0.05
        var encoding = CSVEncoding.utf8
        var maxRecordMB = 64.0
        var allowEmpty = false
        var lineNumbers = true

        static let fields: [ParamField<Self>] = [
            ParamField(
                "path", \.path, required: true,
                help: "the file, relative to the project root or absolute; its content is part of the cache key"),
            ParamField(
                "columns", \.columns, defaultText: "all, inferred",
                help:
                    "columns to keep, in this order, with types `string`, `text`, `int`, `decimal`, `date`, `datetime`, `bool`"
            ),
            ParamField("delimiter", \.delimiter, help: "one character (`\\t` for tab)"),
            ParamField("quote", \.quote, help: "quote character"),
            ParamField("decimal", \.decimal, help: "`.` or `,`"),
            ParamField(
                "thousands", \.thousands, defaultText: "by `decimal`",
                help: "digit-group separator: `,` with decimal `.`, `.` (and space) with decimal `,`"),
            ParamField(
                "date_format", \.dateFormat,
                help:
                    "`%Y %y %m %d %H %M %S %f %z %p` and literal characters, as `strptime` reads them: `%d.%m.%Y`, `%m/%d/%Y %H:%M`; the default also reads every ISO date-time (`2010-12-01T08:26:00Z`)"
            ),
            ParamField(
                "max_reject_ratio", \.maxRejectRatio, help: "above this share of rejected rows the stage fails instead"),
            ParamField(
                "encoding", \.encoding,
                help: "`utf-8`, `windows-1252` (Excel on Windows) or `latin-1`; converted while reading"),
            ParamField(
                "max_record_mb", \.maxRecordMB,
                help: "a record longer than this (at most 2047) fails the read with its line: a quote that never closes"
            ),
            ParamField(
                "allow_empty", \.allowEmpty,
                help: "accept a file with a header and no rows (otherwise an error: usually a failed export)"),
            ParamField(
                "line_numbers", \.lineNumbers, help: "add a `source_line` column: the line where each kept row starts"),
        ]
    }

    enum DecimalSeparator: String, ParamChoice {
        case point = "."
        case comma = ","
    }

    static let name = "ingest.csv"
    static let version = "3"
    static let summary =
        "Read a CSV file into typed columns; rows that do not fit go to `rejects` with line and reason."
    static let inputs = ModuleSpec.Inputs.none

    static func ports(_ params: Parameters) -> [String] { ["rejects"] }

    /// `source_line` says where a row came from, not what it says.
    static func provenance(_ params: Parameters, inputs: [Set<String>]) -> Set<String> {
        params.lineNumbers ? ["source_line"] : []
    }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        for entry in params.columns?.entries ?? [] where ColumnType(rawValue: entry.value.string ?? "") == nil {
            problems.append(
                ParamProblem(
                    \Parameters.columns,
                    verbatim:
                        "column '\(entry.key)': type '\(entry.value.interpolated)' is not one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        if singleByte(params.delimiter) == nil {
            problems.append(
                ParamProblem(\Parameters.delimiter, "must be one ASCII character, got '\(params.delimiter)'"))
        }
        if singleByte(params.quote) == nil {
            problems.append(ParamProblem(\Parameters.quote, "must be one ASCII character, got '\(params.quote)'"))
        }
        if let thousands = params.thousands, singleByte(thousands) == nil {
            problems.append(ParamProblem(\Parameters.thousands, "must be one ASCII character, got '\(thousands)'"))
        }
        do { _ = try DateFormat(params.dateFormat) } catch {
            problems.append(ParamProblem(\Parameters.dateFormat, verbatim: String(describing: error)))
        }
        if !(params.maxRecordMB >= 0.001 && params.maxRecordMB <= 2047) {
            problems.append(
                ParamProblem(
                    \Parameters.maxRecordMB,
                    "is a size in MiB between 0.001 and 2047 (a record holds at most 2 GiB of text), got \(params.maxRecordMB)"
                ))
        }
        if !(0...1).contains(params.maxRejectRatio) {
            problems.append(
                ParamProblem(\Parameters.maxRejectRatio, "is a share between 0 and 1, got \(params.maxRejectRatio)"))
        }
        return problems
    }

    static func singleByte(_ s: String) -> UInt8? {
        if s == "\\t" { return 9 }
        let bytes = Array(s.utf8)
        return bytes.count == 1 && bytes[0] < 128 ? bytes[0] : nil
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        let path = params.path.absolute(root: context.projectRoot)
        var options = try csvOptions(params)
        if params.lineNumbers { options.lineColumn = "source_line" }
        let name = params.path.path
        let progress = context.progress
        progress("reading \(name)")
        options.progress = { share in progress("reading \(name): \(Int(share * 100))%") }
        let result = try await CSVReader.read(path: path, options: options)
        if result.rowsRead == 0, !params.allowEmpty {
            throw StageFailure(
                "\(name) has a header but no data rows; an export that failed upstream looks like this. "
                    + "If an empty file is expected, set allow_empty: true")
        }
        var counts = [
            "rows_read": result.rowsRead, "rows_kept": result.table.rowCount, "rows_rejected": result.rejects.count,
        ]
        // Lines with nothing on them are not rows (every CSV reader skips them), but they are
        // counted, so that header + rows + blank lines account for every line of the file.
        if result.blankLines > 0 { counts["blank_lines"] = result.blankLines }
        return StageOutput(main: result.table, other: [("rejects", result.rejectsTable)], counts: counts)
    }

    /// CSV options from `ingest.csv` params (`shell` reads its outputs back with the defaults
    /// and its own `columns`).
    static func csvOptions(_ params: Parameters) throws -> CSVOptions {
        var options = CSVOptions()
        if let b = singleByte(params.delimiter) { options.delimiter = b }
        if let b = singleByte(params.quote) { options.quote = b }
        if let b = singleByte(params.decimal.rawValue) { options.decimalSeparator = b }
        if let t = params.thousands { options.thousandsSeparator = singleByte(t) }
        options.dateFormat = try DateFormat(params.dateFormat)
        options.maxRejectRatio = params.maxRejectRatio
        options.encoding = params.encoding
        options.maxRecordBytes = Int(params.maxRecordMB * 1_048_576)
        options.columns = params.columns.map(columnSpecs)
        return options
    }

    /// Declared columns (`{name: type}`), in the file's order.
    static func columnSpecs(_ columns: ParamMap) -> [CSVOptions.ColumnSpec] {
        columns.entries.map { .init($0.key, ColumnType(rawValue: $0.value.string ?? "") ?? .string) }
    }
}

extension CSVEncoding: ParamChoice {}
