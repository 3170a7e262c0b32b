/// A place in a pipeline file: 1-based line and column.
public struct Position: Sendable, Equatable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// One thing wrong with a pipeline file, located so an editor can jump to it.
public struct PipelineProblem: Sendable, Equatable, CustomStringConvertible {
    /// The pipeline file, relative to the project.
    public var file: String
    /// Where in it, when known.
    public var position: Position?
    /// What is wrong and what to do.
    public var message: String

    package init(file: String, position: Position?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`, as compilers write it.
    public var description: String {
        if let position { "\(file):\(position.line):\(position.column): \(message)" } else { "\(file): \(message)" }
    }
}

/// Errors before any stage runs: the project, the pipeline file, the command line. Exit 2.
public enum PipelineError: Error, CustomStringConvertible {
    case invalid([PipelineProblem])
    case noProject(searchedFrom: String)
    case unknownPipeline(String, available: [String])
    case usage(String)

    /// The problem, or every problem, with positions.
    public var description: String {
        switch self {
        case .invalid(let problems):
            let s = problems.count == 1 ? "" : "s"
            return "\(problems.count) problem\(s) in the pipeline file:\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case .noProject(let dir):
            return
                "no Patron project here: no Pipelines/ folder in \(dir) or any folder above it; cd into a project or pass --project DIR"
        case .unknownPipeline(let name, let available):
            let list = available.isEmpty ? "none (add Pipelines/NAME.yaml)" : available.joined(separator: ", ")
            return "no pipeline '\(name)' (looked for Pipelines/\(name).yaml); the project has: \(list)"
        case .usage(let message):
            return message
        }
    }
}
