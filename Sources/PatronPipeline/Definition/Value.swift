/// A parameter value from a pipeline file or the command line.
public indirect enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    /// Keys in file order.
    case map([Entry])

    /// One key of a map, with its value.
    public struct Entry: Sendable, Equatable {
        /// The key.
        public var key: String
        /// Its value.
        public var value: Value
        /// The entry `key: value`.
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The text of a string (nil for any other kind).
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// An integer, or a number without a fraction.
    public var int: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: Int(d)
        default: nil
        }
    }
    /// An integer or a number, as a double.
    public var double: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
    /// A boolean.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// A list's items.
    public var list: [Value]? { if case .list(let l) = self { l } else { nil } }
    /// A map's entries, in the file's order.
    public var entries: [Entry]? { if case .map(let m) = self { m } else { nil } }

    /// The value's kind, for error messages.
    package var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .list: "a list"
        case .map: "a map"
        }
    }

    /// Reads a command-line value the way YAML reads a plain scalar.
    public static func parseScalar(_ text: String) -> Value {
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "~", "": return .null
        default: break
        }
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), text.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }) == true {
            return .double(d)
        }
        return .string(text)
    }

    /// Plain text of a scalar, as interpolated into a `${…}` string.
    package var interpolated: String {
        switch self {
        case .null: ""
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : d.description
        case .string(let s): s
        case .list, .map: canonicalJSON
        }
    }
}

extension Value {
    /// JSON with map keys sorted and numbers in shortest form: equal values, equal bytes.
    /// This is what cache keys hash.
    package var canonicalJSON: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : d.description
            } else {
                out += "null"
            }
        case .string(let s): Value.writeString(s, to: &out)
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (i, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out += "," }
                Value.writeString(entry.key, to: &out)
                out += ":"
                entry.value.write(to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
