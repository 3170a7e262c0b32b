import PatronTable

/// Reads any port of a stage upstream of a file-writing stage: from this run's memory when
/// it is still there, else from the cache.
package struct PortLoader: Sendable {
    let memory: [String: StageOutput]
    let keys: [String: String]
    let cache: (any CacheStore)?

    /// A loader over tables in hand (for tests and tools): `tables["stage.port"]`.
    package init(tables: [String: Table]) {
        var memory = [String: [(name: String, table: Table)]]()
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            let ref = PipelineFile.InputRef(parsing: name)
            memory[ref.stage, default: []].append((ref.port, table))
        }
        self.memory = memory.mapValues { StageOutput(ports: $0) }
        self.keys = [:]
        self.cache = nil
    }

    init(memory: [String: StageOutput], keys: [String: String], cache: (any CacheStore)?) {
        self.memory = memory
        self.keys = keys
        self.cache = cache
    }

    /// The `port` table of `stage`, with only `columns` (those that exist) when given.
    package func load(_ stage: String, port: String = "main", columns: Set<String>? = nil) throws -> Table {
        if let table = memory[stage]?.table(port) {
            guard let columns else { return table }
            return try table.selecting(table.names.filter { columns.contains($0) })
        }
        let (key, cache) = try entry(stage)
        return try cache.load(key, port: port, columns: columns)
    }

    /// The first `rows` rows of `stage`'s `port` (a preview), without reading the rest.
    package func head(_ stage: String, port: String = "main", rows: Int) throws -> Table {
        if let table = memory[stage]?.table(port) { return table.head(rows) }
        let (key, cache) = try entry(stage)
        return try cache.head(key, port: port, rows: rows)
    }

    /// The given rows of `stage`'s `port`, in that order (a few texts out of millions).
    package func rows(
        _ stage: String, port: String = "main", columns: Set<String>? = nil, at rows: [Int]
    ) throws -> Table {
        if memory[stage]?.table(port) != nil {
            let selected = try load(stage, port: port, columns: columns)
            return try Table(names: selected.names, columns: selected.columns.map { $0.gathering(rows) })
        }
        let (key, cache) = try entry(stage)
        return try cache.rows(key, port: port, columns: columns, at: rows)
    }

    /// The cache key and store of an upstream stage's entry.
    private func entry(_ stage: String) throws -> (String, any CacheStore) {
        guard let key = keys[stage], let cache else {
            throw StageFailure(
                "stage '\(stage)' is not upstream of this one; add it (or a stage that reads it) to inputs:")
        }
        return (key, cache)
    }

    /// Whether `stage` has a `port` (in memory or in its cache entry).
    package func has(_ stage: String, port: String) -> Bool {
        if let output = memory[stage] { return output.table(port) != nil }
        guard let key = keys[stage], let cache else { return false }
        return cache.meta(key)?.ports.contains { $0.name == port } ?? false
    }
}
