import Foundation
import PatronStages
import Testing

@testable import PatronPipeline

/// The README's parameter tables are the modules' declarations, as `patron modules --format
/// markdown` prints them: a key added, renamed or given another default cannot leave the docs
/// behind.
@Suite struct ModuleDocsTests {
    @Test func theREADMEsTablesAreTheDeclarations() throws {
        let readme = try String(contentsOfFile: packageRootPath + "/README.md", encoding: .utf8)
        for spec in BuiltinModules.registry.specs {
            let block = spec.markdownStartMarker + "\n" + spec.markdownTable + ModuleSpec.markdownEndMarker
            #expect(
                readme.contains(block),
                "the README's table of \(spec.name) is not its declaration: run `make docs` and commit README.md")
        }
    }

    /// Every key says what it is for, and every default survives the trip through its
    /// property: a declaration's default, read back as the module's parameters, is the same.
    @Test func everyKeyHasHelpAndItsDefaultReadsBack() {
        for spec in BuiltinModules.registry.specs {
            for param in spec.params {
                #expect(!param.help.isEmpty, "\(spec.name).\(param.name) has no help")
                #expect(
                    param.required || param.defaultValue != nil || param.kind != .bool,
                    "\(spec.name).\(param.name): a boolean key needs a default")
            }
            let defaults = Dictionary(
                uniqueKeysWithValues: spec.params.compactMap { p in p.defaultValue.map { (p.name, $0) } })
            // Validating the defaults alone finds no problem (required keys aside).
            let problems = spec.validate(defaults).filter { problem in
                !spec.params.contains { $0.name == problem.param && $0.required }
            }
            #expect(problems.isEmpty, "\(spec.name): its defaults do not validate: \(problems)")
        }
    }
}
