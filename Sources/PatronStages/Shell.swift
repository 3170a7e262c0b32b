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
    static let spec = ModuleSpec(
        name: "shell", version: "2",
        summary: "Run a command with its inputs as CSV or Arrow files and read its outputs back.",
        inputs: .any,
        params: [
            ParamSpec("command", .string, required: true, help: "run with /bin/sh -c in the project root"),
            ParamSpec("script", .inputFile, help: "the script the command runs; its content is part of the cache key"),
            ParamSpec("outputs", .list, default: .list([.string("main")]), help: "output ports the command writes"),
            ParamSpec(
                "format", .choice(["csv", "arrow"]), default: .string("csv"), help: "file format of inputs and outputs"),
            ParamSpec("select", .list, help: "only these columns of each input are written"),
            ParamSpec(
                "columns", .map, help: "output columns to keep and their types (CSV); default: all, types inferred"),
            ParamSpec("env", .map, help: "extra environment variables"),
            ParamSpec(
                "pass_env", .list,
                help:
                    "names of variables to pass on from patron's environment (by default only PATH, HOME, USER, LANG, LC_*, TZ and TMPDIR are)"
            ),
        ],
        dynamicPorts: { params in (params["outputs"]?.list ?? []).compactMap(\.string).filter { $0 != "main" } },
        validate: { params in
            let outputs = (params["outputs"]?.list ?? []).compactMap(\.string)
            var problems = [(param: String, message: String)]()
            if !outputs.contains("main") {
                problems.append(("outputs", "'outputs' must include main (the stage's own table)"))
            }
            if Set(outputs).count != outputs.count { problems.append(("outputs", "'outputs' lists a port twice")) }
            return problems
        },
        // With `select`, only those columns are read from the cache.
        inputColumns: { params in params["select"]?.list?.compactMap(\.string) },
        commandParam: "command")

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

    static func run(_ context: StageContext) async throws -> StageOutput {
        let arrow = context.string("format") == "arrow"
        let ext = arrow ? "arrow" : "csv"
        var environment = inheritedEnvironment(
            ProcessInfo.processInfo.environment,
            passing: (context.params["pass_env"]?.list ?? []).compactMap(\.string))
        environment["PATRON_PROJECT_ROOT"] = context.projectRoot
        environment["PATRON_STAGE"] = context.stage
        environment["PATRON_PIPELINE"] = context.pipeline
        let select = context.params["select"]?.list?.compactMap(\.string)
        for (i, input) in context.inputs.enumerated() {
            let file = "\(context.scratchDirectory)/\(input.ref).\(ext)"
            // Taken from the context: the table is freed once written, not kept while the
            // command runs.
            let whole = input.take()
            let table = try select.map { try whole.selecting($0) } ?? whole
            if arrow {
                try ArrowIPC.write(table, to: file)
            } else {
                try SequentialFile.write(CSVWriter.encode(table), to: file)
            }
            environment["PATRON_INPUT_" + variable(input.ref.description)] = file
            if i == 0 { environment["PATRON_INPUT"] = file }
        }
        let outputs = (context.params["outputs"]?.list ?? [.string("main")]).compactMap(\.string)
        for port in outputs {
            let file = "\(context.scratchDirectory)/out-\(port).\(ext)"
            environment["PATRON_OUTPUT_" + variable(port)] = file
            if port == "main" { environment["PATRON_OUTPUT"] = file }
        }
        for entry in context.params["env"]?.entries ?? [] { environment[entry.key] = entry.value.interpolated }

        let command = context.string("command") ?? ""
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
        var options = try IngestCSV.csvOptions(["columns": context.params["columns"] ?? .null])
        options.maxRejectRatio = 0
        var ports = [(name: String, table: Table)]()
        for port in outputs {
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

    /// Runs `/bin/sh -c command`, output to files, and waits without polling.
    static func runProcess(
        _ command: String, environment: [String: String], directory: String, stdout: String, stderr: String
    ) async throws -> Int32 {
        _ = FileManager.default.createFile(atPath: stdout, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr, contents: nil)
        guard let out = FileHandle(forWritingAtPath: stdout), let err = FileHandle(forWritingAtPath: stderr) else {
            throw StageFailure("cannot create log files \(stdout)")
        }
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: StageFailure("cannot start /bin/sh: \(error)"))
            }
        }
    }

    static func lastLines(of path: String, count: Int) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).map { "    " + $0 }.joined(
            separator: "\n")
    }
}
