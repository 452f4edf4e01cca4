package devmin.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One run's evidence folder, {@code <base>/<environment>/<phase>/<UTC timestamp>/}. Append-only: a new folder per run,
 * and a file that already exists is an error, never an overwrite.
 */
public final class EvidenceDirectory {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String key;

    private EvidenceDirectory(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    public static EvidenceDirectory create(Path base, String environment, String phase, Instant at) throws IOException {
        String stamp = STAMP.format(at);
        Path parent = base.resolve(environment).resolve(phase);
        Files.createDirectories(parent);
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = attempt == 0 ? stamp : stamp + "-" + attempt;
            try {
                Path dir = Files.createDirectory(parent.resolve(name));
                return new EvidenceDirectory(dir, environment + "/" + phase + "/" + name);
            } catch (FileAlreadyExistsException taken) {
                // another run in the same second: take the next suffix, never reuse a folder
            }
        }
        throw new IOException("no free evidence folder under " + parent + " for " + stamp);
    }

    public Path path() {
        return dir;
    }

    /** The folder's key below the evidence root, e.g. {@code dev_min/plan/20261122T051200Z}. */
    public String key() {
        return key;
    }

    public Path write(String fileName, String content) throws IOException {
        return Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }
}
