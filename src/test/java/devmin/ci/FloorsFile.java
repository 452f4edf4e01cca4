package devmin.ci;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code .ci/mutation-floors}: the mutation groups with their floors and measured scores, and the packages that are
 * deliberately not mutated, each with its reason.
 * <pre>
 * devmin.policy 95 96.0          a group: package (or one class), floor, the score last measured on a clean clone
 * exempt devmin.engine reason... a package of main code that is not mutated, and why
 * untargeted stacks.core.CoreStackTest reason...   a test class PIT does not run against mutants (it still runs in
 *                                                  mvn -B verify), and why
 * </pre>
 * A floor is the measured score minus one point, rounded down: a lower floor is refused, so a group's floor cannot
 * drift below what its tests were shown to reach.
 */
record FloorsFile(Map<String, Floor> groups, Map<String, String> exempt, Map<String, String> untargeted) {

    /**
     * A group's floor and the score it was measured at (percent of mutants detected); {@code measured} is null for a
     * group not yet measured on this tree, which keeps the floor it had (the file says "unmeasured").
     */
    record Floor(int floor, BigDecimal measured) {
        /** The floor a measured score implies: one point below it, rounded down. */
        static int impliedBy(BigDecimal measured) {
            return measured.subtract(BigDecimal.ONE).setScale(0, RoundingMode.FLOOR).max(BigDecimal.ZERO).intValue();
        }
    }

    private static final String NAME = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.[A-Z][A-Za-z0-9_]*)?";
    private static final String PACKAGE = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*";

    static FloorsFile read(Path file) throws IOException {
        Map<String, Floor> groups = new LinkedHashMap<>();
        Map<String, String> exempt = new LinkedHashMap<>();
        Map<String, String> untargeted = new LinkedHashMap<>();
        int number = 0;
        for (String raw : Files.readAllLines(file)) {
            number++;
            String line = raw.replaceFirst("\\s#.*|^#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + number + ": ";
            String[] parts = line.split("\\s+", 3);
            if (parts[0].equals("exempt")) {
                if (parts.length < 3 || !parts[1].matches(PACKAGE)) {
                    throw new IllegalArgumentException(where + "'" + raw + "' is not 'exempt <package> <reason>'");
                }
                if (exempt.put(parts[1], parts[2]) != null) {
                    throw new IllegalArgumentException(where + "package " + parts[1] + " is exempted twice");
                }
                continue;
            }
            if (parts[0].equals("untargeted")) {
                if (parts.length < 3 || !parts[1].matches(PACKAGE + "\\.[A-Z][A-Za-z0-9_]*Test")) {
                    throw new IllegalArgumentException(where + "'" + raw
                            + "' is not 'untargeted <test class, e.g. stacks.core.CoreStackTest> <reason>'");
                }
                if (untargeted.put(parts[1], parts[2]) != null) {
                    throw new IllegalArgumentException(where + "test " + parts[1] + " is listed twice");
                }
                continue;
            }
            groups.compute(parts[0], (group, previous) -> {
                if (previous != null) {
                    throw new IllegalArgumentException(where + "group " + group + " is listed twice");
                }
                return floor(parts, raw, where);
            });
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(file + ": no group listed");
        }
        String both = exempt.keySet().stream().filter(groups::containsKey).collect(Collectors.joining(", "));
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + both + " is both a group and exempt");
        }
        return new FloorsFile(groups, exempt, untargeted);
    }

    private static Floor floor(String[] parts, String raw, String where) {
        if (parts.length == 3 && parts[0].matches(NAME) && parts[1].matches("\\d{1,3}")
                && parts[2].equals("unmeasured") && Integer.parseInt(parts[1]) <= 100) {
            return new Floor(Integer.parseInt(parts[1]), null);
        }
        if (parts.length != 3 || !parts[0].matches(NAME) || !parts[1].matches("\\d{1,3}")
                || !parts[2].matches("\\d{1,3}(\\.\\d)?")) {
            throw new IllegalArgumentException(where + "'" + raw
                    + "' is not '<package or class> <floor percent> <measured percent, e.g. 96.4, or unmeasured>'");
        }
        int floor = Integer.parseInt(parts[1]);
        BigDecimal measured = new BigDecimal(parts[2]);
        if (floor > 100 || measured.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(where + "'" + raw + "': a percent is at most 100");
        }
        int implied = Floor.impliedBy(measured);
        if (floor != implied) {
            throw new IllegalArgumentException(where + "group " + parts[0] + " has floor " + floor
                    + " but was measured at " + measured + " %: its floor is " + implied
                    + " (the measured score minus one point, rounded down)");
        }
        return new Floor(floor, measured);
    }

    /**
     * The same file judged on some groups only (a developer's run of a few groups): the other groups' mutants are
     * dropped, never counted. Empty: every group. A name that is not a group is an error.
     */
    FloorsFile only(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Map<String, Floor> kept = new LinkedHashMap<>();
        for (String name : names) {
            if (!groups.containsKey(name)) {
                throw new IllegalArgumentException(name + " is not a group of the floors file (groups: "
                        + String.join(", ", groups.keySet()) + ")");
            }
            kept.put(name, groups.get(name));
        }
        return new FloorsFile(kept, exempt, untargeted);
    }

    /** The longest group that contains the class: its package (or a parent), or the class itself. */
    Optional<String> groupOf(String className) {
        String topLevel = className.replaceFirst("\\$.*", "");
        return groups.keySet().stream()
                .filter(g -> topLevel.equals(g) || topLevel.startsWith(g + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }
}
