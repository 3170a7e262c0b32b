import PatronTable

/// A module's `with:` keys as one value: each key declared once — name, Swift type, default
/// (the property's value in `init()`) and help — and read in the stage as a typed property.
///
/// Validation, `patron modules`, the README's tables and the cache key's resolved params all
/// come from `fields`; the stage reads `params.kMin`, never `"k_min"`.
///
/// ```swift
/// struct Parameters: ModuleParameters {
///     var threshold = 0.3
///     var customer = "customer_id"
///     static let fields: [ParamField<Self>] = [
///         ParamField("threshold", \.threshold, help: "flag customers with P(alive) below this"),
///         ParamField("customer", \.customer, help: "customer id column"),
///     ]
/// }
/// ```
package protocol ModuleParameters: Sendable {
    /// Every parameter at its default.
    init()
    /// Every `with:` key the module takes, in the order `patron modules` lists them.
    static var fields: [ParamField<Self>] { get }
}

extension ModuleParameters {
    /// The parameters from resolved `with:` values (defaults filled in, types checked by
    /// validation); a key not given keeps its default.
    package init(resolved values: [String: Value]) {
        self.init()
        for field in Self.fields {
            if let value = values[field.spec.name] { field.assign(&self, value) }
        }
    }

    /// What validation, `patron modules` and the README say of each key.
    static var specs: [ParamSpec] { fields.map(\.spec) }

    /// The key name of the field at `keyPath`.
    static func name(of keyPath: AnyKeyPath) -> String? {
        fields.first { $0.keyPath == keyPath }?.spec.name
    }
}

/// A module without parameters.
package struct NoParameters: ModuleParameters {
    package init() {}
    package static let fields: [ParamField<Self>] = []
}

/// One `with:` key: its name, the property it sets, and what it means.
package struct ParamField<Root: ModuleParameters>: Sendable {
    /// Name, kind, default and help, as validation and the docs show them.
    package let spec: ParamSpec
    let keyPath: AnyKeyPath & Sendable
    let assign: @Sendable (inout Root, Value) -> Void

    /// - Parameters:
    ///   - name: the key in a pipeline file (`snake_case`).
    ///   - keyPath: the property it sets; its type gives the kind (`String`, `Int`, `Double`,
    ///     `Bool`, `[String]`, a `ParamChoice`, `ProjectFile`, `OutputPath`, `ParamMap`, `Value`;
    ///     optional for a key with no default) and its value in `init()` the default.
    ///   - required: the key must be given (the default in `init()` is only a placeholder).
    ///   - defaultText: how the docs state a default that is not a plain value ("by `decimal`").
    ///   - help: one line for `patron modules` and the README.
    package init<T: ParamValue>(
        _ name: String, _ keyPath: WritableKeyPath<Root, T> & Sendable, required: Bool = false,
        defaultText: String? = nil, help: String
    ) {
        let initial = Root()[keyPath: keyPath].paramValue
        spec = ParamSpec(
            name, T.paramKind, required: required, default: required || initial == .null ? nil : initial,
            defaultText: defaultText, help: help)
        self.keyPath = keyPath
        assign = { root, value in
            if let typed = T(paramValue: value) { root[keyPath: keyPath] = typed }
        }
    }
}

/// A problem with a module's parameters, found by its `validate`.
package struct ParamProblem: Sendable {
    /// The key the problem is about (the message is shown at its line in the file).
    package var param: AnyKeyPath & Sendable
    /// The message; unless `verbatim`, it follows the key's quoted name: "'bins' must be …".
    package var message: String
    package var verbatim: Bool

    /// A problem with the key at `param`: "'name' " + `message`.
    package init<Root, T>(_ param: KeyPath<Root, T> & Sendable, _ message: String) {
        self.param = param
        self.message = message
        verbatim = false
    }

    /// A problem with the key at `param`, in words of its own.
    package init<Root, T>(_ param: KeyPath<Root, T> & Sendable, verbatim message: String) {
        self.param = param
        self.message = message
        verbatim = true
    }
}

/// A Swift type a `with:` key can have.
package protocol ParamValue: Sendable {
    /// How validation checks a value and the docs name the type.
    static var paramKind: ParamSpec.Kind { get }
    /// The value of a type-checked `with:` entry; nil when it does not convert.
    init?(paramValue: Value)
    /// The value as a pipeline file would write it (`.null` for none).
    var paramValue: Value { get }
}

extension String: ParamValue {
    package static var paramKind: ParamSpec.Kind { .string }
    /// A number where text is expected reads as its digits.
    package init?(paramValue: Value) {
        if paramValue == .null { return nil }
        self = paramValue.string ?? paramValue.interpolated
    }
    package var paramValue: Value { .string(self) }
}

extension Int: ParamValue {
    package static var paramKind: ParamSpec.Kind { .int }
    package init?(paramValue: Value) {
        guard let int = paramValue.int else { return nil }
        self = int
    }
    package var paramValue: Value { .int(self) }
}

extension Double: ParamValue {
    package static var paramKind: ParamSpec.Kind { .number }
    package init?(paramValue: Value) {
        guard let double = paramValue.double else { return nil }
        self = double
    }
    package var paramValue: Value { .double(self) }
}

extension Bool: ParamValue {
    package static var paramKind: ParamSpec.Kind { .bool }
    package init?(paramValue: Value) {
        guard let bool = paramValue.bool else { return nil }
        self = bool
    }
    package var paramValue: Value { .bool(self) }
}

extension Array: ParamValue where Element == String {
    package static var paramKind: ParamSpec.Kind { .list }
    /// Each item's text (numbers as their digits).
    package init?(paramValue: Value) {
        guard let list = paramValue.list else { return nil }
        self = list.map { $0.string ?? $0.interpolated }
    }
    package var paramValue: Value { .list(map(Value.string)) }
}

extension Optional: ParamValue where Wrapped: ParamValue {
    package static var paramKind: ParamSpec.Kind { Wrapped.paramKind }
    package init?(paramValue: Value) {
        if paramValue == .null {
            self = .none
            return
        }
        guard let wrapped = Wrapped(paramValue: paramValue) else { return nil }
        self = .some(wrapped)
    }
    package var paramValue: Value { self?.paramValue ?? .null }
}

extension Value: ParamValue {
    package static var paramKind: ParamSpec.Kind { .any }
    package init?(paramValue: Value) { self = paramValue }
    package var paramValue: Value { self }
}

/// A key that takes one of a fixed set of words: an enum with a `String` raw value.
///
/// ```swift
/// enum Transform: String, ParamChoice { case log1p, none }
/// ```
package protocol ParamChoice: ParamValue, RawRepresentable, CaseIterable where RawValue == String {}

extension ParamChoice {
    package static var paramKind: ParamSpec.Kind { .choice(allCases.map(\.rawValue)) }
    package init?(paramValue: Value) {
        guard let word = paramValue.string else { return nil }
        self.init(rawValue: word)
    }
    package var paramValue: Value { .string(rawValue) }
}

/// A map-valued key (`{SEK: 0.087, GBP: 1.17}`), its entries in the file's order.
package struct ParamMap: ParamValue, Sendable, Equatable {
    package var entries: [Value.Entry]
    package init(_ entries: [Value.Entry] = []) { self.entries = entries }
    package static var paramKind: ParamSpec.Kind { .map }
    package init?(paramValue: Value) {
        guard let entries = paramValue.entries else { return nil }
        self.entries = entries
    }
    package var paramValue: Value { .map(entries) }
}

/// A calendar day written `YYYY-MM-DD` (month and day may have one digit).
package struct CalendarDay: ParamValue, Sendable, Equatable {
    /// As written.
    package var text: String
    /// Days since 1970-01-01.
    package var day: Int32

    package static var paramKind: ParamSpec.Kind { .date }

    package init?(paramValue: Value) {
        guard let text = paramValue.string, let day = Self.parse(text) else { return nil }
        self.text = text
        self.day = day
    }

    package var paramValue: Value { .string(text) }

    /// Days since 1970-01-01 of `YYYY-MM-DD`, or nil when the text names no real day.
    package static func parse(_ text: String) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        return Int32(CivilDate.days(year: year, month: month, day: day))
    }
}

/// A file a stage reads: relative to the project root or absolute. Its content is part of the
/// stage's cache key, hashed at the path `absolute(root:)` gives — the one the stage reads.
package struct ProjectFile: ParamValue, Sendable, Equatable {
    /// As written in the pipeline file.
    package var path: String
    package init(_ path: String) { self.path = path }
    package static var paramKind: ParamSpec.Kind { .inputFile }
    package init?(paramValue: Value) {
        guard let path = paramValue.string else { return nil }
        self.path = path
    }
    package var paramValue: Value { .string(path) }
    /// The file's absolute path in the project at `root`.
    package func absolute(root: String) -> String { ProjectPath.absolute(path, root: root) }
}

/// A path a stage writes (a report's folder): inside the project unless the run allows
/// otherwise; `patron check` points it at a temporary folder.
package struct OutputPath: ParamValue, Sendable, Equatable {
    /// As written in the pipeline file.
    package var path: String
    package init(_ path: String) { self.path = path }
    package static var paramKind: ParamSpec.Kind { .outputPath }
    package init?(paramValue: Value) {
        guard let path = paramValue.string else { return nil }
        self.path = path
    }
    package var paramValue: Value { .string(path) }
    /// The path without a trailing `/`, as manifests and `patron check` name it.
    package var relative: String { path.hasSuffix("/") ? String(path.dropLast()) : path }
    /// The absolute path under `root` (the project, or the folder `patron check` uses).
    package func absolute(root: String) -> String { ProjectPath.absolute(path, root: root) }
}
