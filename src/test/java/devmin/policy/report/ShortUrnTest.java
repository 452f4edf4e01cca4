package devmin.policy.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Markdown report shows of a URN: its last type and its name, which is what a reader scans for. */
class ShortUrnTest {

    @Test
    void aNestedResourceShowsItsOwnTypeAndName() {
        assertThat(PolicyReportMarkdown.shortUrn(
                "urn:pulumi:dev-min::devmin::devmin:stacks:CoreStack$aws:s3/bucketV2:BucketV2::logs"))
                .isEqualTo("aws:s3/bucketV2:BucketV2::logs");
    }

    @Test
    void aTopLevelResourceShowsEverythingAfterTheProject() {
        assertThat(PolicyReportMarkdown.shortUrn("urn:pulumi:dev-min::devmin::aws:s3/bucketV2:BucketV2::logs"))
                .isEqualTo("aws:s3/bucketV2:BucketV2::logs");
        assertThat(PolicyReportMarkdown.shortUrn("::devmin::aws:s3/bucketV2:BucketV2::logs"))
                .as("an empty stack part").isEqualTo("aws:s3/bucketV2:BucketV2::logs");
    }

    @Test
    void somethingThatIsNotAUrnIsShownWhole() {
        assertThat(PolicyReportMarkdown.shortUrn("stack-wide")).isEqualTo("stack-wide");
        assertThat(PolicyReportMarkdown.shortUrn("one::part")).isEqualTo("one::part");
    }
}
