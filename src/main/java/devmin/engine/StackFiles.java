package devmin.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import stacks.spec.DidYouMean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code Pulumi.yaml} (project name, config defaults) and {@code Pulumi.<stack>.yaml} (stack config) the way the
 * Pulumi CLI resolves them for the program. {@code secure:} values are never decrypted: the program receives a
 * placeholder, marked secret, so a plan shows their shape and never their value. The placeholder carries a
 * fingerprint of the ciphertext (which is in the stack file for anyone to read), so two plans can tell that a secret
 * was set again without either knowing its value.
 */
public final class StackFiles {

    /** What every placeholder starts with; {@link #placeholder} appends {@code :<fingerprint>}. */
    public static final String SECRET_PLACEHOLDER = "devmin-plan-secret-placeholder";
    /** What a plan passes for a declared secret the stack file does not set (see {@link #unsetSecrets}). */
    public static final String UNSET_SECRET = "devmin-plan-secret-not-set";
    /** Finds placeholders (and their fingerprints) inside whatever the program made of a secret. */
    public static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(SECRET_PLACEHOLDER) + ":([0-9a-f]{16})");
    private static final String STACK_FILE_PREFIX = "Pulumi.";
    private static final String STACK_FILE_SUFFIX = ".yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StackFiles() {
    }

    /** Thrown when a project or stack file is missing or malformed; the message names the file and the problem. */
    public static final class StackFileException extends Exception {
        public StackFileException(String message) {
            super(message);
        }
    }

    public static StackConfig load(Path projectDir, String stack) throws StackFileException {
        Path projectFile = projectDir.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(projectFile)) {
            throw new StackFileException(projectFile + ": file not found (" + projectDir.toAbsolutePath().normalize()
                    + " is not a devmin project): run devmin from the project root, the directory holding Pulumi.yaml,"
                    + " or pass --project-dir DIR");
        }
        JsonNode project = read(projectFile);
        String projectName = project.path("name").asText("");
        if (projectName.isEmpty()) {
            throw new StackFileException(projectDir.resolve("Pulumi.yaml") + ": 'name' is missing");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        Set<String> declaredSecrets = new HashSet<>();
        project.path("config").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("secret").asBoolean(false)) {
                declaredSecrets.add(qualify(projectName, entry.getKey()));
            }
            JsonNode declaration = entry.getValue();
            JsonNode value = declaration.isObject()
                    ? (declaration.has("value") ? declaration.get("value") : declaration.get("default"))
                    : declaration;
            if (value != null && !value.isNull()) {
                values.put(qualify(projectName, entry.getKey()), text(value));
            }
        });
        Path stackFile = projectDir.resolve(STACK_FILE_PREFIX + stack + STACK_FILE_SUFFIX);
        if (!Files.isRegularFile(stackFile)) {
            throw new StackFileException(stackFile + ": file not found, so there is no stack '" + stack + "'; "
                    + existingStacks(projectDir, stack));
        }
        JsonNode stackConfig = read(stackFile).path("config");
        for (Iterator<Map.Entry<String, JsonNode>> it = stackConfig.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = qualify(projectName, entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isObject() && value.size() == 1 && value.has("secure")) {
                values.put(key, placeholder(value.get("secure").asText()));
                secrets.add(key);
            } else {
                values.put(key, text(value));
            }
        }
        // A secret the project declares but this stack has not set yet: the Pulumi CLI refuses the stack until it is
        // set ("missing configuration value"); a plan shows what it would declare and says the secret is missing.
        for (String key : declaredSecrets) {
            if (!values.containsKey(key)) {
                values.put(key, UNSET_SECRET);
                secrets.add(key);
            }
        }
        return new StackConfig(projectName, stack, values, secrets,
                YamlPositions.of(stackFile, key -> qualify(projectName, key)));
    }

    /** The declared secrets a loaded stack config does not set, by full key. */
    public static List<String> unsetSecrets(StackConfig config) {
        return config.values().entrySet().stream().filter(e -> e.getValue().equals(UNSET_SECRET))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The placeholder a plan passes for a secure value: never the value, a fingerprint of its ciphertext. */
    public static String placeholder(String ciphertext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ciphertext.getBytes(StandardCharsets.UTF_8));
            return SECRET_PLACEHOLDER + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String existingStacks(Path projectDir, String typed) {
        List<String> stacks;
        try (Stream<Path> files = Files.list(projectDir)) {
            stacks = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(STACK_FILE_PREFIX) && name.endsWith(STACK_FILE_SUFFIX)
                            && name.length() > STACK_FILE_PREFIX.length() + STACK_FILE_SUFFIX.length())
                    .map(name -> name.substring(STACK_FILE_PREFIX.length(), name.length() - STACK_FILE_SUFFIX.length()))
                    .sorted().toList();
        } catch (IOException e) {
            return "cannot list the stack files in " + projectDir + " (" + e.getMessage() + ")";
        }
        if (stacks.isEmpty()) {
            return "no stack files (Pulumi.<stack>.yaml) exist in " + projectDir;
        }
        return "the stacks here are " + String.join(", ", stacks) + DidYouMean.closest(typed, stacks)
                .map(match -> " (did you mean --stack " + match + "?)").orElse("");
    }

    private static JsonNode read(Path file) throws StackFileException {
        if (!Files.isRegularFile(file)) {
            throw new StackFileException(file + ": file not found");
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new StackFileException(file + ": expected a YAML mapping at the top level");
            }
            return node;
        } catch (IOException e) {
            throw new StackFileException(YamlErrors.describe(file, e));
        }
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** Scalars as their text, structures as JSON: what the language host passes in PULUMI_CONFIG. */
    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

}
