package devmin.ci;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-package-group gate over PIT's {@code mutations.xml}: each group's share of detected mutants must reach its
 * floor. Fails closed: a missing or unreadable report, a group without a single mutant, or a mutated class that
 * belongs to no group is a failure, never a pass. Run by {@code .ci/run} after the {@code mutation} profile:
 * {@code java -cp target/test-classes devmin.ci.MutationFloors .ci/mutation-floors target/pit-reports/mutations.xml}.
 */
public final class MutationFloors {

    /** One group's floor and what PIT found in it. */
    record GroupScore(String group, int floor, int detected, int total) {
        double percent() {
            return total == 0 ? 0 : 100.0 * detected / total;
        }

        boolean holds() {
            return total > 0 && detected * 100L >= (long) floor * total;
        }

        String describe() {
            return String.format("%-18s %5.1f %% (%d/%d detected), floor %d %%", group, percent(), detected, total, floor);
        }
    }

    /** The groups' scores and every reason the gate fails (empty when it holds). */
    record Outcome(List<GroupScore> scores, List<String> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    /** One mutant as the report states it: the mutated class and whether a test detected it. */
    record Mutant(String mutatedClass, boolean detected) {}

    private MutationFloors() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: MutationFloors FLOORS_FILE MUTATIONS_XML");
            System.exit(2);
        }
        Outcome outcome;
        try {
            outcome = judge(readFloors(Path.of(args[0])), readMutants(Path.of(args[1])));
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

    /** Judges the mutants against the floors (group → percent, in the file's order). */
    static Outcome judge(Map<String, Integer> floors, List<Mutant> mutants) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        floors.keySet().forEach(g -> counts.put(g, new int[2]));
        List<String> failures = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        for (Mutant m : mutants) {
            Optional<String> group = groupOf(m.mutatedClass(), floors.keySet());
            if (group.isEmpty()) {
                if (!strays.contains(m.mutatedClass())) {
                    strays.add(m.mutatedClass());
                }
                continue;
            }
            int[] c = counts.get(group.get());
            c[0] += m.detected() ? 1 : 0;
            c[1]++;
        }
        List<GroupScore> scores = new ArrayList<>();
        counts.forEach((g, c) -> scores.add(new GroupScore(g, floors.get(g), c[0], c[1])));
        for (GroupScore s : scores) {
            if (s.total() == 0) {
                failures.add(s.group() + ": no mutant in the report (not analysed, so not verified)");
            } else if (!s.holds()) {
                failures.add(s.group() + ": " + String.format("%.1f %%", s.percent()) + " is below its floor of "
                        + s.floor() + " % (" + s.detected() + "/" + s.total() + " detected)");
            }
        }
        strays.forEach(c -> failures.add(c + " was mutated but belongs to no group in the floors file"));
        return new Outcome(scores, failures);
    }

    /** The longest listed package that contains the class, if any. */
    static Optional<String> groupOf(String className, Iterable<String> groups) {
        List<String> containing = new ArrayList<>();
        for (String g : groups) {
            if (className.startsWith(g + ".")) {
                containing.add(g);
            }
        }
        return containing.stream().max(Comparator.comparingInt(String::length));
    }

    /** Reads {@code <package> <percent>} lines; {@code #} starts a comment. */
    static Map<String, Integer> readFloors(Path file) throws IOException {
        Map<String, Integer> floors = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", -1);
            if (parts.length != 2 || !parts[0].matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")
                    || !parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > 100) {
                throw new IllegalArgumentException(file + ": line '" + raw
                        + "' is not '<package> <floor percent 0-100>'");
            }
            if (floors.put(parts[0], Integer.parseInt(parts[1])) != null) {
                throw new IllegalArgumentException(file + ": package " + parts[0] + " is listed twice");
            }
        }
        if (floors.isEmpty()) {
            throw new IllegalArgumentException(file + ": no floor listed");
        }
        return floors;
    }

    /** Reads every {@code <mutation>} of PIT's XML report: its {@code mutatedClass} and {@code detected}. */
    static List<Mutant> readMutants(Path report) throws IOException {
        if (!Files.isRegularFile(report)) {
            throw new IOException(report + " does not exist: run the mutation profile first");
        }
        NodeList nodes;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            nodes = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
        } catch (Exception e) {
            throw new IOException(report + " is not a readable PIT XML report: " + e.getMessage(), e);
        }
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element m = (Element) nodes.item(i);
            String detected = m.getAttribute("detected");
            NodeList cls = m.getElementsByTagName("mutatedClass");
            if (cls.getLength() != 1 || !(detected.equals("true") || detected.equals("false"))) {
                throw new IOException(report + ": mutation #" + (i + 1)
                        + " has no mutatedClass or no detected=\"true|false\"");
            }
            mutants.add(new Mutant(cls.item(0).getTextContent().trim(), detected.equals("true")));
        }
        return mutants;
    }
}
