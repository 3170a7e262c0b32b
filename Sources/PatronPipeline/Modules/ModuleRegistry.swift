/// The stage modules a run can `use:`, by name.
public struct ModuleRegistry: Sendable {
    /// Each module's spec, in the order given.
    public let specs: [ModuleSpec]

    public init(_ modules: [any StageModule.Type]) { specs = modules.map { $0.spec } }

    public func module(named name: String) -> ModuleSpec? {
        specs.first { $0.name == name }
    }

    public var names: [String] { specs.map(\.name) }
}
