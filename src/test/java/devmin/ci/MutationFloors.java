package devmin.ci;

import devmin.ci.PitReport.Mutant;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-group gate over PIT's {@code mutations.xml}: each group's share of detected mutants (KILLED, TIMED_OUT,
 * MEMORY_ERROR) must reach its floor. Fails closed: a missing or unreadable report, a group without a single mutant,
 * a mutant PIT could not analyse (RUN_ERROR, NON_VIABLE, NOT_STARTED, STARTED: named one by one), a mutated class in
 * no group, or a package of main code in no group and not exempt is a failure, never a pass. Run by
 * {@code .ci/mutation-gate} over its per-group reports: {@code java -cp target/test-classes devmin.ci.MutationFloors
 * .ci/mutation-floors target/pit-reports target/classes}.
 */
public final class MutationFloors {

    /** One group's floor and what PIT found in it. */
    record GroupScore(String group, int floor, BigDecimal measured, int detected, int total) {
        double percent() {
            return total == 0 ? 0 : 100.0 * detected / total;
        }

        boolean holds() {
            return total > 0 && detected * 100L >= (long) floor * total;
        }

        String describe() {
            return String.format("%-22s %5.1f %% (%d/%d detected), floor %d %% (%s)", group, percent(), detected,
                    total, floor, measured == null ? "not yet measured on this tree" : "measured " + measured + " %");
        }
    }

    /** The groups' scores and every reason the gate fails (empty when it holds). */
    record Outcome(List<GroupScore> scores, List<String> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    private MutationFloors() {}

    public static void main(String[] arguments) {
        List<String> only = arguments.length > 0 && arguments[0].startsWith("--only=")
                ? List.of(arguments[0].substring("--only=".length()).split(",")) : List.of();
        String[] args = only.isEmpty() ? arguments : Arrays.copyOfRange(arguments, 1, arguments.length);
        if (args.length != 3) {
            System.err.println("usage: MutationFloors [--only=GROUP,...] FLOORS_FILE MUTATIONS_XML_OR_REPORTS_DIR"
                    + " MAIN_CLASSES_DIR");
            System.exit(2);
        }
        Outcome outcome;
        try {
            FloorsFile floors = FloorsFile.read(Path.of(args[0]));
            Outcome judged = judge(floors.only(only), PitReport.readAll(Path.of(args[1])));
            List<String> failures = new ArrayList<>(judged.failures());
            failures.addAll(MainPackages.unjudged(Path.of(args[2]), floors));
            outcome = new Outcome(judged.scores(), failures);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("mutation floors: FAIL: " + e.getMessage());
            System.exit(1);
            return;
        }
        outcome.scores().forEach(s -> System.out.println("mutation floors: " + s.describe()));
        outcome.failures().forEach(f -> System.err.println("mutation floors: FAIL: " + f));
        System.out.println("mutation floors: " + (outcome.passed() ? "PASS" : "FAIL"));
        System.exit(outcome.passed() ? 0 : 1);
    }

    /** Judges the mutants against the floors (in the file's order). */
    static Outcome judge(FloorsFile floors, List<Mutant> mutants) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        floors.groups().keySet().forEach(g -> counts.put(g, new int[2]));
        List<String> failures = new ArrayList<>();
        Set<String> strays = new LinkedHashSet<>();
        for (Mutant m : mutants) {
            Optional<String> group = floors.groupOf(m.mutatedClass());
            if (group.isEmpty()) {
                strays.add(m.mutatedClass());
                continue;
            }
            if (m.status().verdict() == MutationStatus.Verdict.NOT_ANALYSED) {
                failures.add(group.get() + ": mutant " + m.describe()
                        + " was not analysed (the test run or the mutant broke), so the group is not verified");
                continue;
            }
            int[] c = counts.get(group.get());
            c[0] += m.detected() ? 1 : 0;
            c[1]++;
        }
        List<GroupScore> scores = new ArrayList<>();
        counts.forEach((g, c) -> {
            FloorsFile.Floor floor = floors.groups().get(g);
            scores.add(new GroupScore(g, floor.floor(), floor.measured(), c[0], c[1]));
        });
        List<String> belowOrEmpty = new ArrayList<>();
        for (GroupScore s : scores) {
            if (s.total() == 0) {
                belowOrEmpty.add(s.group() + ": no mutant in the report (not analysed, so not verified)");
            } else if (!s.holds()) {
                belowOrEmpty.add(s.group() + ": " + String.format("%.1f %%", s.percent())
                        + " is below its floor of " + s.floor() + " % (" + s.detected() + "/" + s.total()
                        + " detected)");
            }
        }
        belowOrEmpty.addAll(failures);
        strays.forEach(c -> belowOrEmpty.add(c + " was mutated but belongs to no group in the floors file"));
        return new Outcome(scores, belowOrEmpty);
    }
}
