import PatronTable
import Synchronization

/// A stage module: the code behind one `use:` name. Adding one is a small file with a type
/// conforming to this protocol and one line in `ModuleRegistry.builtin`.
///
/// ```swift
/// enum Head: StageModule {
///     static let spec = ModuleSpec(name: "table.head", version: "1", summary: "First rows.",
///                                  inputs: .exactly(1), params: [ParamSpec("n", .int, default: .int(10), help: "rows")])
///     static func run(_ context: StageContext) async throws -> StageOutput {
///         StageOutput(main: context.inputs[0].table.head(context.int("n")!))
///     }
/// }
/// ```
public protocol StageModule: Sendable {
    static var spec: ModuleSpec { get }
    static func run(_ context: StageContext) async throws -> StageOutput
}

/// What a stage gets to work with.
public struct StageContext: Sendable {
    public struct Input: Sendable {
        public var ref: PipelineFile.InputRef
        private let box: TableBox

        public init(ref: PipelineFile.InputRef, table: Table) {
            self.init(ref: ref, box: TableBox(table))
        }

        init(ref: PipelineFile.InputRef, box: TableBox) {
            self.ref = ref
            self.box = box
        }

        /// The table. (Not after `take()`: the stage has it in hand then.)
        public var table: Table { box.table }

        /// The table, handed over: the context keeps no reference to it, so what the stage
        /// drops from its copy — a column once it is used — is freed at once. The runner
        /// hands each output over to the last stage that reads it.
        ///
        /// ```swift
        /// var orders = context.inputs[0].take()
        /// let kept = orders.columns[0].gathering(rows)
        /// orders.columns[0] = .int([])          // freed now, not at the end of the stage
        /// ```
        public func take() -> Table { box.take() }
    }

    public var pipeline: String
    public var stage: String
    public var module: String
    /// Resolved params: `${…}` substituted, defaults filled in.
    public var params: [String: Value]
    public var inputs: [Input]
    public var projectRoot: String
    /// A private folder for temporary files, removed after the stage.
    public var scratchDirectory: String
    /// Where the stage may write logs of its own (e.g. a command's stdout and stderr).
    public var logPrefix: String
    public var progress: @Sendable (String) -> Void
    /// Where `outputPath` params resolve: the project root, or the folder `patron check`
    /// regenerates into.
    public var outputRoot: String
    /// For modules that write files (`ModuleSpec.writesFiles`): the pipeline around the stage.
    public var pipelineInfo: PipelineInfo?
    /// For modules that write files: reads any port of any stage upstream of this one.
    public var loadPort: PortLoader?

    /// A context for running a module outside a pipeline (in a test, say).
    public init(
        pipeline: String, stage: String, module: String, params: [String: Value], inputs: [Input],
        projectRoot: String, scratchDirectory: String, logPrefix: String,
        progress: @escaping @Sendable (String) -> Void,
        outputRoot: String? = nil, pipelineInfo: PipelineInfo? = nil,
        loadPort: PortLoader? = nil
    ) {
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

    public func string(_ name: String) -> String? {
        params[name]?.string ?? params[name].flatMap { $0 == .null ? nil : $0.interpolated }
    }
    public func int(_ name: String) -> Int? { params[name]?.int }
    public func double(_ name: String) -> Double? { params[name]?.double }
    public func bool(_ name: String) -> Bool? { params[name]?.bool }

    /// A project-relative or absolute path param, made absolute.
    public func path(_ name: String) -> String? {
        string(name).map { $0.hasPrefix("/") ? $0 : projectRoot + "/" + $0 }
    }

    /// An `outputPath` param, made absolute under `outputRoot`.
    public func outputPath(_ name: String) -> String? {
        string(name).map { $0.hasPrefix("/") ? $0 : outputRoot + "/" + $0 }
    }
}

/// The tables a stage produces, by port. `main` is the stage's own name in `inputs:`.
public struct StageOutput: Sendable {
    public var ports: [(name: String, table: Table)]
    /// Counts worth reporting (rows_in, rows_rejected, …), stored in the run record.
    public var counts: [String: Int]

    public init(main: Table, other: [(String, Table)] = [], counts: [String: Int] = [:]) {
        ports = [("main", main)] + other.map { (name: $0.0, table: $0.1) }
        self.counts = counts
    }

    public init(ports: [(name: String, table: Table)], counts: [String: Int] = [:]) {
        self.ports = ports
        self.counts = counts
    }

    public func table(_ port: String) -> Table? { ports.first { $0.name == port }?.table }
}

/// A stage that failed: the message says what happened and what to do.
public struct StageFailure: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
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
