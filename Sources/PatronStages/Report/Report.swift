import Foundation
import PatronPipeline
import PatronReport
import PatronSupport
import PatronTable

/// `use: report` — the notebook-style HTML report, `summary.md` and `customers.csv` of the
/// stages upstream of it, written under `out`.
///
/// The bytes depend only on the inputs, the pipeline file and the params (no time, no
/// absolute path, no timing) unless the run has `--stamp`. Its cached output is the manifest
/// of the files it wrote, so a deleted or edited report makes the stage stale.
enum Report: StageModule {
    struct Parameters: ModuleParameters {
        var out = OutputPath("")
        var title: String? = nil
        var template: ProjectFile? = nil
        var previewRows = 10
        var top = 20

        static let fields: [ParamField<Self>] = [
            ParamField(
                "out", \.out, required: true,
                help: "folder (inside the project) for `index.html`, `summary.md`, `customers.csv`"),
            ParamField("title", \.title, defaultText: "the pipeline's name", help: "the page's title"),
            ParamField(
                "template", \.template, defaultText: "built in",
                help:
                    "an HTML file of your own with `{{title}}`, `{{subtitle}}`, `{{footer}}` (escaped) and `{{{style}}}`, `{{{nav}}}`, `{{{body}}}`, `{{{script}}}` (as is); its content is part of the cache key"
            ),
            ParamField("preview_rows", \.previewRows, help: "rows in each stage's table preview"),
            ParamField("top", \.top, help: "rows in the top-customers-by-CLV and most-negative-comments tables"),
        ]
    }

    static let name = "report"
    static let version = "3"
    static let summary = "Write index.html (inline SVG charts), summary.md and customers.csv for the stages upstream."
    static let inputs = ModuleSpec.Inputs.any
    static let capabilities: ModuleCapabilities = [.writesFiles, .readsPipeline, .report]

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        if params.previewRows < 0 { problems.append(ParamProblem(\Parameters.previewRows, "must be 0 or more")) }
        if params.top < 0 { problems.append(ParamProblem(\Parameters.top, "must be 0 or more")) }
        return problems
    }

    /// Every table is read through the port loader, column by column as needed.
    static func inputColumns(_ params: Parameters) -> [String]? { [] }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        guard let info = context.pipelineInfo, let loader = context.loadPort, let registry = context.registry else {
            throw StageFailure("the report stage needs the pipeline around it; run it with `patron run`")
        }
        var renderer = HTMLRenderer()
        if let template = params.template {
            let templatePath = template.absolute(root: context.projectRoot)
            guard
                let source = FileManager.default.contents(atPath: templatePath).flatMap({
                    String(data: $0, encoding: .utf8)
                })
            else {
                throw StageFailure("template: cannot read \(templatePath) as UTF-8 text")
            }
            do {
                renderer = HTMLRenderer(
                    template: try Template(source, name: template.path), templateName: template.path)
            } catch { throw StageFailure(error.description) }
        }
        context.progress("building the report")
        let report = ReportContext(
            info: info, loader: loader, registry: registry, previewRows: params.previewRows, top: params.top)
        let builder = ReportBuilder(context: report, reportStage: context.stage, title: params.title ?? info.name)
        let built = try builder.build()
        // customers.csv is the big file: its content hash runs beside the rendering and writing.
        let customersCSV = built.customersCSV
        async let customersHash = FileHasher.contentHash(data: Data(customersCSV))
        let html: String
        do { html = try renderer.render(built.document) } catch { throw StageFailure(error.description) }
        let files: [(name: String, bytes: [UInt8])] = [
            ("index.html", Array(html.utf8)),
            ("summary.md", Array(MarkdownRenderer().render(built.document).utf8)),
            ("customers.csv", built.customersCSV),
        ]
        context.progress("writing \(params.out.path)")
        let folder = params.out.absolute(root: context.outputRoot)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A run killed while writing leaves a temporary file (the runner also sweeps them
        // before a run, whether or not the report reruns).
        AtomicFile.removeLeftovers(in: folder)
        for file in files {
            try AtomicFile.replace(folder + "/" + file.name) { try SequentialFile.write(file.bytes, to: $0) }
        }
        let relative = params.out.relative
        let csvHash = await customersHash
        let hashes = files.map { $0.name == "customers.csv" ? csvHash : FileHasher.contentHash(data: Data($0.bytes)) }
        let manifest = try Table(
            names: ["path", "bytes", "content_hash"],
            columns: [
                .string(files.map { relative + "/" + $0.name }),
                .int(files.map { Int64($0.bytes.count) }),
                .string(hashes),
            ])
        return StageOutput(
            main: manifest,
            counts: ["files": files.count, "customers": built.customers, "html_bytes": files[0].bytes.count])
    }
}
