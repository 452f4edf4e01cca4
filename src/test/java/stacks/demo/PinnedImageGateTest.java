package stacks.demo;

import com.pulumi.exceptions.RunException;
import org.junit.jupiter.api.Test;
import stacks.spec.ImageSpec;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The window's first decision, on ECR's answer to the pinned digest: open only on the image that carries the pinned
 * tag. The invoke itself is the engine's (OpeningTheWindowTest runs it through a whole program); this is the verdict.
 */
class PinnedImageGateTest {

    static final ImageSpec IMAGE = new ImageSpec("fraud-platform", "git-83bef44f",
            "sha256:61e4e06b9f084d0b9f7ebcce3b18691d8850def618219668af6e8eb9a1a674e3");

    @Test
    void theDigestCarryingThePinnedTagOpensTheWindowOnThatImage() {
        assertThat(PinnedImageGate.judge(IMAGE, List.of("latest", IMAGE.tag()), null)).isSameAs(IMAGE);
    }

    @Test
    void theDigestUnderOtherTagsIsTheNamedBlockerListingWhatItCarries() {
        assertThatThrownBy(() -> PinnedImageGate.judge(IMAGE, List.of("git-0000000", "latest"), null))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith(PinnedImageGate.BLOCKER + ": the demo window cannot open")
                .hasMessageContaining("fraud-platform:git-83bef44f@" + IMAGE.digest())
                .hasMessageContaining("carries the tags [git-0000000, latest], not git-83bef44f");
    }

    @Test
    void anUntaggedDigestIsTheBlockerToo() {
        assertThatThrownBy(() -> PinnedImageGate.judge(IMAGE, null, null))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("carries the tags [], not git-83bef44f");
        assertThatThrownBy(() -> PinnedImageGate.judge(IMAGE, List.of(), null))
                .hasMessageContaining("carries the tags [], not git-83bef44f");
    }

    /** A tag that merely contains the pinned one (a longer commit id) is another image. */
    @Test
    void aTagIsMatchedWholeNotByPrefix() {
        assertThatThrownBy(() -> PinnedImageGate.judge(IMAGE, List.of(IMAGE.tag() + "7b8eb1"), null))
                .isInstanceOf(RunException.class);
    }

    /** The SDK wraps ECR's refusal in completion and engine exceptions; the blocker quotes ECR's own words. */
    @Test
    void aFailedLookupIsTheBlockerQuotingTheInnermostCause() {
        Throwable ecr = new IllegalStateException("ImageNotFoundException: The image with imageId {imageDigest:'"
                + IMAGE.digest() + "'} does not exist within the repository");
        Throwable wrapped = new CompletionException(new RuntimeException("invoke failed", ecr));

        assertThatThrownBy(() -> PinnedImageGate.judge(IMAGE, List.of(IMAGE.tag()), wrapped))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith(PinnedImageGate.BLOCKER)
                .hasMessageContaining("(ECR answered: ImageNotFoundException: The image with imageId")
                .hasMessageNotContaining("invoke failed");
    }

    @Test
    void theBlockerSaysHowToGetOut() {
        String message = PinnedImageGate.missing(IMAGE, "why");

        assertThat(message).contains("(why)").contains("Push and pin the image first")
                .contains("devmin:demoWindow: closed");
    }
}
