package devmin.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where evidence goes, and why an {@code --out} directory cannot take it, said before any work is done (without
 * creating anything) and again, from the file system's own answer, if creating it still fails.
 */
final class OutputDirectory {

    /** The evidence root inside the project, used when {@code --out} is not given. */
    static final String PROJECT_RUNS = "runs";

    /** How every command's {@code --out} help ends, so they all say the same. */
    static final String DEFAULT_DESCRIPTION = "Evidence root (default: <project-dir>/runs, whatever the current"
            + " directory).";

    private OutputDirectory() {
    }

    /**
     * The evidence root: {@code --out} when given, else the project's {@code runs/}, so every command of a window
     * writes (and certify reads) the same tree wherever it is started from.
     *
     * @param out        the {@code --out} option, {@code null} when not given (picocli leaves it unset)
     * @param projectDir the directory holding {@code Pulumi.yaml}
     */
    static Path evidenceRoot(Path out, Path projectDir) {
        return out != null ? out : projectDir.resolve(PROJECT_RUNS);
    }

    /** A reason the directory cannot be used, judged without writing anything; empty when it looks usable. */
    static Optional<String> problem(Path out) {
        Path path = out.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                return Optional.of(path + " exists and is not a directory");
            }
            return Files.isWritable(path) ? Optional.empty()
                    : Optional.of(path + " is not writable by this user");
        }
        Path ancestor = path.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return Optional.of("no part of " + path + " exists");
        }
        if (!Files.isDirectory(ancestor)) {
            return Optional.of("cannot create it: " + ancestor + " is a file, not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            return Optional.of("cannot create it: " + ancestor + " is not writable by this user");
        }
        return Optional.empty();
    }

    /** The file system's refusal in words (Java's exceptions often carry only the path). */
    static String reason(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + ": exists and is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return file + ": the file system refused to create it (no such file or directory; is this a"
                    + " virtual file system such as /proc?)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return file + ": " + fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
