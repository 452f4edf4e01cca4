package stacks.demo;

import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.inputs.GetImagePlainArgs;
import com.pulumi.aws.ecr.outputs.GetImageResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ProviderResource;
import stacks.spec.ImageSpec;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A window opens only on an image that is there. Before anything else of the stack is declared to the engine,
 * {@code pulumi up} asks ECR for the pinned digest and checks it carries the pinned tag; if it does not, the update
 * stops at once with one named blocker, having created nothing, instead of creating core and confluent resources and
 * then services that would wait twenty minutes each on an image they cannot pull. Previews skip the check (a first
 * preview runs before the repository exists); {@code devmin preflight} makes the same check before a window opens
 * from CI.
 */
final class PinnedImageGate {

    static final String BLOCKER = "DEMO-IMAGE-MISSING";

    private PinnedImageGate() {
    }

    /**
     * Resolves to the image once it is verified; fails the run when it is not there. The lookup is an invoke, whose
     * answer the program continues from without blocking a thread ({@code Output.applyValue}); the failure is one
     * {@link RunException}, which the SDK's runner reports once, without a stack trace.
     */
    static Output<ImageSpec> verify(ImageSpec image, ProviderResource provider) {
        if (Deployment.getInstance().isDryRun()) {
            return Output.of(image);
        }
        CompletableFuture<GetImageResult> lookup = EcrFunctions.getImagePlain(GetImagePlainArgs.builder()
                .repositoryName(image.repository())
                .imageDigest(image.digest())
                .build(), new InvokeOptions(null, provider, null));
        return Output.of(lookup.handle((found, error) -> judge(image, found == null ? null : found.imageTags(),
                error)));
    }

    /**
     * The gate's decision on ECR's answer: the image when the digest was found and carries the pinned tag; otherwise
     * one {@link RunException} naming the image and what ECR said.
     *
     * @param tags  the tags of the image ECR found (null: none), when it answered
     * @param error why the lookup failed, or null when ECR answered
     */
    static ImageSpec judge(ImageSpec image, List<String> tags, Throwable error) {
        if (error != null) {
            throw new RunException(missing(image, "ECR answered: " + rootMessage(error)));
        }
        List<String> carried = tags == null ? List.of() : tags;
        if (!carried.contains(image.tag())) {
            throw new RunException(missing(image, "the digest exists but carries the tags " + carried + ", not "
                    + image.tag()));
        }
        return image;
    }

    static String missing(ImageSpec image, String detail) {
        return BLOCKER + ": the demo window cannot open: the pinned image " + image.repository() + ":" + image.tag()
                + "@" + image.digest() + " is not in the ECR repository (" + detail + "). Push and pin the image"
                + " first (README, 'Deploying for real'), or keep the window closed (devmin:demoWindow: closed).";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
