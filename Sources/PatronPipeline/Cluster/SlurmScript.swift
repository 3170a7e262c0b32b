import Foundation

extension PipelinePlan {
    /// `patron export slurm`: a bash script of `sbatch` lines, one job per group of this
    /// pipeline's stages (all of them, sized by their last runs), each after the jobs it reads
    /// from, and a last job that records the run as a local run would (every stage then comes
    /// from the cache), so `patron status` sees it. The tasks carry no `--expect`: the script
    /// is meant to be run again after the inputs change.
    package func slurmScript(project: Project, cache: any CacheStore, options: ClusterOptions) -> String {
        let state = PipelineState.load(project, pipeline: name)
        let seconds = lastSeconds(state: state, cache: cache)
        let groups = jobGroups(
            toRun: Set(stages.map(\.id)), seconds: { seconds[$0] ?? 1 }, fuseUnder: options.fuseUnder)
        let jobs = ClusterJob.jobs(groups, plan: self, variant: 0, params: [], keys: [:], first: 1)
        let q = Shell.quote
        // The task's words after the fixed head (patron run P --project … --cache-dir … --task --run-id …).
        let head = #""$patron" run \#(q(name)) --project "$project" --cache-dir "$cache""#
        var lines = [
            "#!/usr/bin/env bash",
            "# \(name) on Slurm: \(jobs.count + 1) jobs for \(stages.count) stages, written by `patron export slurm \(name)`.",
            "#",
            "# Run it where sbatch works (a login node): bash \(name)-slurm.sh. Each job runs its stages",
            "# with patron's task mode (a stage whose output is in the cache is not run again), after",
            "# the jobs it reads from (afterok: a failed job cancels its dependants); the last job",
            "# records the run, so that `patron status \(name)` and `patron show` see it. Logs go to",
            "# the project's .patron/tasks/RUN/. Extra sbatch arguments for every job:",
            "#   SBATCH_ARGS=\"--partition=short --time=30\" bash \(name)-slurm.sh",
            "# patron must be at the same path on every node, and the project and cache on storage",
            "# every node sees.",
            "set -euo pipefail",
            "patron=\(q(options.patron))",
            "project=\(q(project.root))",
            "cache=\(q(project.cacheDirectory))",
            "run=export-$(date -u +%Y%m%dT%H%M%SZ)-$$",
            #"tasks="$project/.patron/tasks/$run""#,
            #"mkdir -p "$tasks""#,
            #"read -r -a extra <<<"${SBATCH_ARGS:-}""#,
            "",
            "# submit NUMBER AFTER COMMAND…: sbatch COMMAND as job NUMBER after the jobs AFTER (a:b); prints its id.",
            "submit() {",
            "    local number=$1 after=$2",
            "    shift 2",
            "    local dependency=()",
            #"    if [ -n "$after" ]; then dependency=(--dependency="afterok:$after" --kill-on-invalid-dep=yes); fi"#,
            #"    sbatch --parsable "${extra[@]}" "${dependency[@]}" --job-name="patron:\#(name):$number" \"#,
            #"        --output="$tasks/job-$number.out" --chdir="$project" --wrap="$(printf '%q ' "$@")" | cut -d';' -f1"#,
            "}",
            "",
        ]
        let extra = (options.params.flatMap { ["--param", $0] } + options.taskArguments).map(q).joined(separator: " ")
        for job in jobs {
            let after = job.after.map { "$job\($0)" }.joined(separator: ":")
            let only = job.stages.map { "--only \(q($0))" }.joined(separator: " ")
            lines.append(
                "# Job \(job.number): \(job.stages.joined(separator: ", ")) (last run: \(String(format: "%.1f", job.seconds)) s)"
            )
            lines.append(
                #"job\#(job.number)=$(submit \#(job.number) "\#(after)" \#(head) --task --run-id "$run" \#(only)\#(extra.isEmpty ? "" : " " + extra))"#
            )
        }
        let all = jobs.map { "$job\($0.number)" }
        let last = jobs.count + 1
        lines += [
            "# Job \(last): record the run (every stage now comes from the cache).",
            #"job\#(last)=$(submit \#(last) "\#(all.joined(separator: ":"))" \#(head) --wait --quiet\#(extra.isEmpty ? "" : " " + extra))"#,
            #"echo "\#(name): submitted Slurm jobs \#((all + ["$job\(last)"]).joined(separator: " ")) (logs in $tasks)""#,
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
