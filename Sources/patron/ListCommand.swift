import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages

extension Patron {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the project's pipelines with their descriptions.")

        @OptionGroup var projectOptions: ProjectOptions

        func run() throws {
            let project = try projectOptions.load()
            let names = project.pipelineNames()
            if names.isEmpty {
                print("no pipelines in \(project.root)/Pipelines")
                return
            }
            let width = (names.map(\.count).max() ?? 0) + 2
            for name in names {
                let description: String
                do {
                    let file = try PipelineFile.load(path: try project.pipelinePath(name))
                    description = "\(file.stages.count) stages  \(file.description)"
                } catch {
                    description = "(invalid: run `patron status \(name)` for details)"
                }
                print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))\(description)")
            }
        }
    }

    struct Modules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stage modules (`use:` names) and their parameters.",
            discussion: """
                --format markdown prints each module's parameter table as the README has it,
                between the markers `make docs` uses to keep the README in step.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

        @Option(name: .long, help: "text, or markdown (the README's tables).")
        var format: Format = .text

        func run() throws {
            if format == .markdown {
                for spec in BuiltinModules.registry.specs {
                    print(spec.markdownStartMarker)
                    print(spec.markdownTable, terminator: "")
                    print(ModuleSpec.markdownEndMarker)
                    print("")
                }
                return
            }
            for spec in BuiltinModules.registry.specs {
                let inputs =
                    switch spec.inputs {
                    case .none: "no inputs"
                    case .exactly(let n): "\(n) input\(n == 1 ? "" : "s")"
                    case .any: "any inputs"
                    }
                print("\(spec.name)  (version \(spec.version), \(inputs))")
                print("  \(spec.summary)")
                let ports = ["main"] + spec.ports([:])
                print("  ports: \(ports.joined(separator: ", "))")
                for p in spec.params {
                    let extra =
                        p.required ? "required" : p.defaultValue.map { "default \($0.canonicalJSON)" } ?? "optional"
                    print(
                        "    \(p.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(p.kind.label) (\(extra)): \(p.help)"
                    )
                }
                print("")
            }
        }
    }

    struct Dag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a pipeline's stage graph as Mermaid or Graphviz dot.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case mermaid, dot }

        @Argument(help: "Pipeline name.")
        var pipeline: String

        @Option(name: .long, help: "mermaid or dot.")
        var format: Format = .mermaid

        @OptionGroup var projectOptions: ProjectOptions

        func run() throws {
            let project = try projectOptions.load()
            let plan = try project.plan(pipeline, registry: BuiltinModules.registry, allowOutside: true)
            print(format == .mermaid ? DagRendering.mermaid(plan) : DagRendering.dot(plan), terminator: "")
        }
    }
}

/// Text renderings of a pipeline's DAG.
enum DagRendering {
    static func mermaid(_ plan: PipelinePlan) -> String {
        var out = "flowchart LR\n"
        for stage in plan.stages {
            out += "  \(node(stage.id))[\"\(stage.id)<br/><small>\(stage.spec.name)</small>\"]\n"
        }
        for stage in plan.stages {
            for ref in stage.inputs {
                out +=
                    ref.port == "main"
                    ? "  \(node(ref.stage)) --> \(node(stage.id))\n"
                    : "  \(node(ref.stage)) -- \(ref.port) --> \(node(stage.id))\n"
            }
        }
        return out
    }

    static func dot(_ plan: PipelinePlan) -> String {
        var out = "digraph \"\(plan.name)\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n"
        for stage in plan.stages { out += "  \"\(stage.id)\" [label=\"\(stage.id)\\n\(stage.spec.name)\"];\n" }
        for stage in plan.stages {
            for ref in stage.inputs {
                out += "  \"\(ref.stage)\" -> \"\(stage.id)\"\(ref.port == "main" ? "" : " [label=\"\(ref.port)\"]");\n"
            }
        }
        return out + "}\n"
    }

    /// Mermaid ids may not contain '-'.
    static func node(_ id: String) -> String { id.replacingOccurrences(of: "-", with: "_") }
}
