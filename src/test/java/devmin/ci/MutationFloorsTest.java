package devmin.ci;

import devmin.ci.MutationFloors.Mutant;
import devmin.ci.MutationFloors.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-group mutation gate: each group must reach its floor, and nothing unverifiable passes. */
class MutationFloorsTest {

    @TempDir
    Path dir;

    static List<Mutant> mutants(String className, int detected, int survived) {
        List<Mutant> all = new ArrayList<>();
        for (int i = 0; i < detected; i++) {
            all.add(new Mutant(className, true));
        }
        for (int i = 0; i < survived; i++) {
            all.add(new Mutant(className, false));
        }
        return all;
    }

    static Map<String, Integer> floors(Object... groupAndFloor) {
        Map<String, Integer> floors = new LinkedHashMap<>();
        for (int i = 0; i < groupAndFloor.length; i += 2) {
            floors.put((String) groupAndFloor[i], (Integer) groupAndFloor[i + 1]);
        }
        return floors;
    }

    @Test
    void aGroupExactlyAtItsFloorPasses() {
        Outcome outcome = MutationFloors.judge(floors("devmin.live", 85), mutants("devmin.live.Verdict", 17, 3));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.scores()).singleElement()
                .satisfies(s -> assertThat(s.describe()).contains("devmin.live", "85.0 %", "17/20", "floor 85 %"));
    }

    @Test
    void aGroupBelowItsFloorFailsNamingGroupScoreFloorAndCounts() {
        List<Mutant> all = new ArrayList<>(mutants("devmin.live.Verdict", 16, 4));
        all.addAll(mutants("devmin.policy.PolicyEngine", 10, 0));

        Outcome outcome = MutationFloors.judge(floors("devmin.policy", 85, "devmin.live", 85), all);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures())
                .containsExactly("devmin.live: 80.0 % is below its floor of 85 % (16/20 detected)");
    }

    @Test
    void aGroupWithoutAnyMutantIsNotAPass() {
        Outcome outcome = MutationFloors.judge(floors("devmin.policy", 85, "devmin.certify", 85),
                mutants("devmin.policy.PolicyEngine", 10, 0));

        assertThat(outcome.failures()).singleElement().asString().startsWith("devmin.certify: no mutant");
    }

    @Test
    void aMutatedClassOutsideEveryGroupIsNamed() {
        Outcome outcome = MutationFloors.judge(floors("devmin.live", 85),
                List.of(new Mutant("devmin.live.Verdict", true), new Mutant("devmin.liveness.Probe", true)));

        assertThat(outcome.failures()).containsExactly("devmin.liveness.Probe was mutated but belongs to no group"
                + " in the floors file");
    }

    @Test
    void aClassCountsInTheLongestGroupThatContainsIt() {
        List<Mutant> all = new ArrayList<>(mutants("devmin.live.run.JobRun", 1, 1));
        all.addAll(mutants("devmin.live.Verdict", 2, 0));

        Outcome outcome = MutationFloors.judge(floors("devmin.live", 90, "devmin.live.run", 50), all);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.scores()).extracting(s -> s.group() + "=" + s.detected() + "/" + s.total())
                .containsExactly("devmin.live=2/2", "devmin.live.run=1/2");
    }

    @Test
    void readsPitsXmlReport() throws IOException {
        Path report = dir.resolve("mutations.xml");
        Files.writeString(report, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='true' status='KILLED' numberOfTestsRun='2'><sourceFile>Verdict.java</sourceFile>\
                <mutatedClass>devmin.live.Verdict</mutatedClass><mutatedMethod>of</mutatedMethod></mutation>
                <mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><sourceFile>X.java</sourceFile>\
                <mutatedClass>stacks.spec.X</mutatedClass><mutatedMethod>y</mutatedMethod></mutation>
                </mutations>
                """);

        assertThat(MutationFloors.readMutants(report))
                .containsExactly(new Mutant("devmin.live.Verdict", true), new Mutant("stacks.spec.X", false));
    }

    @Test
    void aMissingOrMalformedReportIsAnError() throws IOException {
        assertThatThrownBy(() -> MutationFloors.readMutants(dir.resolve("absent.xml")))
                .hasMessageContaining("absent.xml does not exist");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<mutations><mutation detected='maybe'><mutatedClass>a.B</mutatedClass>"
                + "</mutation></mutations>");
        assertThatThrownBy(() -> MutationFloors.readMutants(broken)).hasMessageContaining("mutation #1");
    }

    @Test
    void aBadFloorLineNamesTheLine() throws IOException {
        Path file = dir.resolve("floors");
        Files.writeString(file, "# comment\ndevmin.live 85\ndevmin.policy 185\n");

        assertThatThrownBy(() -> MutationFloors.readFloors(file))
                .hasMessageContaining("'devmin.policy 185'").hasMessageContaining("<floor percent 0-100>");
    }

    @Test
    void theCommittedFloorsAreAtLeast85PercentForEveryVerdictGroup() throws IOException {
        Map<String, Integer> committed = MutationFloors.readFloors(Path.of(".ci", "mutation-floors"));

        assertThat(committed).containsKeys("devmin.policy", "devmin.live", "devmin.certify", "devmin.evidence",
                "devmin.plan.cost", "stacks.spec", "stacks.handles");
        assertThat(committed.values()).allSatisfy(f -> assertThat(f).isGreaterThanOrEqualTo(85));
    }
}
