import Testing

@testable import PatronPipeline

/// What the Slurm driver reads from `squeue` and how it writes shell words (no cluster needed).
@Suite struct SlurmTextTests {
    @Test func squeueLinesBecomeStates() {
        let text = """
            41|COMPLETED|None|vm
            42|RUNNING|None|node7
            43|PENDING|Dependency|
            44|CANCELLED|DependencyNeverSatisfied|
            45_0|COMPLETING|None|node2
            45_[1-3,6%2]|PENDING|JobArrayTaskLimit|
            """
        let states = Slurm.parseQueue(text)
        #expect(states["41"] == .ended(state: "COMPLETED", reason: "None"))
        #expect(states["42"] == .running(node: "node7"))
        #expect(states["43"] == .waiting(reason: "Dependency"))
        #expect(states["44"] == .ended(state: "CANCELLED", reason: "DependencyNeverSatisfied"))
        #expect(states["45_0"] == .running(node: "node2"))
        #expect(["45_1", "45_2", "45_3", "45_6"].allSatisfy { states[$0] == .waiting(reason: "JobArrayTaskLimit") })
        #expect(states["45_4"] == nil && states.count == 9)
    }

    @Test func arrayIDsExpandOnlyWhenBracketed() {
        #expect(Slurm.expandArrayID("7_[0-2]") == ["7_0", "7_1", "7_2"])
        #expect(Slurm.expandArrayID("7_[5%1]") == ["7_5"])
        #expect(Slurm.expandArrayID("7_3") == ["7_3"])
        #expect(Slurm.expandArrayID("8") == ["8"])
    }

    @Test func sbatchArgumentsSplitAsAShellWould() throws {
        #expect(try Shell.split("--partition=short  --time=30") == ["--partition=short", "--time=30"])
        #expect(
            try Shell.split(#"--comment="weekly run" --mem='8G' a\ b"#) == ["--comment=weekly run", "--mem=8G", "a b"])
        #expect(try Shell.split("") == [])
        #expect(throws: PipelineError.self) { try Shell.split("--comment='open") }
    }

    @Test func shellWordsAreQuotedOnlyWhenNeeded() {
        #expect(Shell.quote("/srv/patron/bin/patron") == "/srv/patron/bin/patron")
        #expect(Shell.quote("--expect=ltv=abc") == "--expect=ltv=abc")
        #expect(Shell.quote("My Project") == "'My Project'")
        #expect(Shell.quote("it's") == #"'it'\''s'"#)
        #expect(Shell.quote("$HOME") == "'$HOME'")
        #expect(Shell.quote("") == "''")
    }
}
