package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stacks.core.CorePolicies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pin-image.yml protects the image when it pins it: its protection step, run with bash against an {@code aws} stub
 * that records its arguments and answers as the AWS CLI prints ECR's answers (ECR API Reference: DescribeImages
 * {@code imageDetails[].imageTags}; BatchGetImage {@code images[].imageManifest}, {@code imageManifestMediaType} and
 * {@code failures[]} for an image it cannot return; ECR User Guide, "Retagging an image": PutImage with the manifest
 * under a new tag). The tag it adds is the prefix the lifecycle policy keeps, and the step runs before the pull request
 * is opened, so no pin is ever proposed for an image that is not protected.
 */
class PinProtectionStepTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String TAG = "git-" + "c".repeat(40);
    static final String DIGEST = "sha256:" + "d".repeat(64);
    /** A manifest whose bytes end in a newline: the digest covers every byte, so the copy must keep it. */
    static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}\n";
    static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

    @TempDir
    Path dir;
    Path answers;

    record Run(int exit, String output, List<String> calls) {
    }

    static List<JsonNode> steps() throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        YAML.readTree(WorkflowJobs.WORKFLOWS.resolve("pin-image.yml").toFile()).path("jobs").path("pin").path("steps")
                .forEach(steps::add);
        return steps;
    }

    static int indexOf(List<JsonNode> steps, String namePrefix) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("name").asText().startsWith(namePrefix)) {
                return i;
            }
        }
        throw new AssertionError("no step named " + namePrefix + "…");
    }

    @BeforeEach
    void stub() throws IOException {
        answers = Files.createDirectories(dir.resolve("answers"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                printf '%s\\n' "$*" >> "$ANSWERS/calls.log"
                case "$2" in
                  describe-images) cat "$ANSWERS/describe-images.json" ;;
                  batch-get-image) cat "$ANSWERS/batch-get-image.json" ;;
                  put-image)
                    for arg in "$@"; do
                      case "$arg" in file://*) cp "${arg#file://}" "$ANSWERS/put-manifest" ;; esac
                    done
                    echo '{}' ;;
                  *) echo "unexpected: $*" >&2; exit 254 ;;
                esac
                """);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Run protect(String describedTags, String batchGetImage) throws Exception {
        Files.writeString(answers.resolve("describe-images.json"), describedTags);
        Files.writeString(answers.resolve("batch-get-image.json"), batchGetImage);
        List<JsonNode> steps = steps();
        String script = steps.get(indexOf(steps, "Protect the image")).path("run").asText();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("ANSWERS", answers.toString());
        builder.environment().put("RUNNER_TEMP", Files.createDirectories(dir.resolve("tmp")).toString());
        builder.environment().put("TAG", TAG);
        builder.environment().put("DIGEST", DIGEST);
        builder.environment().put("REPOSITORY", "fraud-platform");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Path log = answers.resolve("calls.log");
        return new Run(process.exitValue(), output, Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    static String batchGetImage() throws IOException {
        var json = new ObjectMapper();
        var root = json.createObjectNode();
        var image = root.putArray("images").addObject();
        image.putObject("imageId").put("imageDigest", DIGEST);
        image.put("imageManifest", MANIFEST);
        image.put("imageManifestMediaType", MEDIA_TYPE);
        root.putArray("failures");
        return json.writeValueAsString(root);
    }

    @Test
    void anUnprotectedImageIsTaggedWithTheLifecyclesPinPrefixUnderItsOwnDigestAndExactManifest() throws Exception {
        Run run = protect("[\"" + TAG + "\"]", batchGetImage());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls()).hasSize(3);
        assertThat(run.calls().get(2)).startsWith("ecr put-image --repository-name fraud-platform")
                .contains("--image-tag " + CorePolicies.PIN_TAG_PREFIX + TAG)
                .contains("--image-digest " + DIGEST).contains("--image-manifest-media-type " + MEDIA_TYPE);
        assertThat(Files.readString(answers.resolve("put-manifest"))).isEqualTo(MANIFEST);
    }

    @Test
    void anImageAlreadyProtectedIsLeftAsItIs() throws Exception {
        Run run = protect("[\"" + TAG + "\",\"" + CorePolicies.PIN_TAG_PREFIX + TAG + "\"]", batchGetImage());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls()).hasSize(1).allSatisfy(call -> assertThat(call).startsWith("ecr describe-images"));
    }

    @Test
    void anImageEcrCannotReturnFailsTheStepAndNothingIsWritten() throws Exception {
        String failure = "{\"images\":[],\"failures\":[{\"imageId\":{\"imageDigest\":\"" + DIGEST + "\"},"
                + "\"failureCode\":\"ImageNotFound\",\"failureReason\":\"Requested image not found\"}]}";

        Run run = protect("[\"" + TAG + "\"]", failure);

        assertThat(run.exit()).isNotZero();
        assertThat(run.calls()).noneSatisfy(call -> assertThat(call).startsWith("ecr put-image"));
    }

    @Test
    void theImageIsProtectedBeforeThePullRequestThatPinsItIsOpened() throws IOException {
        List<JsonNode> steps = steps();

        assertThat(indexOf(steps, "Protect the image")).isGreaterThan(indexOf(steps, "Resolve the tag's digest"))
                .isLessThan(indexOf(steps, "Open the pull request"));
        assertThat(steps.get(indexOf(steps, "Protect the image")).has("if")).as("never skipped").isFalse();
    }
}
