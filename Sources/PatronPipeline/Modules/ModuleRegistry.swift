/// The stage modules a run can `use:`, by name.
public struct ModuleRegistry: Sendable {
    /// Each module's spec, in the order given.
    package let specs: [ModuleSpec]

    package init(_ modules: [any StageModule.Type]) { specs = modules.map { $0.spec } }

    package func module(named name: String) -> ModuleSpec? {
        specs.first { $0.name == name }
    }

    /// The modules' `use:` names.
    public var names: [String] { specs.map(\.name) }
}
