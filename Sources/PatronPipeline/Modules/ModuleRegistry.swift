/// The stage modules a run can `use:`, by name.
public struct ModuleRegistry: Sendable {
    public let modules: [any StageModule.Type]

    public init(_ modules: [any StageModule.Type]) { self.modules = modules }

    public func module(named name: String) -> (any StageModule.Type)? {
        modules.first { $0.spec.name == name }
    }

    public var names: [String] { modules.map { $0.spec.name } }
}
