import Foundation

/// How a cluster run is submitted (`patron run --executor slurm`, `patron export slurm`).
package struct ClusterOptions: Sendable {
    /// The `patron` binary the nodes run (it must be at this path on every node).
    package var patron: String
    /// Extra `sbatch` arguments for every job (`--sbatch-args`: partition, time, memory…).
    package var sbatchArguments: [String] = []
    /// Jobs in the queue at once; 0: no limit (`--max-jobs`).
    package var maxJobs = 0
    /// Seconds of work under which a pipeline is one job (`--fuse-under`).
    package var fuseUnder = PipelinePlan.smallPipeline
    /// The most seconds between two looks at the queue (`PATRON_SLURM_POLL`, default 2); the
    /// first looks after a submission or a job's end come sooner.
    package var poll = 2.0
    /// Submit and return, leaving the run's record to a last job (`--detach`).
    package var detach = false
    /// Flags every task gets as the driver got them: `--allow-outside`, `--stamp`.
    package var taskArguments: [String] = []
    /// The `--param name=value` arguments as the driver got them (a sweep's every value): for
    /// the job that records a detached run, and exported scripts. Each job carries its own
    /// combination's.
    package var params: [String] = []

    package init(patron: String) { self.patron = patron }
}

/// One job of a cluster run: a group of one pipeline's stages, run on a node by the same
/// `patron` binary in task mode.
package struct ClusterJob: Sendable {
    /// 1-based, in submission order (every job after the jobs it waits for).
    package var number: Int
    package var pipeline: String
    /// Which of the run's pipeline runs it belongs to (a pipeline, or one combination of a sweep).
    package var variant: Int
    /// That run's `--param name=value` overrides.
    package var params: [String]
    package var stages: [String]
    /// The numbers of the jobs it waits for.
    package var after: [Int]
    /// Its stages' last-run seconds.
    package var seconds: Double
    /// `--expect STAGE=KEY` for each stage (empty in an exported script: keys change with inputs).
    package var expect: [(stage: String, key: String)]

    /// `customer-health`, or with its params `customer-health [horizon_weeks=26]`.
    package var label: String { RunRecord.label(pipeline, params: params) }

    /// A readable name for the queue: `patron:customer-health:2`.
    package var name: String { "patron:\(pipeline):\(number)" }

    /// The task's command line (the program first).
    package func taskCommand(
        project: Project, runID: String, options: ClusterOptions, force: Bool
    ) -> [String] {
        var words = [
            options.patron, "run", pipeline, "--project", project.root, "--cache-dir", project.cacheDirectory, "--task",
            "--run-id", runID,
        ]
        for stage in stages { words += ["--only", stage] }
        for e in expect { words += ["--expect", "\(e.stage)=\(e.key)"] }
        if force { words.append("--force") }
        for p in params { words += ["--param", p] }
        return words + options.taskArguments
    }

    /// The batch script: the task, then its exit status written beside its log (how the driver
    /// learns it without `sacct`).
    package func script(project: Project, runID: String, options: ClusterOptions, force: Bool) -> String {
        """
        #!/bin/sh
        # Patron cluster run \(runID), job \(number): \(pipeline) — \(stages.joined(separator: ", "))
        number=\(number)
        \(taskCommand(project: project, runID: runID, options: options, force: force).map(Shell.quote).joined(separator: " "))
        \(ClusterJob.statusLines(ClusterJob.folder(project, runID)))
        """
    }

    /// One batch script for a job array of `jobs` (each the only job of its pipeline): element
    /// `i` runs `jobs[i]`, its output in that job's log.
    package static func arrayScript(
        _ jobs: [ClusterJob], project: Project, runID: String, options: ClusterOptions, force: Bool
    ) -> String {
        let folder = folder(project, runID)
        var lines = [
            "#!/bin/sh",
            "# Patron cluster run \(runID): \(jobs.count) pipelines as one job array, a pipeline per element",
            "case \"$SLURM_ARRAY_TASK_ID\" in",
        ]
        for (i, job) in jobs.enumerated() {
            let command = job.taskCommand(project: project, runID: runID, options: options, force: force)
            lines.append("\(i)) number=\(job.number); set -- \(command.map(Shell.quote).joined(separator: " ")) ;;")
        }
        lines += [
            "*) echo \"patron: this array has no element $SLURM_ARRAY_TASK_ID\" >&2; exit 2 ;;",
            "esac",
            "\"$@\" >\(Shell.quote(folder))/job-$number.out 2>&1",
            statusLines(folder),
        ]
        return lines.joined(separator: "\n")
    }

    /// The end of a job's script: the task's exit status written beside its log, as a whole file.
    static func statusLines(_ folder: String) -> String {
        let status = Shell.quote(folder) + "/job-$number.status"
        return """
            status=$?
            echo "$status" >\(status).tmp && mv \(status).tmp \(status)
            exit "$status"

            """
    }

    /// `sbatch` arguments besides the dependency: name, log, working folder, the user's own.
    package func sbatchArguments(project: Project, runID: String, options: ClusterOptions) -> [String] {
        [
            "--job-name=\(name)", "--output=\(ClusterJob.folder(project, runID))/job-\(number).out",
            "--chdir=\(project.root)",
        ]
            + options.sbatchArguments
    }

    /// The run's folder: its jobs' scripts, logs and exit statuses, and the tasks' run records.
    package static func folder(_ project: Project, _ runID: String) -> String {
        "\(project.stateDirectory)/tasks/\(runID)"
    }

    /// The jobs for `groups` of `plan`, numbered from `first`.
    package static func jobs(
        _ groups: [JobGroup], plan: PipelinePlan, variant: Int, params: [String], keys: [String: String], first: Int
    ) -> [ClusterJob] {
        groups.enumerated().map { g, group in
            ClusterJob(
                number: first + g, pipeline: plan.name, variant: variant, params: params, stages: group.stages,
                after: group.after.map { first + $0 }, seconds: group.seconds,
                expect: group.stages.compactMap { id in keys[id].map { (id, $0) } })
        }
    }
}

/// Words for `/bin/sh`.
package enum Shell {
    /// `text` as one shell word: as it is when it has nothing the shell reads, else in single
    /// quotes with each `'` written as `'\''`.
    package static func quote(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { c in
                (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
                    || "-_./=:,+@%".unicodeScalars.contains(c)
            }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Splits `--sbatch-args "…"` into words as a shell would: spaces separate, single and
    /// double quotes group, a backslash escapes the next character.
    package static func split(_ text: String) throws -> [String] {
        var words = [String](), word = "", inWord = false
        var quote: Character? = nil, escaped = false
        for c in text {
            if escaped {
                word.append(c)
                escaped = false
            } else if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == "\\" {
                escaped = true
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if quote != nil || escaped { throw PipelineError.usage("unbalanced quote or trailing backslash in: \(text)") }
        if inWord { words.append(word) }
        return words
    }
}
