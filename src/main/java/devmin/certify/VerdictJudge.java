package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.live.CheckStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a found verdict counts for this window: it is a verdict (an object with a boolean {@code overall_pass} and
 * a provenance) of its kind ({@link VerdictShape}), it belongs to this stack and was made for this image, and it
 * passed. A file that is not a verdict of its kind is refused as unverified: what the kind would have proven is unknown.
 */
final class VerdictJudge {

    /** The judgement, in the words of the certificate. */
    record Judgement(CheckStatus status, String message) {
    }

    private VerdictJudge() {
    }

    static Judgement judge(FoundVerdict found, String stack, String imageDigest) {
        String where = found.key() + " (sha256 " + found.sha256() + ")";
        if (found.json().isEmpty() || !found.json().get().path("overall_pass").isBoolean()) {
            return new Judgement(CheckStatus.UNVERIFIED, where + " is not a verdict (no boolean overall_pass)");
        }
        JsonNode verdict = found.json().get();
        if (!found.vouched()) {
            Optional<String> refused = VerdictShape.refusal(found.kind(), verdict);
            if (refused.isPresent()) {
                return new Judgement(CheckStatus.UNVERIFIED, found.kind().name() + " " + where + " refused: it "
                        + refused.get());
            }
        }
        JsonNode provenance = verdict.path("provenance");
        List<String> wrong = new ArrayList<>();
        String ownStack = provenance.path("stack").asText("");
        String ownImage = provenance.path("image_digest").asText("");
        if (!ownStack.equals(stack)) {
            wrong.add("belongs to stack '" + ownStack + "', not " + stack);
        }
        if (!ownImage.equals(imageDigest)) {
            wrong.add("was made for image " + (ownImage.isEmpty() ? "(none named)" : ownImage) + ", not the pinned "
                    + imageDigest);
        }
        if (!verdict.path("overall_pass").asBoolean()) {
            List<String> blockers = new ArrayList<>();
            verdict.path("blockers").forEach(b -> blockers.add(b.asText()));
            wrong.add("failed" + (blockers.isEmpty() ? "" : ": " + String.join("; ", blockers.subList(0,
                    Math.min(3, blockers.size()))) + (blockers.size() > 3 ? "; …" : "")));
        }
        if (!wrong.isEmpty()) {
            return new Judgement(CheckStatus.BLOCKER, found.kind().name() + " " + where + " " + String.join(", ", wrong));
        }
        return new Judgement(CheckStatus.PASS, found.kind().name() + " passed: " + where);
    }
}
