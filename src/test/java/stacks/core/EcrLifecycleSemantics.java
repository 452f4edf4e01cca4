package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an ECR lifecycle policy expires, following the rules the ECR User Guide documents ("How lifecycle policies
 * work", "Lifecycle policy properties", "Examples of lifecycle policies", example A), written here to judge devmin's
 * policy JSON:
 * <ul>
 *   <li>rules are applied from the lowest {@code rulePriority};</li>
 *   <li>{@code tagged} selects images that have a tag matching each listed prefix or pattern ({@code *} matches any
 *   run of characters); {@code untagged} selects images without tags; {@code any} selects all;</li>
 *   <li>{@code imageCountMoreThan N} marks the oldest selected images (by push time) beyond the newest N;
 *   {@code sinceImagePushed N days} marks selected images pushed more than N days before now;</li>
 *   <li>an image that matches the tagging requirements of a rule cannot be expired by a rule with a lower
 *   priority.</li>
 * </ul>
 */
final class EcrLifecycleSemantics {

    /** One image in the repository: its digest, its tags and when it was pushed (days before now). */
    record Image(String digest, List<String> tags, int pushedDaysAgo) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EcrLifecycleSemantics() {
    }

    /** The digests the policy expires from the repository. */
    static Set<String> expired(String policyJson, List<Image> repository) {
        List<JsonNode> rules = new ArrayList<>();
        parse(policyJson).path("rules").forEach(rules::add);
        rules.sort(Comparator.comparingInt(r -> r.path("rulePriority").asInt()));
        Set<String> claimed = new HashSet<>();
        Set<String> expired = new HashSet<>();
        for (JsonNode rule : rules) {
            JsonNode selection = rule.path("selection");
            List<Image> selected = repository.stream().filter(i -> selects(selection, i)).toList();
            for (Image image : marked(selection, selected)) {
                if (!claimed.contains(image.digest())) {
                    expired.add(image.digest());
                }
            }
            selected.forEach(i -> claimed.add(i.digest()));
        }
        return expired;
    }

    private static List<Image> marked(JsonNode selection, List<Image> selected) {
        int count = selection.path("countNumber").asInt();
        return switch (selection.path("countType").asText()) {
            case "imageCountMoreThan" -> selected.stream()
                    .sorted(Comparator.comparingInt(Image::pushedDaysAgo)).skip(count).toList();
            case "sinceImagePushed" -> selected.stream().filter(i -> i.pushedDaysAgo() > count).toList();
            default -> throw new IllegalArgumentException("countType " + selection.path("countType"));
        };
    }

    private static boolean selects(JsonNode selection, Image image) {
        return switch (selection.path("tagStatus").asText()) {
            case "untagged" -> image.tags().isEmpty();
            case "any" -> true;
            case "tagged" -> !image.tags().isEmpty() && matchesEvery(selection, image.tags());
            default -> throw new IllegalArgumentException("tagStatus " + selection.path("tagStatus"));
        };
    }

    private static boolean matchesEvery(JsonNode selection, List<String> tags) {
        List<Pattern> required = new ArrayList<>();
        selection.path("tagPrefixList").forEach(p -> required.add(Pattern.compile(Pattern.quote(p.asText()) + ".*")));
        selection.path("tagPatternList").forEach(p -> required.add(Pattern.compile(
                ("\\Q" + p.asText() + "\\E").replace("*", "\\E.*\\Q"))));
        return required.stream().allMatch(pattern -> tags.stream().anyMatch(t -> pattern.matcher(t).matches()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
