package stacks.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static stacks.core.EcrLifecycleSemantics.Image;

/** The ECR lifecycle policy judged by ECR's documented semantics: bounded history, never the pinned image. */
class EcrLifecycleTest {

    static final String PINNED_TAG = "git-" + "a".repeat(40);

    static String tag(int i) {
        return "git-" + String.format("%040d", i);
    }

    /** The pinned image pushed first (the oldest), then {@code newer} git-tagged images, one a day. */
    static List<Image> repositoryWithNewerImages(int newer) {
        List<Image> images = new ArrayList<>();
        images.add(new Image("sha256:pinned", List.of(PINNED_TAG), newer + 1));
        for (int i = 0; i < newer; i++) {
            images.add(new Image("sha256:" + i, List.of(tag(i)), newer - i));
        }
        return images;
    }

    @Test
    void thePinnedImageSurvivesAnyNumberOfNewerImages() {
        String policy = CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG);
        for (int newer : List.of(0, 9, 10, 11, 30, 200)) {
            assertThat(EcrLifecycleSemantics.expired(policy, repositoryWithNewerImages(newer)))
                    .as("%d newer images", newer).doesNotContain("sha256:pinned");
        }
    }

    @Test
    void beyondTheKeptCountTheOldestUnpinnedGitImagesExpire() {
        Set<String> expired = EcrLifecycleSemantics.expired(CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG),
                repositoryWithNewerImages(12));
        // 13 git-* images: the pinned one is kept by rule 1, and of the 12 others the 2 oldest exceed the 10 kept
        assertThat(expired).containsExactlyInAnyOrder("sha256:0", "sha256:1");
    }

    /**
     * Between a pin's merge and the next {@code up}, the policy still names the previous pin; the newly pinned image
     * carries its git tag and the {@code pinned-} tag pin-image.yml added, and the release pipeline keeps pushing.
     */
    static List<Image> newlyPinnedThenNewerPushes(int newer, boolean taggedAtPinTime) {
        List<Image> images = repositoryWithNewerImages(newer);
        String tag = "git-" + "b".repeat(40);
        images.add(new Image("sha256:newly-pinned", taggedAtPinTime
                ? List.of(tag, CorePolicies.PIN_TAG_PREFIX + tag) : List.of(tag), newer + 1));
        return images;
    }

    @Test
    void anImagePinnedSinceTheLastUpSurvivesAnyNumberOfNewerImagesOnceTaggedAtPinTime() {
        String policy = CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG);
        for (int newer : List.of(0, 10, 11, 30, 200)) {
            assertThat(EcrLifecycleSemantics.expired(policy, newlyPinnedThenNewerPushes(newer, true)))
                    .as("%d newer images", newer).doesNotContain("sha256:newly-pinned", "sha256:pinned");
        }
    }

    /** The gap the pin-time tag closes: without it, the newly pinned image is one of the git-* images counted. */
    @Test
    void withoutThePinTimeTagAnImagePinnedSinceTheLastUpExpiresBehindNewerPushes() {
        assertThat(EcrLifecycleSemantics.expired(CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG),
                newlyPinnedThenNewerPushes(10, false))).contains("sha256:newly-pinned");
    }

    @Test
    void thePinTimeRuleKeepsTheNewestPinsNotEveryPinEver() {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(new Image("sha256:pin-" + i, List.of(tag(i), CorePolicies.PIN_TAG_PREFIX + tag(i)), 12 - i));
        }
        assertThat(EcrLifecycleSemantics.expired(CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG), images))
                .containsExactlyInAnyOrder("sha256:pin-0", "sha256:pin-1");
    }

    @Test
    void untaggedImagesExpireAfterADayAndFreshOnesStay() {
        List<Image> images = List.of(new Image("sha256:old-untagged", List.of(), 2),
                new Image("sha256:new-untagged", List.of(), 0), new Image("sha256:pinned", List.of(PINNED_TAG), 5));
        assertThat(EcrLifecycleSemantics.expired(CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG), images))
                .containsExactly("sha256:old-untagged");
    }

    /** The same history under a policy without the pinned rule: the evaluator does expire the pinned image. */
    @Test
    void withoutThePinnedRuleThePinnedImageWouldExpire() {
        String unprotected = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"tagged\","
                + "\"tagPrefixList\":[\"git-\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":10},"
                + "\"action\":{\"type\":\"expire\"}}]}";
        assertThat(EcrLifecycleSemantics.expired(unprotected, repositoryWithNewerImages(10)))
                .containsExactly("sha256:pinned");
    }

    /** The documented example A: rule 1 keeps one prod image, rule 2 one beta image; only image A expires. */
    @Test
    void theEvaluatorReproducesTheUserGuidesExampleA() {
        String policy = "{\"rules\":["
                + "{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"prod\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"beta\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}}]}";
        List<Image> images = List.of(new Image("A", List.of("beta-1", "prod-1"), 10),
                new Image("B", List.of("beta-2", "prod-2"), 9), new Image("C", List.of("beta-3"), 8));
        assertThat(EcrLifecycleSemantics.expired(policy, images)).containsExactly("A");
    }

    @Test
    void everyRuleHasAUniquePriorityAndThePinnedRuleComesFirst() {
        String policy = CorePolicies.ecrLifecyclePolicy(10, PINNED_TAG);
        assertThat(policy).contains("\"tagPatternList\":[\"" + PINNED_TAG + "\"]");
        assertThat(policy.indexOf(PINNED_TAG)).isLessThan(policy.indexOf("untagged"));
    }
}
