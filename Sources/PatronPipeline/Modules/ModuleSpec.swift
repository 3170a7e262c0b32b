/// What a stage module accepts and produces, from its `StageModule` declaration: the
/// contract that validation checks a pipeline's `use:` and `with:` against, that the runner
/// schedules by, and that `patron modules` prints.
package struct ModuleSpec: Sendable {
    /// How many inputs a module takes.
    package enum Inputs: Sendable, Equatable {
        case none
        case exactly(Int)
        case any
    }

    /// The `use:` name.
    package let name: String
    /// Part of every cache key: bump it when the module's output for the same input changes.
    package let version: String
    /// One line for `patron modules`.
    package let summary: String
    package let inputs: Inputs
    /// Every `with:` key.
    package let params: [ParamSpec]
    package let capabilities: ModuleCapabilities
    /// The module's type, for what it declares beyond this spec (its report section).
    package let type: any StageModule.Type

    let portsOf: @Sendable ([String: Value]) -> [String]
    let problemsOf: @Sendable ([String: Value]) -> [(param: String, message: String)]
    let inputColumnsOf: @Sendable ([String: Value]) -> [String]?
    let commandOf: @Sendable ([String: Value]) -> String?
    let provenanceOf: @Sendable ([String: Value], [Set<String>]) -> Set<String>
    let runner: @Sendable (StageContext) async throws -> StageOutput

    /// The spec of `module`.
    package init<Module: StageModule>(_ module: Module.Type) {
        name = Module.name
        version = Module.version
        summary = Module.summary
        inputs = Module.inputs
        params = Module.Parameters.specs
        capabilities = Module.capabilities
        type = module
        portsOf = { Module.ports(Module.Parameters(resolved: $0)) }
        problemsOf = { values in
            Module.validate(Module.Parameters(resolved: values)).map { problem in
                let name = Module.Parameters.name(of: problem.param) ?? "with"
                return (name, problem.verbatim ? problem.message : "'\(name)' \(problem.message)")
            }
        }
        inputColumnsOf = { Module.inputColumns(Module.Parameters(resolved: $0)) }
        commandOf = { Module.command(Module.Parameters(resolved: $0)) }
        provenanceOf = { Module.provenance(Module.Parameters(resolved: $0), inputs: $1) }
        runner = { context in try await Module.run(context, Module.Parameters(resolved: context.params)) }
    }

    /// Ports besides `main`, for resolved params.
    package func ports(_ params: [String: Value]) -> [String] { portsOf(params) }

    /// Checks across params, beyond each one's type: (param, message) problems.
    package func validate(_ params: [String: Value]) -> [(param: String, message: String)] { problemsOf(params) }

    /// The input columns the module reads with these params (nil: all of them).
    package func inputColumns(_ params: [String: Value]) -> [String]? { inputColumnsOf(params) }

    /// The shell command a stage with these params runs, if it runs one (`--dry-run` prints it).
    package func command(_ params: [String: Value]) -> String? { commandOf(params) }

    /// The output's provenance columns for these params and inputs' provenance.
    package func provenance(_ params: [String: Value], inputs: [Set<String>]) -> Set<String> {
        provenanceOf(params, inputs)
    }

    /// Runs the module on a stage's context.
    package func run(_ context: StageContext) async throws -> StageOutput { try await runner(context) }

    package func param(_ name: String) -> ParamSpec? { params.first { $0.name == name } }
}

/// What a module does besides turning input tables into output tables. Each capability
/// changes how the runner treats the stage; a module has none unless it says so, so a new
/// module never gets one by accident.
package struct ModuleCapabilities: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// Writes files under its `OutputPath` params. Its cache entry's main table is the
    /// manifest of those files (`path`, `bytes`, `content_hash` as `FileHasher.contentHash`
    /// computes it); it is stale when a file is missing or differs, and it is rerun (its entry
    /// replaced) whenever it runs.
    package static let writesFiles = ModuleCapabilities(rawValue: 1 << 0)
    /// Reads the whole pipeline: gets a `PipelineInfo` and a port loader for every stage
    /// upstream, its key covers every stage's description (notes, modules, params), and the
    /// runner keeps whole upstream tables for it.
    package static let readsPipeline = ModuleCapabilities(rawValue: 1 << 1)
    /// Writes a report that `patron check` regenerates and compares with the committed one
    /// (the folders of its `OutputPath` params).
    package static let report = ModuleCapabilities(rawValue: 1 << 2)
}

/// One `with:` key of a module.
package struct ParamSpec: Sendable {
    package enum Kind: Sendable, Equatable {
        case string, int, number, bool, list, map, any
        /// One of the given words.
        case choice([String])
        /// A path to a file the stage reads; its content is part of the cache key.
        case inputFile
        /// A path inside the project that the stage writes.
        case outputPath
        /// A calendar day, `YYYY-MM-DD`.
        case date

        package var label: String {
            switch self {
            case .string: "string"
            case .int: "integer"
            case .number: "number"
            case .bool: "boolean"
            case .list: "list"
            case .map: "map"
            case .any: "any"
            case .choice(let words): words.joined(separator: "|")
            case .inputFile: "file path"
            case .outputPath: "output path"
            case .date: "date"
            }
        }
    }

    package var name: String
    package var kind: Kind
    package var required: Bool
    /// Filled in when the key is not given (nil: the key stays unset).
    package var defaultValue: Value?
    /// How the docs state a default that is not a plain value.
    package var defaultText: String?
    package var help: String

    package init(
        _ name: String, _ kind: Kind, required: Bool = false, default defaultValue: Value? = nil,
        defaultText: String? = nil, help: String
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.help = help
    }

    /// Why `value` does not fit this param, or nil when it does.
    package func mismatch(_ value: Value) -> String? {
        switch (kind, value) {
        case (.string, .string), (.inputFile, .string), (.outputPath, .string), (.bool, .bool), (.list, .list),
            (.map, .map), (.any, _):
            return nil
        case (.string, .int), (.string, .double):
            return nil  // a number where text is expected is read as its digits
        case (.int, _) where value.int != nil: return nil
        case (.number, _) where value.double != nil: return nil
        case (.choice(let words), .string(let s)) where words.contains(s): return nil
        case (.date, _) where CalendarDay(paramValue: value) != nil: return nil
        case (.date, _):
            return "'\(name)' must be a date like 2025-06-30, got '\(value.interpolated)'"
        case (.choice(let words), _):
            return
                "'\(name)' must be one of \(words.joined(separator: ", ")), not \(value.interpolated.isEmpty ? value.kind : "'\(value.interpolated)'")"
        default:
            return
                "'\(name)' expects \(kind.label), got \(value.kind)\(value.interpolated.isEmpty ? "" : " '\(value.interpolated)'")"
        }
    }
}
