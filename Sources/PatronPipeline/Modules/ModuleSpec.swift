/// What a stage module accepts and produces: the contract that validation checks a
/// pipeline's `use:` and `with:` against, and that `patron modules` prints.
public struct ModuleSpec: Sendable {
    /// How many inputs a module takes.
    public enum Inputs: Sendable, Equatable {
        case none
        case exactly(Int)
        case any
    }

    public var name: String
    /// Part of every cache key: bump it when the module's output for the same input changes.
    public var version: String
    public var summary: String
    public var inputs: Inputs
    public var params: [ParamSpec]
    /// Ports besides `main`.
    public var ports: @Sendable ([String: Value]) -> [String]
    /// Checks across params, beyond each one's type; returns (param, message) problems.
    public var validate: @Sendable ([String: Value]) -> [(param: String, message: String)]
    /// The input columns the module reads, from its resolved params (nil: all). Inputs read
    /// from the cache then decode only these columns.
    public var inputColumns: @Sendable ([String: Value]) -> [String]?
    /// The module writes files under its `outputPath` params (a report): its cache entry's
    /// main table is the manifest of those files (`path`, `bytes`, `content_hash` as
    /// `FileHasher.contentHash` computes it), it counts as
    /// stale when a file is missing or differs, its key covers the whole pipeline's
    /// description (notes, modules, params), and it gets a `PipelineInfo` and a port loader.
    public var writesFiles: Bool
    /// The param holding a shell command the module runs (`shell`): `--dry-run` prints it.
    public var commandParam: String?

    public init(
        name: String, version: String, summary: String, inputs: Inputs, params: [ParamSpec],
        ports: [String] = [],
        dynamicPorts: (@Sendable ([String: Value]) -> [String])? = nil,
        validate: @escaping @Sendable ([String: Value]) -> [(param: String, message: String)] = { _ in [] },
        inputColumns: @escaping @Sendable ([String: Value]) -> [String]? = { _ in nil },
        writesFiles: Bool = false,
        commandParam: String? = nil
    ) {
        self.writesFiles = writesFiles
        self.commandParam = commandParam
        self.name = name
        self.version = version
        self.summary = summary
        self.inputs = inputs
        self.params = params
        self.ports = dynamicPorts ?? { _ in ports }
        self.validate = validate
        self.inputColumns = inputColumns
    }

    /// `inputColumns` for a module that reads the columns its params name: (param, default
    /// column) pairs.
    public static func columns(
        named params: [(param: String, default: String)]
    ) -> @Sendable ([String: Value]) -> [String]? {
        { values in params.map { values[$0.param]?.string ?? $0.default } }
    }

    public func param(_ name: String) -> ParamSpec? { params.first { $0.name == name } }
}

/// One `with:` key of a module.
public struct ParamSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case string, int, number, bool, list, map, any
        /// One of the given words.
        case choice([String])
        /// A path to a file the stage reads; its content is part of the cache key.
        case inputFile
        /// A path inside the project that the stage writes.
        case outputPath

        public var label: String {
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
            }
        }
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var defaultValue: Value?
    public var help: String

    public init(_ name: String, _ kind: Kind, required: Bool = false, default defaultValue: Value? = nil, help: String)
    {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Why `value` does not fit this param, or nil when it does.
    public func mismatch(_ value: Value) -> String? {
        switch (kind, value) {
        case (.string, .string), (.inputFile, .string), (.outputPath, .string), (.bool, .bool), (.list, .list),
            (.map, .map), (.any, _):
            return nil
        case (.string, .int), (.string, .double):
            return nil  // a number where text is expected is read as its digits
        case (.int, _) where value.int != nil: return nil
        case (.number, _) where value.double != nil: return nil
        case (.choice(let words), .string(let s)) where words.contains(s): return nil
        case (.choice(let words), _):
            return
                "'\(name)' must be one of \(words.joined(separator: ", ")), not \(value.interpolated.isEmpty ? value.kind : "'\(value.interpolated)'")"
        default:
            return
                "'\(name)' expects \(kind.label), got \(value.kind)\(value.interpolated.isEmpty ? "" : " '\(value.interpolated)'")"
        }
    }
}
