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
    static let spec = ModuleSpec(
        name: "report", version: "2",
        summary: "Write index.html (inline SVG charts), summary.md and customers.csv for the stages upstream.",
        inputs: .any,
        params: [
            ParamSpec(
                "out", .outputPath, required: true,
                help:
                    "folder for index.html, summary.md and customers.csv, inside the project (outside only with --allow-outside)"
            ),
            ParamSpec("title", .string, help: "the report's title (default: the pipeline's name)"),
            ParamSpec(
                "template", .inputFile,
                help:
                    "an HTML template of your own with {{title}}, {{subtitle}}, {{{style}}}, {{{nav}}}, {{{body}}}, {{footer}}, {{{script}}} (default: built in; `patron modules` prints nothing of it, see the README)"
            ),
            ParamSpec("preview_rows", .int, default: .int(10), help: "rows in each stage's table preview"),
            ParamSpec(
                "top", .int, default: .int(20), help: "rows in the top-customers and most-negative-comments tables"),
        ],
        validate: { params in
            var problems = [(param: String, message: String)]()
            for name in ["preview_rows", "top"] where (params[name]?.int ?? 1) < 0 {
                problems.append((name, "'\(name)' must be 0 or more"))
            }
            return problems
        },
        // Every table is read through the port loader, column by column as needed.
        inputColumns: { _ in [] },
        writesFiles: true)

    static func run(_ context: StageContext) async throws -> StageOutput {
        guard let info = context.pipelineInfo, let loader = context.loadPort else {
            throw StageFailure("the report stage needs the pipeline around it; run it with `patron run`")
        }
        let out = context.string("out")!
        var renderer = HTMLRenderer()
        if let templatePath = context.path("template") {
            guard
                let source = FileManager.default.contents(atPath: templatePath).flatMap({
                    String(data: $0, encoding: .utf8)
                })
            else {
                throw StageFailure("template: cannot read \(templatePath) as UTF-8 text")
            }
            do {
                renderer = HTMLRenderer(
                    template: try Template(source, name: context.string("template")!),
                    templateName: context.string("template")!)
            } catch { throw StageFailure(error.description) }
        }
        context.progress("building the report")
        let builder = ReportBuilder(
            info: info, loader: loader, reportStage: context.stage,
            title: context.string("title") ?? info.name,
            previewRows: context.int("preview_rows") ?? 10, top: context.int("top") ?? 20)
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
        context.progress("writing \(out)")
        let folder = context.outputPath("out")!
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A run killed while writing leaves a temporary file; runs of a project hold its lock,
        // so any such file here is a leftover.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where files.contains(where: { name.hasPrefix($0.name + ".tmp-") }) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        for file in files {
            try AtomicFile.replace(folder + "/" + file.name) { try SequentialFile.write(file.bytes, to: $0) }
        }
        let relative = out.hasSuffix("/") ? String(out.dropLast()) : out
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
