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
    static let spec = ModuleSpec(
        name: "ingest.csv", version: "3",
        summary: "Read a CSV file into typed columns; rows that do not fit go to `rejects` with line and reason.",
        inputs: .none,
        params: [
            ParamSpec("path", .inputFile, required: true, help: "CSV file, relative to the project root or absolute"),
            ParamSpec(
                "columns", .map,
                help:
                    "columns to keep and their types (string, text, int, decimal, date, bool); default: all, types inferred"
            ),
            ParamSpec(
                "delimiter", .string, default: .string(","), help: "field separator, one character (\\t for tab)"),
            ParamSpec("quote", .string, default: .string("\""), help: "quote character"),
            ParamSpec("decimal", .choice([".", ","]), default: .string("."), help: "decimal separator"),
            ParamSpec(
                "thousands", .string,
                help: "digit-group separator (default: ',' with decimal '.', '.' with decimal ',')"),
            ParamSpec(
                "date_format", .string, default: .string("%Y-%m-%d"),
                help: "layout of date columns: %Y %y %m %d and literals"),
            ParamSpec(
                "max_reject_ratio", .number, default: .double(0.05),
                help: "fail when a larger share of rows is rejected"),
            ParamSpec(
                "encoding", .choice(CSVEncoding.allCases.map(\.rawValue)), default: .string("utf-8"),
                help: "character encoding of the file"),
            ParamSpec(
                "max_record_mb", .number, default: .double(64),
                help: "a record longer than this many MiB fails the read (a quote that never closes)"),
            ParamSpec(
                "allow_empty", .bool, default: .bool(false),
                help: "accept a file with a header and no data rows (otherwise an error: usually a failed export)"),
            ParamSpec(
                "line_numbers", .bool, default: .bool(true),
                help: "add a source_line column: the line where each row starts, so later stages can name it"),
        ],
        ports: ["rejects"],
        validate: { params in
            var problems = [(param: String, message: String)]()
            if case .map(let entries)? = params["columns"] {
                for entry in entries where ColumnType(rawValue: entry.value.string ?? "") == nil {
                    problems.append(
                        (
                            "columns",
                            "column '\(entry.key)': type '\(entry.value.interpolated)' is not one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", "))"
                        ))
                }
            }
            for name in ["delimiter", "quote", "thousands"] {
                if let s = params[name]?.string, singleByte(s) == nil {
                    problems.append((name, "'\(name)' must be one ASCII character, got '\(s)'"))
                }
            }
            if let f = params["date_format"]?.string {
                do { _ = try DateFormat(f) } catch { problems.append(("date_format", String(describing: error))) }
            }
            if let m = params["max_record_mb"]?.double, !(m >= 0.001 && m <= 4096) {
                problems.append(("max_record_mb", "'max_record_mb' is a size in MiB between 0.001 and 4096, got \(m)"))
            }
            if let r = params["max_reject_ratio"]?.double, !(0...1).contains(r) {
                problems.append(("max_reject_ratio", "'max_reject_ratio' is a share between 0 and 1, got \(r)"))
            }
            return problems
        })

    static func singleByte(_ s: String) -> UInt8? {
        if s == "\\t" { return 9 }
        let bytes = Array(s.utf8)
        return bytes.count == 1 && bytes[0] < 128 ? bytes[0] : nil
    }

    static func run(_ context: StageContext) async throws -> StageOutput {
        guard let path = context.path("path") else { throw StageFailure("ingest.csv needs 'path'") }
        var options = try csvOptions(context.params)
        if context.bool("line_numbers") ?? true { options.lineColumn = "source_line" }
        let name = context.string("path") ?? path
        let progress = context.progress
        progress("reading \(name)")
        options.progress = { share in progress("reading \(name): \(Int(share * 100))%") }
        let result = try await CSVReader.read(path: path, options: options)
        if result.rowsRead == 0, context.bool("allow_empty") != true {
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

    /// CSV options from `ingest.csv`-style params; `shell` reuses it to read outputs back.
    static func csvOptions(_ params: [String: Value]) throws -> CSVOptions {
        var options = CSVOptions()
        if let d = params["delimiter"]?.string, let b = singleByte(d) { options.delimiter = b }
        if let q = params["quote"]?.string, let b = singleByte(q) { options.quote = b }
        if let d = params["decimal"]?.string, let b = singleByte(d) { options.decimalSeparator = b }
        if let t = params["thousands"]?.string { options.thousandsSeparator = singleByte(t) }
        if let f = params["date_format"]?.string { options.dateFormat = try DateFormat(f) }
        if let r = params["max_reject_ratio"]?.double { options.maxRejectRatio = r }
        if let e = params["encoding"]?.string, let encoding = CSVEncoding(rawValue: e) { options.encoding = encoding }
        if let m = params["max_record_mb"]?.double { options.maxRecordBytes = Int(m * 1_048_576) }
        if case .map(let entries)? = params["columns"] {
            options.columns = entries.map { .init($0.key, ColumnType(rawValue: $0.value.string ?? "") ?? .string) }
        }
        return options
    }
}
