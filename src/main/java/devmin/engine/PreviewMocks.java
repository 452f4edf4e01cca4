package devmin.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the cloud providers. In preview, as in {@code pulumi preview} of a new stack, a resource's state is
 * its inputs and everything computed (ids, ARNs) is unknown; in update mode ids and ARNs get deterministic fakes.
 * Its image registry holds exactly the images it was given (for the program's pinned-image check, which only runs in
 * update mode): asking for any other digest fails as ECR does.
 */
public class PreviewMocks implements Mocks {

    static final String GET_IMAGE = "aws:ecr/getImage:getImage";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An image the stand-in registry holds. */
    public record Image(String repository, String digest, List<String> tags) {
    }

    private final boolean preview;
    private final List<Image> registry;

    public PreviewMocks(boolean preview) {
        this(preview, List.of());
    }

    public PreviewMocks(boolean preview, List<Image> registry) {
        this.preview = preview;
        this.registry = List.copyOf(registry);
    }

    /** Mocks whose registry holds the image the config pins ({@code devmin:image}), if it names one. */
    public static PreviewMocks holdingThePinnedImage(boolean preview, StackConfig config) {
        return new PreviewMocks(preview, pinnedImage(config).map(List::of).orElse(List.of()));
    }

    public static Optional<Image> pinnedImage(StackConfig config) {
        String image = config.values().get("devmin:image");
        if (image == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(image);
            return Optional.of(new Image(node.path("repository").asText(), node.path("digest").asText(),
                    List.of(node.path("tag").asText())));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        if (preview) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        String id = args.name + "-id";
        state.putIfAbsent("arn", "arn:aws:mock:::" + args.type + "/" + args.name);
        computedOutputs(args.type, args.name).forEach(state::putIfAbsent);
        if (args.type.equals("aws:ssm/parameter:Parameter")) {
            state.put("version", parameterVersion(args.inputs.get("value")));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /**
     * SSM numbers every write of a parameter; a stand-in that answers the same number for the same value and a different
     * one for a different value is what lets a test see which writes a lane's task definition follows.
     */
    static int parameterVersion(Object value) {
        return Math.floorMod(String.valueOf(value).hashCode(), 1_000_000) + 1;
    }

    /** The outputs the program reads that a provider computes, shaped as the Confluent provider returns them. */
    public static Map<String, Object> computedOutputs(String type, String name) {
        return switch (type) {
            case "confluentcloud:index/kafkaCluster:KafkaCluster" -> Map.of(
                    "bootstrapEndpoint", "SASL_SSL://pkc-mock.eu-west-2.aws.confluent.cloud:9092",
                    "restEndpoint", "https://pkc-mock.eu-west-2.aws.confluent.cloud:443",
                    "rbacCrn", "crn://confluent.cloud/organization=mock/environment=env-mock/cloud-cluster=lkc-mock",
                    "apiVersion", "cmk/v2", "kind", "Cluster");
            case "confluentcloud:index/serviceAccount:ServiceAccount" -> Map.of("apiVersion", "iam/v2",
                    "kind", "ServiceAccount");
            case "confluentcloud:index/apiKey:ApiKey" -> Map.of("secret", "mock-secret-of-" + name);
            default -> Map.of();
        };
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (!args.token.equals(GET_IMAGE)) {
            return CompletableFuture.completedFuture(Map.of());
        }
        Object repository = args.args.get("repositoryName");
        Object digest = args.args.get("imageDigest");
        return registry.stream().filter(i -> i.repository().equals(repository) && i.digest().equals(digest))
                .findFirst()
                .map(i -> CompletableFuture.completedFuture(Map.<String, Object>of("repositoryName", i.repository(),
                        "imageDigest", i.digest(), "imageTags", i.tags())))
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(
                        "ImageNotFoundException: The image with imageId {imageDigest:'" + digest
                                + "'} does not exist within the repository with name '" + repository + "'")));
    }
}
