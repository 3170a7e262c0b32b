import PatronTable

/// `exclude:` and `include:` of `clean.transactions`: rows whose value in a column is one of
/// the listed values (exclude), or none of them (include), are rejected with a reason naming
/// the column and the value. Each distinct value is looked at once, not each row.
struct RowFilter {
    /// Per filter: the column, whether it excludes, and for each group of equal values
    /// whether the group is dropped and its text.
    private var filters: [(column: String, exclude: Bool, groups: GroupIndex, dropped: [Bool], texts: [String])] = []

    static func make(
        _ table: Table, exclude: [(column: String, values: [String])], include: [(column: String, values: [String])]
    ) throws(CleaningError) -> RowFilter {
        var filter = RowFilter()
        for (isExclude, list) in [(true, exclude), (false, include)] {
            for (name, values) in list {
                guard let column = table[name] else {
                    throw .missingColumn(param: isExclude ? "exclude" : "include", column: name, available: table.names)
                }
                let wanted = Set(values)
                let groups = GroupIndex([column], nullsAreValues: true)
                let texts = groups.firstRow.map { ValueFormat.format(column, $0) }
                let dropped = texts.map { isExclude ? wanted.contains($0) : !wanted.contains($0) }
                filter.filters.append((name, isExclude, groups, dropped, texts))
            }
        }
        return filter
    }

    /// Why `row` is dropped, or nil.
    func reason(_ row: Int) -> String? {
        for f in filters {
            let g = Int(f.groups.ids[row])
            if f.dropped[g] {
                let value = f.texts[g].isEmpty ? "empty" : "'\(f.texts[g])'"
                return f.exclude ? "excluded: \(f.column) is \(value)" : "not included: \(f.column) is \(value)"
            }
        }
        return nil
    }
}
