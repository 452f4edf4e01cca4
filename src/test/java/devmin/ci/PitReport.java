package devmin.ci;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads PIT's {@code mutations.xml}: every mutant with its class, method, line, mutator and status. */
final class PitReport {

    /** One mutant as the report states it. */
    record Mutant(String mutatedClass, String method, int line, String mutator, MutationStatus status) {
        boolean detected() {
            return status.verdict() == MutationStatus.Verdict.DETECTED;
        }

        /** {@code Class.method:line (mutator) STATUS}, the way a failure names it. */
        String describe() {
            String shortMutator = mutator.substring(mutator.lastIndexOf('.') + 1);
            return mutatedClass + "." + method + ":" + line + " (" + shortMutator + ") " + status;
        }
    }

    private PitReport() {}

    /**
     * Every mutant of a report file, or of every {@code mutations.xml} in a directory of per-group reports
     * ({@code target/pit-reports/<group>/mutations.xml}, as {@code .ci/mutation-gate} writes them).
     */
    static List<Mutant> readAll(Path reportOrDirectory) throws IOException {
        if (!Files.isDirectory(reportOrDirectory)) {
            return read(reportOrDirectory);
        }
        List<Path> reports;
        try (Stream<Path> files = Files.walk(reportOrDirectory, 2)) {
            reports = files.filter(f -> f.getFileName().toString().equals("mutations.xml")).sorted().toList();
        }
        if (reports.isEmpty()) {
            throw new IOException(reportOrDirectory + " holds no mutations.xml: run the mutation gate first");
        }
        List<Mutant> mutants = new ArrayList<>();
        for (Path report : reports) {
            mutants.addAll(read(report));
        }
        return mutants;
    }

    static List<Mutant> read(Path report) throws IOException {
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
            mutants.add(mutant((Element) nodes.item(i), report, i + 1));
        }
        return mutants;
    }

    private static Mutant mutant(Element m, Path report, int number) throws IOException {
        String status = m.getAttribute("status");
        String mutatedClass = child(m, "mutatedClass");
        if (mutatedClass.isEmpty()) {
            throw new IOException(report + ": mutation #" + number + " has no mutatedClass");
        }
        MutationStatus known = MutationStatus.of(status).orElseThrow(() -> new IOException(report + ": mutation #"
                + number + " (" + mutatedClass + ") has status '" + status + "', which is not one PIT writes"));
        String line = child(m, "lineNumber");
        return new Mutant(mutatedClass, child(m, "mutatedMethod"), line.matches("\\d+") ? Integer.parseInt(line) : 0,
                child(m, "mutator"), known);
    }

    private static String child(Element m, String name) {
        NodeList nodes = m.getElementsByTagName(name);
        return nodes.getLength() == 1 ? nodes.item(0).getTextContent().trim() : "";
    }
}
