/// The logical type of a column, as declared in a pipeline file.
///
/// `string` and `text` share a storage layout (UTF-8 bytes with offsets); `text` marks
/// free-form prose such as customer feedback so later stages and the report can tell them
/// apart. In Arrow files both are `utf8`, with the logical type kept in field metadata.
public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case string, text, int, decimal, date, datetime, bool

    /// Whether values are stored as UTF-8 strings.
    package var isString: Bool { self == .string || self == .text }
}
