package devmin.rehearse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the project in a temporary directory with everything the real Pulumi CLI needs to run it without a cloud:
 * its own {@code PULUMI_HOME}, a local file backend, a passphrase generated for this rehearsal, the stub providers on
 * PATH and no AWS, Confluent or Pulumi variable of the caller's environment. The user's {@code ~/.pulumi}, backend and
 * stacks are never read or written. The stack file is copied without its secure values and encryption salt (they
 * belong to the user's secrets provider); the rehearsal sets throwaway secrets instead.
 */
public final class ThrowawayProject implements AutoCloseable {

    private static final Pattern SECURE_VALUE = Pattern.compile("(?m)^  [^\\s#][^\\n]*:\\n    secure: [^\\n]*\\n");
    private static final Pattern ENCRYPTION_HEADER = Pattern.compile(
            "(?m)^(encryptionsalt|secretsprovider|encryptedkey): [^\\n]*\\n");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineTools tools;
    private final Path root;
    private final Path project;
    private final String passphrase = randomText(24);
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private int commandsRun;

    private ThrowawayProject(EngineTools tools, Path root, Path project) {
        this.tools = tools;
        this.root = root;
        this.project = project;
    }

    /** Copies Pulumi.yaml, Pulumi.{@code stack}.yaml and policies/ of {@code source}, and links its built jar. */
    public static ThrowawayProject copyOf(Path source, String stack, Path jar, EngineTools tools) throws IOException {
        Path root = Files.createTempDirectory("devmin-rehearsal");
        Path project = Files.createDirectories(root.resolve("project"));
        Files.createDirectories(root.resolve("backend"));
        Files.copy(source.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        String stackFile = "Pulumi." + stack + ".yaml";
        String text = Files.readString(source.resolve(stackFile), StandardCharsets.UTF_8);
        Files.writeString(project.resolve(stackFile), withoutSecrets(text), StandardCharsets.UTF_8);
        Path policies = Files.createDirectories(project.resolve("policies"));
        try (Stream<Path> files = Files.list(source.resolve("policies"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, policies.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(project.resolve("target").resolve("devmin.jar"), jar.toAbsolutePath());
        return new ThrowawayProject(tools, root, project);
    }

    /** The stack file without the values and header only the user's secrets provider can decrypt. */
    static String withoutSecrets(String stackFile) {
        return SECURE_VALUE.matcher(ENCRYPTION_HEADER.matcher(stackFile).replaceAll("")).replaceAll("");
    }

    /** A value nobody else knows, for a throwaway secret. */
    static String randomText(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    public Path root() {
        return root;
    }

    public Path project() {
        return project;
    }

    public Path backend() {
        return root.resolve("backend");
    }

    /** Sets a variable for every later command (the stub providers read DEVMIN_STUB_*). */
    public void setEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
    }

    /** {@code pulumi <args>}, non-interactive and without colour, in the project directory. */
    public CommandOutcome pulumi(String... args) {
        List<String> command = new ArrayList<>();
        command.add(tools.engineBin().resolve("pulumi").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("--non-interactive", "--color", "never"));
        return run(command);
    }

    /** A command in the project directory with the rehearsal's environment. */
    public CommandOutcome run(List<String> command) {
        try {
            int n = commandsRun++;
            File out = root.resolve("out-" + n + ".txt").toFile();
            File err = root.resolve("err-" + n + ".txt").toFile();
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(
                            new File("/dev/null")));
            environment(builder.environment());
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new CommandOutcome(command, 124, "", String.join(" ", command.subList(0, Math.min(2,
                        command.size()))) + " did not finish within 30 minutes", elapsed(started));
            }
            return new CommandOutcome(command, process.exitValue(), Files.readString(out.toPath()),
                    Files.readString(err.toPath()), elapsed(started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private void environment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("CONFLUENT_")
                || key.startsWith("PULUMI_") || key.startsWith("DEVMIN_") || key.startsWith("GITHUB_"));
        env.put("PATH", String.join(File.pathSeparator, tools.engineBin().toString(), tools.stubsBin().toString(),
                env.getOrDefault("PATH", "")));
        env.put("PULUMI_HOME", root.resolve("pulumi-home").toString());
        env.put("PULUMI_BACKEND_URL", backend().toUri().toString());
        env.put("PULUMI_CONFIG_PASSPHRASE", passphrase);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        // The CLI writes the whole state to a file backend after every step, which is most of an up's time here
        // (docs/engine-time.md); a throwaway backend needs only the final state. Never for a real window's backend.
        env.put("PULUMI_SKIP_CHECKPOINTS", "true");
        env.put("DEVMIN_STUB_RECORD", root.resolve("stub-record.jsonl").toString());
        env.put("DEVMIN_STUB_STATE_DIR", root.resolve("stub-generations").toString());
        env.putAll(extraEnvironment);
    }

    /** Deletes the whole directory: project copy, backend, PULUMI_HOME and outputs. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root + ": " + e.getMessage(), e);
        }
    }
}
