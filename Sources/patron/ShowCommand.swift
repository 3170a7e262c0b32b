import ArgumentParser
import Foundation
import PatronCSV
import PatronPipeline
import PatronStages
import PatronSupport
import PatronTable

/// Finds the cached table behind `STAGE[.PORT]`: the current key's entry, else the last
/// completed one (with a warning that it is stale).
struct CachedPort {
    var table: Table
    var ref: PipelineFile.InputRef
    /// Rows in the whole port (`table` may hold only the first of them).
    var totalRows: Int

    /// With `rows`, only the first `rows` rows are read (a preview of a large table is quick).
    static func load(
        pipeline: String, target: String, options: ProjectOptions, params: [String] = [], rows: Int? = nil
    ) throws -> CachedPort {
        let project = try options.load()
        // Reading never writes: a pipeline that writes outside the project (--allow-outside)
        // can still be shown and exported from.
        let plan = try project.plan(
            pipeline, registry: BuiltinModules.registry, overrides: parseOverrides(params), allowOutside: true)
        let ref = PipelineFile.InputRef(parsing: target)
        guard let stage = plan.stage(ref.stage) else {
            throw PipelineError.usage(
                "pipeline '\(pipeline)' has no stage '\(ref.stage)'; its stages: \(plan.stages.map(\.id).joined(separator: ", "))"
            )
        }
        guard stage.ports.contains(ref.port) else {
            throw PipelineError.usage(
                "stage '\(ref.stage)' has no port '\(ref.port)'; its ports: \(stage.ports.joined(separator: ", "))")
        }
        let cache = try LocalCacheStore(root: project.cacheDirectory)
        let keys = plan.keys(project: project, hasher: FileHasher(memoPath: project.stateDirectory + "/statcache.json"))
        func read(_ key: String) throws -> CachedPort {
            let total = cache.meta(key)?.ports.first { $0.name == ref.port }?.rows
            guard let rows, let total else {
                let table = try cache.load(key, port: ref.port)
                return CachedPort(table: table, ref: ref, totalRows: table.rowCount)
            }
            return CachedPort(table: try cache.head(key, port: ref.port, rows: rows), ref: ref, totalRows: total)
        }
        if let key = try? keys[stage.id]?.get().key, cache.contains(key) {
            return try read(key)
        }
        if let last = PipelineState.load(project, pipeline: plan.name).stages[stage.id], cache.contains(last.key) {
            FileHandle.standardError.write(
                Data(
                    "patron: '\(ref.stage)' is stale; showing its last completed output (run `patron run \(pipeline)` to refresh)\n"
                        .utf8))
            return try read(last.key)
        }
        FileHandle.standardError.write(
            Data("patron: '\(ref.stage)' has no cached output yet; run `patron run \(pipeline)` first\n".utf8))
        throw ExitCode(1)
    }
}

extension Patron {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview a stage's cached table, like a notebook cell's output.",
            discussion: """
                The table format previews the first 20 rows (--head N for more); csv and json print
                every row unless --head is given.

                Examples:
                  patron show customer-health orders
                  patron show customer-health orders.rejects --format csv > rejects.csv
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        @Argument(help: "Pipeline name.") var pipeline: String
        @Argument(help: "STAGE or STAGE.PORT.") var target: String
        @Option(name: .long, help: "Rows to show (default: 20 in the table format, all in csv and json).")
        var head: Int?
        @Option(name: .long, help: "table, csv or json.") var format: Format = .table
        @Option(name: .long, help: "The params the run used: name=value (repeatable).") var param: [String] = []
        @OptionGroup var projectOptions: ProjectOptions

        func run() throws {
            // The table format is a preview; csv and json are data, whole unless cut on purpose.
            let rows = head.map { max(0, $0) } ?? (format == .table ? 20 : nil)
            let port = try CachedPort.load(
                pipeline: pipeline, target: target, options: projectOptions, params: param, rows: rows)
            let table = rows.map { port.table.head($0) } ?? port.table
            switch format {
            case .csv: FileHandle.standardOutput.write(Data(CSVWriter.encode(table)))
            case .json: print(TableText.json(table))
            case .table:
                print("\(port.ref): \(port.totalRows) rows × \(port.table.columnCount) columns")
                print(TableText.grid(table), terminator: "")
                if port.totalRows > table.rowCount {
                    print("… \(port.totalRows - table.rowCount) more rows (--head N)")
                }
            }
        }
    }

    /// `patron export`: a stage's table to a file (the default), or a pipeline as a Slurm script.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stage's cached table to a CSV or Arrow file, or a pipeline as a Slurm script.",
            discussion: """
                Examples:
                  patron export customer-health rfm -o rfm.csv
                  patron export slurm customer-health -o customer-health-slurm.sh
                """,
            subcommands: [ExportTable.self, ExportSlurm.self], defaultSubcommand: ExportTable.self)
    }

    struct ExportTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "table", abstract: "Write a stage's cached table to a CSV or Arrow file (the default).")

        @Argument(help: "Pipeline name.") var pipeline: String
        @Argument(help: "STAGE or STAGE.PORT.") var target: String
        @Option(name: .shortAndLong, help: "Output file: .csv or .arrow.") var output: String
        @Option(name: .long, help: "The params the run used: name=value (repeatable).") var param: [String] = []
        @Flag(name: .long, help: .hidden) var allowOutside = false
        @OptionGroup var projectOptions: ProjectOptions

        func validate() throws {
            guard output.hasSuffix(".csv") || output.hasSuffix(".arrow") else {
                throw ValidationError("-o must end in .csv or .arrow")
            }
        }

        /// -o is the user's own command line: it goes where it says (relative to the working
        /// folder), folders made as needed. Only pipeline files are confined to their project.
        func run() throws {
            let target = ProjectPath.absolute(output, root: FileManager.default.currentDirectoryPath)
            let port = try CachedPort.load(
                pipeline: pipeline, target: self.target, options: projectOptions, params: param)
            let folder = (target as NSString).deletingLastPathComponent
            if let problem = Folders.make(folder) {
                Main.fail("cannot write \(output): cannot make the folder \(folder): \(problem)", code: 1)
            }
            // Written beside the target and renamed: an interrupted export leaves the old file or none.
            do {
                try AtomicFile.replace(target) { temporary in
                    if output.hasSuffix(".arrow") {
                        try ArrowIPC.write(port.table, to: temporary)
                    } else {
                        try SequentialFile.write(CSVWriter.encode(port.table), to: temporary)
                    }
                }
            } catch {
                Main.fail("cannot write \(output): \(error)", code: 1)
            }
            print("wrote \(port.table.rowCount) rows to \(output)")
        }
    }
}

/// Folders made as `mkdir -p` makes them, with the system's reason when one cannot be.
enum Folders {
    /// Makes `path` and its missing parents; nil when it exists afterwards, else why not.
    static func make(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : "a file of that name is in the way"
        }
        if let problem = make((path as NSString).deletingLastPathComponent), path != "/" { return problem }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return String(cString: strerror(errno)) }
        return nil
    }
}

/// Tables as text for a terminal.
enum TableText {
    static func grid(_ table: Table, maxWidth: Int = 40) -> String {
        let cells: [[String]] = (0..<table.rowCount).map { row in
            table.columns.map { column in
                let text =
                    column.isNull(row)
                    ? "null" : ValueFormat.format(column, row).replacingOccurrences(of: "\n", with: "⏎")
                return text.count > maxWidth ? String(text.prefix(maxWidth - 1)) + "…" : text
            }
        }
        let header = zip(table.names, table.columns).map { "\($0) (\($1.type.rawValue))" }
        let widths = header.indices.map { c in max(header[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ values: [String]) -> String {
            values.enumerated().map { c, v in
                let numeric = [.int, .decimal].contains(table.columns[c].type)
                let pad = String(repeating: " ", count: widths[c] - v.count)
                return numeric ? pad + v : v + pad
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "─", count: $0) }) + cells.map(line).joined()
    }

    static func json(_ table: Table) -> String {
        let rows: [Value] = (0..<table.rowCount).map { row in
            .map(
                zip(table.names, table.columns).map { name, column in
                    if column.isNull(row) { return .init(name, .null) }
                    switch column.storage {
                    case .int(let v): return .init(name, .int(Int(v[row])))
                    case .decimal(let v): return .init(name, .double(v[row]))
                    case .bool(let v): return .init(name, .bool(v[row]))
                    default: return .init(name, .string(ValueFormat.format(column, row)))
                    }
                })
        }
        return Value.list(rows).canonicalJSON
    }
}
