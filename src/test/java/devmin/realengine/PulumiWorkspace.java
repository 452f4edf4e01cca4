package devmin.realengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Pulumi project in a temporary directory, driven through the real Pulumi CLI with its own {@code PULUMI_HOME}, a
 * local file backend and a passphrase. The committed project files are copied in (a test never touches the
 * repository's {@code Pulumi.dev-min.yaml}); the built jar is linked where {@code Pulumi.yaml} expects it. The stub
 * providers are on PATH and record every call to {@link #record()}; their ECR holds the committed pinned image. No AWS
 * or Confluent credential reaches a command.
 */
public final class PulumiWorkspace implements AutoCloseable {

    public static final String PASSPHRASE = "devmin-real-engine-suite";
    static final Path REPOSITORY = Path.of("").toAbsolutePath();
    static final Path JAR = REPOSITORY.resolve("target").resolve("devmin.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealEngine engine;
    private final Path root;
    private final Path project;
    private final List<CliResult> results = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> extraEnvironment = new java.util.LinkedHashMap<>();
    private final List<Path> pathFirst = new ArrayList<>();

    private PulumiWorkspace(RealEngine engine, Path root, Path project) {
        this.engine = engine;
        this.root = root;
        this.project = project;
        try {
            Files.createDirectories(backend()); // a file backend must exist before `pulumi login` or any command
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's project: Pulumi.yaml, every Pulumi.*.yaml, policies/, and target/devmin.jar linked. */
    public static PulumiWorkspace ofCommittedProject(RealEngine engine) {
        return ofProject(engine, REPOSITORY);
    }

    /** The same from another checkout {@code tree} (its files, policies and built jar), e.g. for a before/after bench. */
    public static PulumiWorkspace ofProject(RealEngine engine, Path tree) {
        try {
            Path root = Files.createTempDirectory("devmin-real-engine");
            Path project = Files.createDirectories(root.resolve("project"));
            try (Stream<Path> files = Files.list(tree)) {
                for (Path file : files.filter(p -> p.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml"))
                        .toList()) {
                    Files.copy(file, project.resolve(file.getFileName()));
                }
            }
            addPolicyPackAndJar(tree, project);
            return new PulumiWorkspace(engine, root, project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A project whose program is {@code mainClass} from the test classes, started by the Java language host from a
     * launcher jar ({@code program.jar}, its manifest naming the class and a class path of the devmin jar and the
     * test classes); the policy pack and the devmin jar are beside it as in the repository.
     */
    public static PulumiWorkspace ofTestProgram(RealEngine engine, String projectName, Class<?> mainClass) {
        try {
            Path root = Files.createTempDirectory("devmin-real-engine");
            Path project = Files.createDirectories(root.resolve("project"));
            addPolicyPackAndJar(REPOSITORY, project);
            Files.createSymbolicLink(project.resolve("devmin.jar"), JAR);
            Files.createSymbolicLink(project.resolve("test-classes"), REPOSITORY.resolve("target").resolve(
                    "test-classes"));
            java.util.jar.Manifest manifest = new java.util.jar.Manifest();
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, mainClass.getName());
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "devmin.jar test-classes/");
            try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(project.resolve("program.jar")),
                    manifest)) {
                jar.flush();
            }
            Files.writeString(project.resolve("Pulumi.yaml"), "name: " + projectName + "\n"
                    + "runtime:\n  name: java\n  options:\n    binary: program.jar\n");
            return new PulumiWorkspace(engine, root, project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPolicyPackAndJar(Path tree, Path project) throws IOException {
        Path policies = Files.createDirectories(project.resolve("policies"));
        try (Stream<Path> files = Files.list(tree.resolve("policies"))) {
            for (Path file : files.toList()) {
                Files.copy(file, policies.resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(project.resolve("target").resolve("devmin.jar"),
                tree.resolve("target").resolve("devmin.jar").toAbsolutePath());
    }

    public Path project() {
        return project;
    }

    /** The local backend's directory: the state files live under it. */
    public Path backend() {
        return root.resolve("backend");
    }

    public Path record() {
        return root.resolve("stub-record.jsonl");
    }

    public StubRecord stubCalls() {
        return StubRecord.read(record());
    }

    /** Every command this workspace ran, for assertions over everything printed. */
    public List<CliResult> results() {
        return List.copyOf(results);
    }

    /** Sets a variable for every later command (and the plugins and programs they start). */
    public PulumiWorkspace withEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    public PulumiWorkspace withoutEnvironment(String name) {
        extraEnvironment.remove(name);
        return this;
    }

    /** Puts a directory on PATH ahead of the engine's, e.g. to wrap a plugin for a measurement. */
    public PulumiWorkspace withPathFirst(Path directory) {
        pathFirst.add(directory);
        return this;
    }

    /** {@code pulumi <args>} in the project directory, non-interactive and without colour. */
    public CliResult pulumi(String... args) {
        List<String> command = new ArrayList<>();
        command.add(engine.engineBin().resolve("pulumi").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("--non-interactive", "--color", "never"));
        return run(command);
    }

    /** The devmin CLI from the built jar, in the project directory. */
    public CliResult devmin(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** {@code pulumi stack export} of the selected stack, parsed. */
    public JsonNode exportState() {
        CliResult export = pulumi("stack", "export");
        if (export.exitCode() != 0) {
            throw new IllegalStateException(export.describe());
        }
        try {
            return JSON.readTree(export.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String relative, String content) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliResult run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
            environment(builder.environment());
            File out = root.resolve("out-" + results.size() + ".txt").toFile();
            File err = root.resolve("err-" + results.size() + ".txt").toFile();
            builder.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(
                    new File("/dev/null")));
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 15 minutes");
            }
            CliResult result = new CliResult(List.copyOf(command), process.exitValue(),
                    Files.readString(out.toPath()), Files.readString(err.toPath()),
                    (System.nanoTime() - started) / 1_000_000);
            results.add(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void environment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("CONFLUENT_")
                || key.startsWith("PULUMI_") || key.startsWith("DEVMIN_"));
        List<String> path = new ArrayList<>(pathFirst.stream().map(Path::toString).toList());
        path.addAll(List.of(engine.engineBin().toString(), engine.stubsBin().toString(), env.getOrDefault("PATH", "")));
        env.put("PATH", String.join(File.pathSeparator, path));
        env.put("PULUMI_HOME", root.resolve("pulumi-home").toString());
        env.put("PULUMI_BACKEND_URL", backend().toUri().toString());
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("DEVMIN_STUB_RECORD", record().toString());
        env.put("DEVMIN_STUB_STATE_DIR", root.resolve("stub-generations").toString());
        env.put("DEVMIN_STUB_ECR_IMAGES", committedPinnedImage());
        env.putAll(extraEnvironment);
    }

    /** The stub ECR holds the image the committed stack pins ({@code repository:tag@digest}) unless a test says else. */
    static String committedPinnedImage() {
        return devmin.engine.PreviewMocks.pinnedImage(devmin.testing.Fixtures.committedConfig())
                .map(i -> i.repository() + ":" + i.tags().get(0) + "@" + i.digest()).orElse("");
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Every byte the backend holds (state files, history, backups), as text. */
    public String backendContents() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(backend())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("devmin.realengine.keep")) {
            System.err.println("kept real-engine workspace " + root);
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
