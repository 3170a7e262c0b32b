import Foundation
import PatronCSV
import PatronPipeline
import PatronSupport
import PatronTable

/// `shell`: runs a command (a Python or R script, a SQL client, anything) as a stage.
///
/// Each input is written to a file whose path is in `PATRON_INPUT_<NAME>` (`orders` →
/// `PATRON_INPUT_ORDERS`, `clean.rejects` → `PATRON_INPUT_CLEAN_REJECTS`; the first input is
/// also `PATRON_INPUT`). The command writes each declared output to `PATRON_OUTPUT_<PORT>`
/// (`main` is also `PATRON_OUTPUT`). Files are CSV or Arrow by `format:`.
///
/// ```yaml
/// by_country:
///   use: shell
///   inputs: [orders]
///   with: {command: "python3 scripts/by_country.py", script: scripts/by_country.py}
/// ```
enum Shell: StageModule {
    struct Parameters: ModuleParameters {
        var command = ""
        var script: ProjectFile? = nil
        var outputs = ["main"]
        var format = FileFormat.csv
        var select: [String]? = nil
        var columns: ParamMap? = nil
        var env: ParamMap? = nil
        var passEnv: [String]? = nil
        var provenance: [String] = []

        static let fields: [ParamField<Self>] = [
            ParamField("command", \.command, required: true, help: "run by `/bin/sh -c` in the project root"),
            ParamField(
                "script", \.script, help: "the script file the command runs; its content is part of the cache key"),
            ParamField("outputs", \.outputs, help: "the ports the command writes"),
            ParamField("format", \.format, help: "`csv` or `arrow`, for inputs and outputs"),
            ParamField("select", \.select, defaultText: "all", help: "only these columns of each input are written"),
            ParamField(
                "columns", \.columns, defaultText: "all, inferred",
                help: "output columns to keep and their types (CSV outputs)"),
            ParamField("env", \.env, help: "extra environment variables"),
            ParamField(
                "pass_env", \.passEnv,
                help:
                    "names of variables to pass on from `patron`'s own environment (by default only `PATH`, `HOME`, `USER`, `LOGNAME`, `LANG`, `LC_*`, `TZ`, `TMPDIR` and `SHELL`)"
            ),
            ParamField(
                "provenance", \.provenance,
                help:
                    "output columns that say where a row came from (a source line under another name): later rules such as exact duplicates leave them out, as they leave out `source_line`"
            ),
        ]
    }

    enum FileFormat: String, ParamChoice {
        case csv, arrow
    }

    static let name = "shell"
    static let version = "2"
    static let summary = "Run a command with its inputs as CSV or Arrow files and read its outputs back."
    static let inputs = ModuleSpec.Inputs.any

    static func ports(_ params: Parameters) -> [String] { params.outputs.filter { $0 != "main" } }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        if !params.outputs.contains("main") {
            problems.append(ParamProblem(\Parameters.outputs, "must include main (the stage's own table)"))
        }
        if Set(params.outputs).count != params.outputs.count {
            problems.append(ParamProblem(\Parameters.outputs, "lists a port twice"))
        }
        return problems
    }

    /// With `select`, only those columns are read from the cache.
    static func inputColumns(_ params: Parameters) -> [String]? { params.select }

    static func command(_ params: Parameters) -> String? { params.command }

    /// The inputs' provenance columns (kept when the command keeps them) and those declared.
    static func provenance(_ params: Parameters, inputs: [Set<String>]) -> Set<String> {
        inputs.reduce(into: Set(params.provenance)) { $0.formUnion($1) }
    }

    /// What the command gets of patron's own environment: the basics a program needs to
    /// find tools and format text, and what `pass_env` names; not the analyst's tokens,
    /// passwords and cloud credentials.
    static func inheritedEnvironment(_ all: [String: String], passing names: [String]) -> [String: String] {
        let basics: Set<String> = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ", "TMPDIR", "SHELL"]
        return all.filter { basics.contains($0.key) || $0.key.hasPrefix("LC_") || names.contains($0.key) }
    }

    static func variable(_ name: String) -> String {
        String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        let arrow = params.format == .arrow
        let ext = params.format.rawValue
        var environment = inheritedEnvironment(ProcessInfo.processInfo.environment, passing: params.passEnv ?? [])
        environment["PATRON_PROJECT_ROOT"] = context.projectRoot
        environment["PATRON_STAGE"] = context.stage
        environment["PATRON_PIPELINE"] = context.pipeline
        for (i, input) in context.inputs.enumerated() {
            let file = "\(context.scratchDirectory)/\(input.ref).\(ext)"
            // Taken from the context: the table is freed once written, not kept while the
            // command runs.
            let whole = input.take()
            let table = try params.select.map { try whole.selecting($0) } ?? whole
            if arrow {
                try ArrowIPC.write(table, to: file)
            } else {
                try SequentialFile.write(CSVWriter.encode(table), to: file)
            }
            environment["PATRON_INPUT_" + variable(input.ref.description)] = file
            if i == 0 { environment["PATRON_INPUT"] = file }
        }
        for port in params.outputs {
            let file = "\(context.scratchDirectory)/out-\(port).\(ext)"
            environment["PATRON_OUTPUT_" + variable(port)] = file
            if port == "main" { environment["PATRON_OUTPUT"] = file }
        }
        for entry in params.env?.entries ?? [] { environment[entry.key] = entry.value.interpolated }

        let command = params.command
        context.progress("running \(command)")
        let status = try await runProcess(
            command, environment: environment, directory: context.projectRoot,
            stdout: context.logPrefix + ".stdout", stderr: context.logPrefix + ".stderr")
        if status != 0 {
            let tail = lastLines(of: context.logPrefix + ".stderr", count: 12)
            throw StageFailure(
                "command exited with status \(status): \(command)\n"
                    + (tail.isEmpty ? "(no output on stderr)" : "last lines of stderr:\n" + tail)
                    + "\nfull output: \(context.logPrefix).stdout and .stderr")
        }
        var options = CSVOptions()
        options.columns = params.columns.map(IngestCSV.columnSpecs)
        options.maxRejectRatio = 0
        var ports = [(name: String, table: Table)]()
        for port in params.outputs {
            let file = environment["PATRON_OUTPUT_" + variable(port)]!
            guard FileManager.default.fileExists(atPath: file) else {
                throw StageFailure(
                    "the command did not write its '\(port)' output: write it to $PATRON_OUTPUT_\(variable(port)) (\(ext.uppercased()))"
                )
            }
            if arrow {
                ports.append((port, try ArrowIPC.read(path: file)))
            } else {
                ports.append((port, try await CSVReader.read(path: file, options: options).table))
            }
        }
        return StageOutput(ports: ports)
    }

    /// Runs `/bin/sh -c command` in a process group of its own (stopped with it when the run
    /// is interrupted), output to files, and waits without polling.
    static func runProcess(
        _ command: String, environment: [String: String], directory: String, stdout: String, stderr: String
    ) async throws -> Int32 {
        do {
            return try await ChildProcess.run(
                ChildProcess.Spec(
                    executable: "/bin/sh", arguments: ["-c", command], environment: environment, directory: directory,
                    standardOutput: stdout, standardError: stderr))
        } catch let error as ChildProcess.StartFailure {
            throw StageFailure("cannot run /bin/sh: \(error)")
        }
    }

    static func lastLines(of path: String, count: Int) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).map { "    " + $0 }.joined(
            separator: "\n")
    }
}
