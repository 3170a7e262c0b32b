import ArgumentParser
import Foundation
import PatronPipeline
import PatronStages
import PatronSupport

extension Patron {
    /// `patron export slurm PIPELINE`: the pipeline as a bash script of `sbatch` lines.
    struct ExportSlurm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "slurm",
            abstract: "Write a bash script that submits the pipeline to Slurm (sbatch jobs with afterok dependencies).",
            discussion: """
                For sites that submit jobs themselves. The script submits every stage (grouped \\
                into jobs as `patron plan` shows, sized by the last run), each job running this \\
                patron binary in task mode, and a last job that records the run. Stages whose \\
                outputs are in the cache are not run again, so the same script serves every week.

                Example:
                  patron export slurm customer-health -o customer-health-slurm.sh
                  SBATCH_ARGS="--partition=short" bash customer-health-slurm.sh
                """)

        @Argument(help: "Pipeline name.") var pipeline: String
        @Option(name: .shortAndLong, help: "Script to write (default: print it).") var output: String?
        @Option(name: .long, help: "Override a pipeline param: name=value (repeatable).") var param: [String] = []
        @Option(
            name: .long,
            help: "Seconds of work under which the pipeline is one job, as with run --executor slurm.")
        var fuseUnder: Double = PipelinePlan.smallPipeline
        @OptionGroup var projectOptions: ProjectOptions

        func run() throws {
            let project = try projectOptions.load()
            let plan = try project.plan(
                pipeline, registry: BuiltinModules.registry, overrides: parseOverrides(param), allowOutside: false)
            let cache = try LocalCacheStore(root: project.cacheDirectory)
            var options = ClusterOptions(patron: patronBinary())
            options.fuseUnder = fuseUnder
            options.params = param
            let script = plan.slurmScript(project: project, cache: cache, options: options)
            guard let output else {
                print(script, terminator: "")
                return
            }
            let target = ProjectPath.absolute(output, root: FileManager.default.currentDirectoryPath)
            let folder = (target as NSString).deletingLastPathComponent
            if let problem = Folders.make(folder) {
                Main.fail("cannot write \(output): cannot make the folder \(folder): \(problem)", code: 1)
            }
            do {
                try AtomicFile.replace(target) { try SequentialFile.write(Array(script.utf8), to: $0) }
                chmod(target, 0o755)
            } catch {
                Main.fail("cannot write \(output): \(error)", code: 1)
            }
            print("wrote \(output): run it where sbatch works (bash \(output))")
        }
    }
}

/// The binary the nodes of a cluster run: this one (`PATRON_SLURM_BIN` names another).
func patronBinary() -> String {
    ProcessInfo.processInfo.environment["PATRON_SLURM_BIN"]
        ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}
