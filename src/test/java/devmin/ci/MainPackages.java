package devmin.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which packages of main code the gate leaves out: every class compiled from {@code src/main/java} must belong to a
 * mutation group or sit in a package exempted by name (not by a parent: a new sub-package is never exempt until
 * someone says why). So a new package that decides a verdict or a grant cannot slip past the gate unnoticed.
 */
final class MainPackages {

    private MainPackages() {}

    /** One failure per package with a class that is in no group and whose package is not exempt. */
    static List<String> unjudged(Path classesDir, FloorsFile floors) throws IOException {
        if (!Files.isDirectory(classesDir)) {
            throw new IOException(classesDir + " does not exist: compile first");
        }
        Map<String, TreeSet<String>> outside = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classesDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                String topLevel = name.replaceFirst("\\$.*", "");
                String pkg = topLevel.contains(".") ? topLevel.substring(0, topLevel.lastIndexOf('.')) : "";
                if (floors.groupOf(topLevel).isEmpty() && !floors.exempt().containsKey(pkg)) {
                    outside.computeIfAbsent(pkg, p -> new TreeSet<>()).add(topLevel);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        outside.forEach((pkg, classes) -> failures.add("package " + (pkg.isEmpty() ? "(default)" : pkg)
                + " (" + String.join(", ", classes) + ") is in no mutation group and not exempt:"
                + " add it to a group, or exempt it with the reason"));
        if (outside.isEmpty() && !hasAnyClass(classesDir)) {
            failures.add(classesDir + " holds no class: nothing to judge");
        }
        return failures;
    }

    private static boolean hasAnyClass(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".class"));
        }
    }
}
