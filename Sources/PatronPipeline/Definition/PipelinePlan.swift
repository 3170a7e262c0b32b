/// A validated pipeline: every stage's module known, params resolved and type-checked,
/// inputs existing, no cycles; stages in a dependency order that follows reading order.
public struct PipelinePlan: Sendable {
    /// One stage, validated: its module, resolved params and inputs.
    public struct Stage: Sendable {
        /// The stage id (its key under `stages:`).
        public var id: String
        package var spec: ModuleSpec
        /// Its `with:` values, `${…}` substituted and defaults filled in.
        public var params: [String: Value]
        /// The ports it reads.
        public var inputs: [PipelineFile.InputRef]
        package var notes: String?
        package var ports: [String]
        package var position: Position

        /// The input columns the stage reads (nil: all of them).
        package var inputColumns: [String]? { spec.inputColumns(params) }
        /// The shell command the stage runs, if its module runs one.
        package var command: String? { spec.command(params) }
    }

    /// The pipeline's name.
    public var name: String
    /// The pipeline's description.
    public var description: String
    package var path: String
    package var params: [String: Value]
    /// Topological order.
    public var stages: [Stage]

    /// The stage `id`, if the pipeline has it.
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }

    /// Ids of the stages that read `id`'s output, directly.
    package func dependents(of id: String) -> [String] {
        stages.filter { $0.inputs.contains { $0.stage == id } }.map(\.id)
    }

    /// `id` and everything downstream of it.
    package func downstream(of id: String) -> Set<String> {
        var out: Set<String> = [id]
        for stage in stages where stage.inputs.contains(where: { out.contains($0.stage) }) { out.insert(stage.id) }
        return out
    }

    /// `id` and everything it needs.
    /// The provenance columns of a stage's output (`StageModule.provenance`), from the
    /// stages that feed it.
    package func provenance(of id: String) -> Set<String> {
        var known = [String: Set<String>]()
        for stage in stages {
            known[stage.id] = stage.spec.provenance(stage.params, inputs: stage.inputs.map { known[$0.stage] ?? [] })
            if stage.id == id { break }
        }
        return known[id] ?? []
    }

    package func upstream(of id: String) -> Set<String> {
        var out: Set<String> = [id]
        for stage in stages.reversed() where out.contains(stage.id) {
            for input in stage.inputs { out.insert(input.stage) }
        }
        return out
    }
}

extension PipelinePlan {
    /// Validates `file` against the modules and resolves its params, with `overrides` from
    /// `--param`. Throws `PipelineError.invalid` listing every problem with its position.
    /// - Parameter allowOutside: let `outputPath` params point outside `projectRoot`
    ///   (`--allow-outside`); by default that is a validation error.
    package init(
        file: PipelineFile, registry: ModuleRegistry, overrides: [String: Value] = [:], projectRoot: String,
        allowOutside: Bool = false
    ) throws {
        var problems = [PipelineProblem]()
        func problem(_ at: Position?, _ message: String) {
            problems.append(PipelineProblem(file: file.path, position: at, message: message))
        }
        var params = [String: Value]()
        for p in file.params { params[p.name] = p.value }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard params[name] != nil else {
                let known = file.params.map(\.name)
                throw PipelineError.usage(
                    "--param \(name): pipeline '\(file.name)' has no param '\(name)'; it declares: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
                )
            }
            params[name] = value
        }

        var planned = [Stage]()
        let ids = Set(file.stages.map(\.id))
        for stage in file.stages {
            guard let spec = registry.module(named: stage.use) else {
                problem(
                    stage.usePosition,
                    "stage '\(stage.id)': unknown module '\(stage.use)'\(suggestion(stage.use, registry.names)); `patron modules` lists them"
                )
                continue
            }
            var resolved = [String: Value]()
            for entry in stage.with {
                guard let paramSpec = spec.param(entry.key) else {
                    let known = spec.params.map(\.name)
                    problem(
                        entry.keyPosition,
                        "stage '\(stage.id)': \(spec.name) has no parameter '\(entry.key)'\(suggestion(entry.key, known)); it takes: \(known.joined(separator: ", "))"
                    )
                    continue
                }
                var undefined = [String]()
                let value = PipelinePlan.substitute(entry.value, params, &undefined)
                for name in undefined {
                    problem(
                        entry.valuePosition,
                        "stage '\(stage.id)': undefined param '${\(name)}'; declare it under params: or pass --param \(name)=…"
                    )
                }
                if !undefined.isEmpty { continue }
                if let mismatch = paramSpec.mismatch(value) {
                    problem(entry.valuePosition, "stage '\(stage.id)': \(mismatch)")
                    continue
                }
                if paramSpec.kind == .outputPath, !allowOutside, let path = value.string,
                    !ProjectPath.isInside(path, root: projectRoot)
                {
                    problem(
                        entry.valuePosition,
                        "stage '\(stage.id)': '\(entry.key)' must stay inside the project (\(path) resolves to "
                            + "\(ProjectPath.resolve(path, root: projectRoot))); use a path inside it, or pass --allow-outside to write there anyway"
                    )
                }
                resolved[entry.key] = value
            }
            for paramSpec in spec.params where resolved[paramSpec.name] == nil {
                if let value = paramSpec.defaultValue {
                    resolved[paramSpec.name] = value
                } else if paramSpec.required, !stage.with.contains(where: { $0.key == paramSpec.name }) {
                    problem(
                        stage.position,
                        "stage '\(stage.id)': \(spec.name) needs '\(paramSpec.name)' under with: (\(paramSpec.help))")
                }
            }
            for (param, message) in spec.validate(resolved) {
                let at = stage.with.first { $0.key == param }?.valuePosition ?? stage.position
                problem(at, "stage '\(stage.id)': \(message)")
            }
            switch spec.inputs {
            case .none where !stage.inputs.isEmpty:
                problem(stage.inputs[0].position, "stage '\(stage.id)': \(spec.name) reads no inputs; remove inputs:")
            case .exactly(let n) where stage.inputs.count != n:
                problem(
                    stage.inputs.first?.position ?? stage.position,
                    "stage '\(stage.id)': \(spec.name) takes \(n) input\(n == 1 ? "" : "s"), found \(stage.inputs.count)"
                )
            default: break
            }
            for (ref, at) in stage.inputs {
                if ref.stage == stage.id {
                    problem(at, "stage '\(stage.id)' cannot read its own output")
                } else if !ids.contains(ref.stage) {
                    problem(
                        at,
                        "stage '\(stage.id)': unknown input '\(ref)'\(suggestion(ref.stage, Array(ids))); inputs name stages of this pipeline"
                    )
                }
            }
            planned.append(
                Stage(
                    id: stage.id, spec: spec, params: resolved, inputs: stage.inputs.map(\.ref),
                    notes: stage.notes, ports: ["main"] + spec.ports(resolved), position: stage.position))
        }
        // Ports exist on the stages they name.
        for stage in planned {
            let positions = file.stages.first { $0.id == stage.id }!.inputs
            for (ref, at) in positions {
                guard let upstream = planned.first(where: { $0.id == ref.stage }) else { continue }
                if !upstream.ports.contains(ref.port) {
                    problem(
                        at,
                        "stage '\(stage.id)': '\(ref.stage)' has no port '\(ref.port)'; its ports are \(upstream.ports.map { $0 == "main" ? ref.stage : "\(ref.stage).\($0)" }.joined(separator: ", "))"
                    )
                }
            }
        }
        let order = PipelinePlan.topologicalOrder(planned)
        if order.count < planned.count {
            let stuck = planned.filter { s in !order.contains { $0.id == s.id } }
            let cycle = PipelinePlan.findCycle(stuck)
            problem(
                stuck.first { $0.id == cycle.first }?.position,
                "cycle: \(cycle.joined(separator: " → ")); a stage cannot depend on its own output")
        }
        if !problems.isEmpty { throw PipelineError.invalid(problems) }
        self.init(name: file.name, description: file.description, path: file.path, params: params, stages: order)
    }

    /// Replaces `${name}` in strings. A string that is exactly one `${name}` takes the
    /// param's value with its type; otherwise the value's text is spliced in. `${…}` whose
    /// inside is not a name (shell's `${VAR:-default}`) stays as written.
    static func substitute(_ value: Value, _ params: [String: Value], _ undefined: inout [String]) -> Value {
        switch value {
        case .string(let s) where s.contains("${"):
            var out = ""
            var rest = Substring(s)
            var pieces = 0
            var single: Value? = nil
            while let open = rest.range(of: "${") {
                out += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                let name = String(rest[open.upperBound..<close])
                // Not a param name (`${VAR:-default}`, `${#list}`): shell syntax, left as it is.
                guard PipelineFile.isIdentifier(name) else {
                    out += rest[open.lowerBound...close]
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                if let v = params[name] {
                    out += v.interpolated
                    single = v
                } else {
                    undefined.append(name)
                }
                pieces += 1
                rest = rest[rest.index(after: close)...]
            }
            out += rest
            if pieces == 1, s.hasPrefix("${"), s.hasSuffix("}"), let single { return single }
            return .string(out)
        case .list(let items): return .list(items.map { substitute($0, params, &undefined) })
        case .map(let entries): return .map(entries.map { .init($0.key, substitute($0.value, params, &undefined)) })
        default: return value
        }
    }

    /// Kahn's algorithm, always taking the earliest ready stage in reading order.
    static func topologicalOrder(_ stages: [Stage]) -> [Stage] {
        var done = Set<String>()
        var order = [Stage]()
        var progress = true
        while progress {
            progress = false
            for stage in stages where !done.contains(stage.id) {
                let ready = stage.inputs.allSatisfy { ref in
                    done.contains(ref.stage) || !stages.contains { $0.id == ref.stage }
                }
                if ready {
                    done.insert(stage.id)
                    order.append(stage)
                    progress = true
                    break
                }
            }
        }
        return order
    }

    /// One cycle among stages that could not be ordered, as ids with the first repeated.
    static func findCycle(_ stages: [Stage]) -> [String] {
        guard var current = stages.first?.id else { return [] }
        var path = [String]()
        while !path.contains(current) {
            path.append(current)
            guard
                let next = stages.first(where: { $0.id == current })?.inputs.first(where: { ref in
                    stages.contains { $0.id == ref.stage }
                })?.stage
            else { break }
            current = next
        }
        if let start = path.firstIndex(of: current) {
            // path follows "reads from"; show it in the direction data flows.
            let cycle = Array(path[start...].reversed())
            return cycle + [cycle[0]]
        }
        return path
    }
}

/// ", did you mean 'x'?" for the closest candidate within a small edit distance.
func suggestion(_ word: String, _ candidates: [String]) -> String {
    func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
    guard let best = candidates.min(by: { distance(word, $0) < distance(word, $1) }),
        distance(word, best) <= max(2, word.count / 3)
    else { return "" }
    return " (did you mean '\(best)'?)"
}
