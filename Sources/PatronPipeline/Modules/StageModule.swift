import PatronTable
import Synchronization

/// A stage module: the code behind one `use:` name. Adding one is a file with a type
/// conforming to this protocol and one line in `BuiltinModules.registry`; what the report says
/// about its stages is another file beside it (a `ReportContributing` conformance).
///
/// ```swift
/// enum Head: StageModule {
///     struct Parameters: ModuleParameters {
///         var rows = 10
///         static let fields = [ParamField<Self>("rows", \.rows, help: "rows to keep")]
///     }
///     static let name = "table.head"
///     static let version = "1"
///     static let summary = "The first rows of a table."
///     static let inputs = ModuleSpec.Inputs.exactly(1)
///     static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
///         StageOutput(main: context.inputs[0].table.head(params.rows))
///     }
/// }
/// ```
package protocol StageModule: Sendable {
    /// The module's `with:` keys.
    associatedtype Parameters: ModuleParameters = NoParameters
    /// The `use:` name.
    static var name: String { get }
    /// Part of every cache key: bump it when the module's output for the same input changes.
    static var version: String { get }
    /// One line for `patron modules`.
    static var summary: String { get }
    static var inputs: ModuleSpec.Inputs { get }
    /// What the module does besides making tables (none by default).
    static var capabilities: ModuleCapabilities { get }
    /// Ports besides `main` (none by default).
    static func ports(_ params: Parameters) -> [String]
    /// Checks across params, beyond each one's type (none by default).
    static func validate(_ params: Parameters) -> [ParamProblem]
    /// The input columns the module reads (nil, the default: all). Inputs read from the cache
    /// then decode only these columns, and outputs in memory keep only what is still read.
    static func inputColumns(_ params: Parameters) -> [String]?
    /// The shell command the stage runs, if it runs one: `--dry-run` prints it.
    static func command(_ params: Parameters) -> String?
    /// The output's provenance columns (where a row came from — a source line — not what it
    /// says), given each input's: rules such as "exact duplicate" leave them out. By default
    /// the inputs' (columns pass through).
    static func provenance(_ params: Parameters, inputs: [Set<String>]) -> Set<String>
    /// Makes the stage's tables.
    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput
}

extension StageModule {
    package static var capabilities: ModuleCapabilities { [] }
    package static func ports(_ params: Parameters) -> [String] { [] }
    package static func validate(_ params: Parameters) -> [ParamProblem] { [] }
    package static func inputColumns(_ params: Parameters) -> [String]? { nil }
    package static func command(_ params: Parameters) -> String? { nil }
    package static func provenance(_ params: Parameters, inputs: [Set<String>]) -> Set<String> {
        inputs.reduce(into: Set<String>()) { $0.formUnion($1) }
    }
    /// The module's spec.
    package static var spec: ModuleSpec { ModuleSpec(self) }
}

/// What a stage gets to work with.
package struct StageContext: Sendable {
    package struct Input: Sendable {
        package var ref: PipelineFile.InputRef
        private let box: TableBox
        /// The table's provenance columns (`StageModule.provenance`), as the pipeline says.
        package var provenance: Set<String> = []

        package init(ref: PipelineFile.InputRef, table: Table) {
            self.init(ref: ref, box: TableBox(table))
        }

        init(ref: PipelineFile.InputRef, box: TableBox) {
            self.ref = ref
            self.box = box
        }

        /// The table. (Not after `take()`: the stage has it in hand then.)
        package var table: Table { box.table }

        /// The table, handed over: the context keeps no reference to it, so what the stage
        /// drops from its copy — a column once it is used — is freed at once. The runner
        /// hands each output over to the last stage that reads it.
        ///
        /// ```swift
        /// var orders = context.inputs[0].take()
        /// let kept = orders.columns[0].gathering(rows)
        /// orders.columns[0] = .int([])          // freed now, not at the end of the stage
        /// ```
        package func take() -> Table { box.take() }
    }

    package var pipeline: String
    package var stage: String
    package var module: String
    /// Resolved params: `${…}` substituted, defaults filled in.
    package var params: [String: Value]
    package var inputs: [Input]
    package var projectRoot: String
    /// A private folder for temporary files, removed after the stage.
    package var scratchDirectory: String
    /// Where the stage may write logs of its own (e.g. a command's stdout and stderr).
    package var logPrefix: String
    package var progress: @Sendable (String) -> Void
    /// Where `outputPath` params resolve: the project root, or the folder `patron check`
    /// regenerates into.
    package var outputRoot: String
    /// For modules that read the whole pipeline (`ModuleCapabilities.readsPipeline`): the
    /// pipeline around the stage.
    package var pipelineInfo: PipelineInfo?
    /// For modules that read the whole pipeline: reads any port of any stage upstream.
    package var loadPort: PortLoader?
    /// The modules of the run, for a stage that asks what upstream modules declare (a report).
    package var registry: ModuleRegistry?

    /// A context for running a module outside a pipeline (in a test, say).
    package init(
        pipeline: String, stage: String, module: String, params: [String: Value], inputs: [Input],
        projectRoot: String, scratchDirectory: String, logPrefix: String,
        progress: @escaping @Sendable (String) -> Void,
        outputRoot: String? = nil, pipelineInfo: PipelineInfo? = nil,
        loadPort: PortLoader? = nil, registry: ModuleRegistry? = nil
    ) {
        self.registry = registry
        self.outputRoot = outputRoot ?? projectRoot
        self.pipelineInfo = pipelineInfo
        self.loadPort = loadPort
        self.pipeline = pipeline
        self.stage = stage
        self.module = module
        self.params = params
        self.inputs = inputs
        self.projectRoot = projectRoot
        self.scratchDirectory = scratchDirectory
        self.logPrefix = logPrefix
        self.progress = progress
    }

}

/// The tables a stage produces, by port. `main` is the stage's own name in `inputs:`.
package struct StageOutput: Sendable {
    package var ports: [(name: String, table: Table)]
    /// Counts worth reporting (rows_in, rows_rejected, …), stored in the run record.
    package var counts: [String: Int]

    package init(main: Table, other: [(String, Table)] = [], counts: [String: Int] = [:]) {
        ports = [("main", main)] + other.map { (name: $0.0, table: $0.1) }
        self.counts = counts
    }

    package init(ports: [(name: String, table: Table)], counts: [String: Int] = [:]) {
        self.ports = ports
        self.counts = counts
    }

    package func table(_ port: String) -> Table? { ports.first { $0.name == port }?.table }
}

/// A stage that failed: the message says what happened and what to do.
public struct StageFailure: Error, CustomStringConvertible {
    /// What happened and what to do.
    public var message: String
    package init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// An input table that its stage can take out of the context.
final class TableBox: Sendable {
    private let slot: Mutex<Table?>

    init(_ table: Table) { slot = Mutex(table) }

    var table: Table {
        guard let table = slot.withLock({ $0 }) else {
            preconditionFailure("the input was taken (StageContext.Input.take()); use the table in hand")
        }
        return table
    }

    func take() -> Table {
        guard
            let table = slot.withLock({ value -> Table? in
                defer { value = nil }
                return value
            })
        else { preconditionFailure("the input was already taken") }
        return table
    }
}
