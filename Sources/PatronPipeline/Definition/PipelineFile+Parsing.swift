import Foundation
import Yams

extension PipelineFile {
    /// Reads and structurally checks a pipeline file. Every problem found is reported at once,
    /// with its line and column; module-level checks come later, in `PipelinePlan`.
    package static func load(path: String, displayPath: String? = nil) throws -> PipelineFile {
        let shown = displayPath ?? path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 4 << 20 {
            throw PipelineError.invalid([
                PipelineProblem(
                    file: shown, position: nil,
                    message:
                        "the file is \(size >> 20) MiB; a pipeline file is a few kilobytes of YAML (is this the right file?)"
                )
            ])
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PipelineError.invalid([
                PipelineProblem(file: shown, position: nil, message: "cannot read the file as UTF-8 text")
            ])
        }
        return try parse(text, path: shown)
    }

    package static func parse(_ text: String, path: String) throws -> PipelineFile {
        var problems = [PipelineProblem]()
        func problem(_ node: Node?, _ message: String) {
            problems.append(PipelineProblem(file: path, position: node.flatMap(position), message: message))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PipelineError.invalid([
                    PipelineProblem(
                        file: path, position: nil, message: "the file is empty; see README.md for the pipeline format")
                ])
            }
            root = node
        } catch let error as YamlError {
            throw PipelineError.invalid([
                PipelineProblem(
                    file: path, position: yamlPosition(error),
                    message: "not valid YAML: \(yamlMessage(error, text: text))")
            ])
        }
        // Aliases can nest: ten lines of anchors expand to a hundred million values (the
        // "billion laughs"). A pipeline file has hundreds; refuse before expanding anything.
        if exceeds(root, limit: maxValues) {
            throw PipelineError.invalid([
                PipelineProblem(
                    file: path, position: nil,
                    message: "the file expands to more than \(maxValues) values "
                        + "(YAML aliases that refer to aliases); a pipeline file needs far fewer: write the values out")
            ])
        }
        guard let top = root.mapping else {
            throw PipelineError.invalid([
                PipelineProblem(
                    file: path, position: position(root),
                    message: "a pipeline file is a map with keys pipeline, description, params, stages")
            ])
        }
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var file = PipelineFile(name: fileName, description: "", path: path, params: [], stages: [])
        var sawName = false, sawStages = false
        for (keyNode, valueNode) in entries(top, problem) {
            switch keyNode.string ?? "" {
            case "pipeline":
                sawName = true
                if let name = valueNode.scalar?.string, valueNode.scalar != nil {
                    if name != fileName {
                        problem(valueNode, "pipeline '\(name)' must equal the file name '\(fileName)'")
                    }
                } else {
                    problem(valueNode, "pipeline: expects the pipeline's name")
                }
            case "description":
                file.description = valueNode.scalar?.string ?? ""
            case "params":
                guard let map = valueNode.mapping else {
                    problem(valueNode, "params: expects a map of name: value")
                    continue
                }
                for (k, v) in entries(map, problem) {
                    let name = k.string ?? ""
                    if !isIdentifier(name) {
                        problem(k, "param name '\(name)' should be letters, digits and underscores")
                    }
                    file.params.append(
                        Param(name: name, value: value(v), position: position(k) ?? Position(line: 0, column: 0)))
                }
            case "stages":
                sawStages = true
                guard let map = valueNode.mapping else {
                    problem(valueNode, "stages: expects a map of stage id: {use: module, …}")
                    continue
                }
                for (k, v) in entries(map, problem) {
                    if let stage = parseStage(id: k, body: v, problem: problem) { file.stages.append(stage) }
                }
            default:
                problem(
                    keyNode,
                    "unknown key '\(keyNode.string ?? "")'; a pipeline file has pipeline, description, params and stages"
                )
            }
        }
        if !sawName {
            problems.append(
                PipelineProblem(
                    file: path, position: Position(line: 1, column: 1), message: "missing 'pipeline: \(fileName)'"))
        }
        if !sawStages {
            problems.append(
                PipelineProblem(
                    file: path, position: Position(line: 1, column: 1),
                    message: "missing 'stages:'; a pipeline needs at least one stage"))
        }
        if !problems.isEmpty { throw PipelineError.invalid(problems) }
        return file
    }

    private static func parseStage(id keyNode: Node, body: Node, problem: (Node?, String) -> Void) -> Stage? {
        let id = keyNode.string ?? ""
        if !isIdentifier(id, allowDash: true) {
            problem(keyNode, "stage id '\(id)' should be letters, digits, '_' and '-' (no dots: a dot names a port)")
        }
        guard let map = body.mapping else {
            problem(body, "stage '\(id)' expects a map with use: and optionally inputs:, with:, notes:")
            return nil
        }
        let here = position(keyNode) ?? Position(line: 0, column: 0)
        var stage = Stage(id: id, position: here, use: "", usePosition: here, notes: nil, inputs: [], with: [])
        for (k, v) in entries(map, problem) {
            switch k.string ?? "" {
            case "use":
                stage.use = v.scalar?.string ?? ""
                stage.usePosition = position(v) ?? here
            case "notes":
                stage.notes = v.scalar?.string
            case "inputs":
                let items: [Node]
                if let seq = v.sequence {
                    items = Array(seq)
                } else if v.scalar != nil {
                    items = [v]
                } else {
                    problem(v, "inputs: expects a list of stage ids, like [orders] or [clean.rejects]")
                    continue
                }
                for item in items {
                    guard let text = item.scalar?.string, !text.isEmpty else {
                        problem(item, "an input is a stage id, like orders or clean.rejects")
                        continue
                    }
                    stage.inputs.append((InputRef(parsing: text), position(item) ?? here))
                }
            case "with":
                guard let params = v.mapping else {
                    problem(v, "with: expects a map of parameter: value")
                    continue
                }
                for (pk, pv) in entries(params, problem) {
                    stage.with.append((pk.string ?? "", value(pv), position(pk) ?? here, position(pv) ?? here))
                }
            default:
                problem(k, "unknown key '\(k.string ?? "")' in stage '\(id)'; a stage has use, inputs, with and notes")
            }
        }
        if stage.use.isEmpty {
            problem(keyNode, "stage '\(id)' has no 'use:'; name a module (patron modules lists them)")
        }
        return stage
    }

    static let maxValues = 100_000

    /// Whether the tree, with aliases expanded, has more than `limit` nodes. Stops counting
    /// at the limit, so it costs at most `limit` steps whatever the file.
    static func exceeds(_ root: Node, limit: Int) -> Bool {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return true }
            switch node {
            case .sequence(let seq): stack.append(contentsOf: seq)
            case .mapping(let map):
                for (k, v) in map {
                    stack.append(k)
                    stack.append(v)
                }
            default: break
            }
        }
        return false
    }

    /// Map entries in order, reporting duplicate keys.
    private static func entries(_ mapping: Node.Mapping, _ problem: (Node?, String) -> Void) -> [(Node, Node)] {
        var seen = Set<String>()
        var out = [(Node, Node)]()
        for (k, v) in mapping {
            let key = k.string ?? ""
            if !seen.insert(key).inserted {
                problem(k, "'\(key)' appears twice in this map")
                continue
            }
            out.append((k, v))
        }
        return out
    }

    static func position(_ node: Node) -> Position? {
        node.mark.map { Position(line: $0.line, column: $0.column) }
    }

    /// Converts a YAML node to a `Value`: quoted scalars stay strings, plain ones are typed.
    static func value(_ node: Node) -> Value {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            return Value.parseScalar(scalar.string)
        case .sequence(let seq):
            return .list(seq.map(value))
        case .mapping(let map):
            return .map(map.map { Value.Entry($0.key.string ?? "", value($0.value)) })
        case .alias:
            return .null
        }
    }

    static func isIdentifier(_ s: String, allowDash: Bool = false) -> Bool {
        !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || (allowDash && $0 == "-"))
                    && $0 != "."
            }
    }

    private static func yamlPosition(_ error: YamlError) -> Position? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return Position(line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return Position(line: context.mark.line, column: context.mark.column)
        default:
            return nil
        }
    }

    /// libyaml's words, with what to do where the cause is a common one.
    private static func yamlMessage(_ error: YamlError, text: String) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let line =
                text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(max(0, mark.line - 1)).first
                ?? ""
            if line.contains("\t") { return problem + " (a tab: YAML indents with spaces only)" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key appears twice in one map: \(duplicates.map { "'\($0)'" }.joined(separator: ", ")); keep one"
        default:
            return String(describing: error)
        }
    }
}
