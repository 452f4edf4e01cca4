package devmin.ci;

import devmin.ci.MutationFloors.Outcome;
import devmin.ci.PitReport.Mutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-group mutation gate: each group must reach its floor, and nothing unverifiable passes. */
class MutationFloorsTest {

    @TempDir
    Path dir;

    static List<Mutant> mutants(String className, MutationStatus status, int count) {
        List<Mutant> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(new Mutant(className, "decide", 10 + i, "org.pitest.mutators.NegateConditionalsMutator", status));
        }
        return all;
    }

    static List<Mutant> scored(String className, int killed, int survived) {
        List<Mutant> all = new ArrayList<>(mutants(className, MutationStatus.KILLED, killed));
        all.addAll(mutants(className, MutationStatus.SURVIVED, survived));
        return all;
    }

    FloorsFile floors(String text) throws IOException {
        Path file = dir.resolve("floors");
        Files.writeString(file, text);
        return FloorsFile.read(file);
    }

    @Test
    void aGroupExactlyAtItsFloorPasses() throws IOException {
        Outcome outcome = MutationFloors.judge(floors("devmin.live 85 86.0\n"), scored("devmin.live.Verdict", 17, 3));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.scores()).singleElement().satisfies(s -> assertThat(s.describe())
                .contains("devmin.live", "85.0 %", "17/20", "floor 85 %", "measured 86.0 %"));
    }

    @Test
    void aGroupBelowItsFloorFailsNamingGroupScoreFloorAndCounts() throws IOException {
        List<Mutant> all = new ArrayList<>(scored("devmin.live.Verdict", 16, 4));
        all.addAll(scored("devmin.policy.PolicyEngine", 10, 0));

        Outcome outcome = MutationFloors.judge(floors("devmin.policy 85 86.0\ndevmin.live 85 86.0\n"), all);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures())
                .containsExactly("devmin.live: 80.0 % is below its floor of 85 % (16/20 detected)");
    }

    @Test
    void onlyKilledTimedOutAndOutOfMemoryCountAsDetected() throws IOException {
        List<Mutant> all = new ArrayList<>(mutants("a.B", MutationStatus.KILLED, 1));
        all.addAll(mutants("a.B", MutationStatus.TIMED_OUT, 1));
        all.addAll(mutants("a.B", MutationStatus.MEMORY_ERROR, 1));
        all.addAll(mutants("a.B", MutationStatus.SURVIVED, 1));
        all.addAll(mutants("a.B", MutationStatus.NO_COVERAGE, 1));

        Outcome outcome = MutationFloors.judge(floors("a 50 51.0\n"), all);

        assertThat(outcome.scores()).singleElement()
                .satisfies(s -> assertThat(s.detected() + "/" + s.total()).isEqualTo("3/5"));
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void aMutantThatCouldNotBeAnalysedFailsTheGateByNameAndNeverRaisesTheScore() throws IOException {
        List<Mutant> all = new ArrayList<>(scored("a.B", 9, 0));
        all.add(new Mutant("a.B", "decide", 42, "org.pitest.mutators.ReturnValsMutator", MutationStatus.RUN_ERROR));
        all.add(new Mutant("a.C", "load", 7, "org.pitest.mutators.MathMutator", MutationStatus.NON_VIABLE));

        Outcome outcome = MutationFloors.judge(floors("a 50 51.0\n"), all);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.scores()).singleElement()
                .satisfies(s -> assertThat(s.detected() + "/" + s.total()).isEqualTo("9/9"));
        assertThat(outcome.failures()).containsExactly(
                "a: mutant a.B.decide:42 (ReturnValsMutator) RUN_ERROR was not analysed (the test run or the mutant"
                        + " broke), so the group is not verified",
                "a: mutant a.C.load:7 (MathMutator) NON_VIABLE was not analysed (the test run or the mutant broke),"
                        + " so the group is not verified");
    }

    @Test
    void aGroupWithoutAnyMutantIsNotAPass() throws IOException {
        Outcome outcome = MutationFloors.judge(floors("devmin.policy 85 86.0\ndevmin.certify 85 86.0\n"),
                scored("devmin.policy.PolicyEngine", 10, 0));

        assertThat(outcome.failures())
                .containsExactly("devmin.certify: no mutant in the report (not analysed, so not verified)");
    }

    @Test
    void aMutatedClassOutsideEveryGroupIsNamedOnce() throws IOException {
        List<Mutant> all = new ArrayList<>(scored("devmin.live.Verdict", 10, 0));
        all.addAll(scored("devmin.cli.Main", 2, 1));

        Outcome outcome = MutationFloors.judge(floors("devmin.live 85 86.0\n"), all);

        assertThat(outcome.failures())
                .containsExactly("devmin.cli.Main was mutated but belongs to no group in the floors file");
    }

    @Test
    void aClassCountsInTheLongestGroupThatContainsItAndAClassCanBeAGroup() throws IOException {
        FloorsFile floors = floors("devmin.live 90 91.0\ndevmin.live.run 50 51.0\ndevmin.cli.LiveRun 80 81.0\n");

        assertThat(floors.groupOf("devmin.live.run.JobRun")).contains("devmin.live.run");
        assertThat(floors.groupOf("devmin.live.runner.X")).contains("devmin.live");
        assertThat(floors.groupOf("devmin.cli.LiveRun$Exit")).contains("devmin.cli.LiveRun");
        assertThat(floors.groupOf("devmin.cli.LiveRunner")).isEmpty();
        assertThat(floors.groupOf("devmin.cli.PlanCommand")).isEmpty();
    }

    @Test
    void readsPitsXmlReportWithEachMutantsStatus() throws IOException {
        Path report = dir.resolve("mutations.xml");
        Files.writeString(report, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='true' status='TIMED_OUT' numberOfTestsRun='2'><sourceFile>Verdict.java</sourceFile>\
                <mutatedClass>devmin.live.Verdict</mutatedClass><mutatedMethod>of</mutatedMethod>\
                <lineNumber>12</lineNumber><mutator>org.pitest.mutators.X</mutator></mutation>
                <mutation detected='true' status='RUN_ERROR' numberOfTestsRun='0'><sourceFile>X.java</sourceFile>\
                <mutatedClass>stacks.spec.X</mutatedClass><mutatedMethod>y</mutatedMethod></mutation>
                </mutations>
                """);

        assertThat(PitReport.read(report)).containsExactly(
                new Mutant("devmin.live.Verdict", "of", 12, "org.pitest.mutators.X", MutationStatus.TIMED_OUT),
                new Mutant("stacks.spec.X", "y", 0, "", MutationStatus.RUN_ERROR));
    }

    @Test
    void readsEveryGroupsReportInADirectoryAndRefusesAnEmptyOne() throws IOException {
        for (String group : List.of("a", "b")) {
            Files.createDirectories(dir.resolve("reports").resolve(group));
            Files.writeString(dir.resolve("reports").resolve(group).resolve("mutations.xml"), "<mutations>"
                    + "<mutation status='KILLED'><mutatedClass>" + group + ".X</mutatedClass></mutation>"
                    + "</mutations>");
        }
        Files.createDirectories(dir.resolve("empty"));

        assertThat(PitReport.readAll(dir.resolve("reports"))).extracting(Mutant::mutatedClass)
                .containsExactly("a.X", "b.X");
        assertThatThrownBy(() -> PitReport.readAll(dir.resolve("empty"))).hasMessageContaining("holds no mutations.xml");
    }

    @Test
    void aMissingReportOrAStatusPitDoesNotWriteIsAnError() throws IOException {
        assertThatThrownBy(() -> PitReport.read(dir.resolve("absent.xml")))
                .hasMessageContaining("absent.xml does not exist");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<mutations><mutation detected='true' status='MAYBE'><mutatedClass>a.B"
                + "</mutatedClass></mutation></mutations>");
        assertThatThrownBy(() -> PitReport.read(broken))
                .hasMessageContaining("mutation #1 (a.B) has status 'MAYBE'");
    }

    @Test
    void aRunOfSomeGroupsIsJudgedOnThoseGroupsOnly() throws IOException {
        FloorsFile floors = floors("a 85 86.0\nb 85 86.0\n");

        Outcome outcome = MutationFloors.judge(floors.only(List.of("b")), scored("b.X", 9, 1));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.scores()).extracting(MutationFloors.GroupScore::group).containsExactly("b");
        assertThatThrownBy(() -> floors.only(List.of("c"))).hasMessageContaining("c is not a group");
    }

    @Test
    void aFloorIsItsMeasuredScoreMinusOnePointAndNothingLower() throws IOException {
        assertThat(floors("a 95 96.0\nb 91 92.9\nc 99 100\n").groups().values())
                .extracting(FloorsFile.Floor::floor).containsExactly(95, 91, 99);
        assertThatThrownBy(() -> floors("a 90 96.0\n"))
                .hasMessageContaining("floors:1: group a has floor 90 but was measured at 96.0 %: its floor is 95");
        assertThatThrownBy(() -> floors("a 96 96.0\n")).hasMessageContaining("its floor is 95");
    }

    @Test
    void aGroupNotYetMeasuredKeepsItsFloorAndSaysSo() throws IOException {
        Outcome outcome = MutationFloors.judge(floors("a 90 unmeasured\n"), scored("a.B", 9, 1));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.scores()).singleElement().satisfies(s -> assertThat(s.describe())
                .contains("floor 90 %", "not yet measured on this tree"));
    }

    @Test
    void aBadLineNamesTheFileLineAndTheExpectedShape() {
        assertThatThrownBy(() -> floors("# comment\ndevmin.live 85 86.0\ndevmin.policy 185 86.0\n"))
                .hasMessageContaining("floors:3: ").hasMessageContaining("a percent is at most 100");
        assertThatThrownBy(() -> floors("devmin.live 85\n"))
                .hasMessageContaining("'devmin.live 85' is not '<package or class> <floor percent> <measured");
        assertThatThrownBy(() -> floors("a 85 86.0\nexempt devmin.engine\n"))
                .hasMessageContaining("floors:2: 'exempt devmin.engine' is not 'exempt <package> <reason>'");
        assertThatThrownBy(() -> floors("a 85 86.0\na 85 86.0\n")).hasMessageContaining("group a is listed twice");
        assertThatThrownBy(() -> floors("a 85 86.0\nexempt a why\n")).hasMessageContaining("a is both");
    }

    @Test
    void anUntargetedTestNamesItsClassAndItsReason() throws IOException {
        assertThat(floors("a 85 86.0\nuntargeted a.SlowTest previews the whole program per test\n").untargeted())
                .containsExactly(java.util.Map.entry("a.SlowTest", "previews the whole program per test"));
        assertThatThrownBy(() -> floors("a 85 86.0\nuntargeted a.Slow why\n"))
                .hasMessageContaining("is not 'untargeted <test class");
        assertThatThrownBy(() -> floors("a 85 86.0\nuntargeted a.SlowTest\n"))
                .hasMessageContaining("is not 'untargeted <test class");
    }

    @Test
    void aPackageOfMainCodeInNoGroupAndNotExemptIsNamed() throws IOException {
        Path classes = dir.resolve("classes");
        for (String c : List.of("a/Judge", "a/Judge$Inner", "b/Runner", "b/sub/Hidden", "c/Stray", "c/Stray$1")) {
            Files.createDirectories(classes.resolve(c).getParent());
            Files.writeString(classes.resolve(c + ".class"), "");
        }

        List<String> failures = MainPackages.unjudged(classes, floors("a 85 86.0\nexempt b runs a process\n"));

        assertThat(failures).containsExactly(
                "package b.sub (b.sub.Hidden) is in no mutation group and not exempt: add it to a group, or exempt"
                        + " it with the reason",
                "package c (c.Stray) is in no mutation group and not exempt: add it to a group, or exempt it with"
                        + " the reason");
    }

    @Test
    void theCommittedFloorsCoverEveryPackageThatDecidesAVerdictOrAGrant() throws IOException {
        FloorsFile committed = FloorsFile.read(Path.of(".ci", "mutation-floors"));

        assertThat(committed.groups()).containsKeys("devmin.policy", "devmin.live", "devmin.certify",
                "devmin.evidence", "devmin.plan.Plan", "devmin.plan.cost", "devmin.window", "devmin.cli.LiveRun",
                "devmin.analyzer", "devmin.program", "stacks.spec", "stacks.handles", "stacks.core", "stacks.iam",
                "stacks.confluent");
        assertThat(MainPackages.unjudged(Path.of("target", "classes"), committed)).isEmpty();
        assertThat(committed.untargeted().keySet()).allSatisfy(test -> assertThat(
                Path.of("src", "test", "java", test.replace('.', '/') + ".java")).as(test).exists());
    }
}
