package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every container runs an image pinned by digest: if you can't name what ran, you can't claim a green run. */
public final class ImagesPinnedByDigest extends AbstractRule implements ResourceRule {

    private static final Pattern PINNED = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    public ImagesPinnedByDigest() {
        super("DM-SUPPLY-001", "images-pinned-by-digest", Severity.HIGH,
                "Every container image is referenced as repository@sha256:<64 hex>.",
                "Pin devmin:image.digest (the pin-image workflow resolves it from the tag).");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!TaskDefinitions.is(r)) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (JsonNode container : TaskDefinitions.of(r).containers()) {
            String image = Values.field(container, "image").map(JsonNode::asText).orElse("");
            if (!PINNED.matcher(image).matches()) {
                out.add(new Violation(r.urn(), "task definition '" + r.name() + "' container '"
                        + TaskDefinitions.containerName(container) + "' runs image '" + image
                        + "', not pinned by digest"));
            }
        }
        return out;
    }
}
