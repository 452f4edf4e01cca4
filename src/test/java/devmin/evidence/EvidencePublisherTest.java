package devmin.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Evidence is append-only, locally and in the bucket. */
class EvidencePublisherTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyObjectIsWrittenWithIfNoneMatchStar() throws Exception {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class)))
                .thenReturn(PutObjectResponse.builder().eTag("\"etag\"").build());

        new EvidencePublisher(s3, "bucket").publish("evidence/k.json", "{}", "application/json");

        ArgumentCaptor<Consumer<PutObjectRequest.Builder>> request = ArgumentCaptor.forClass(Consumer.class);
        verify(s3).putObject(request.capture(), any(RequestBody.class));
        PutObjectRequest.Builder builder = PutObjectRequest.builder();
        request.getValue().accept(builder);
        PutObjectRequest put = builder.build();
        assertThat(put.ifNoneMatch()).isEqualTo("*");
        assertThat(put.bucket()).isEqualTo("bucket");
        assertThat(put.key()).isEqualTo("evidence/k.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExistingKeyIsAnErrorNeverAnOverwrite() {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class)))
                .thenThrow(AwsServiceException.builder().statusCode(412).message("PreconditionFailed").build());

        assertThatThrownBy(() -> new EvidencePublisher(s3, "bucket").publish("evidence/k.json", "{}", "application/json"))
                .isInstanceOf(EvidencePublisher.EvidenceExistsException.class).hasMessageContaining("never overwritten");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnswerWithoutAnETagIsNotAPublication() {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class))).thenReturn(PutObjectResponse.builder().build());

        assertThatThrownBy(() -> new EvidencePublisher(s3, "bucket").publish("evidence/k.json", "{}", "application/json"))
                .isInstanceOf(EvidencePublisher.NotPublishedException.class).hasMessageContaining("s3://bucket/evidence/k.json")
                .hasMessageContaining("ETag");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConflictIsAnExistingKeyToo() {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class)))
                .thenThrow(AwsServiceException.builder().statusCode(409).message("ConditionalRequestConflict").build());

        assertThatThrownBy(() -> new EvidencePublisher(s3, "bucket").publish("evidence/k.json", "{}", "application/json"))
                .isInstanceOf(EvidencePublisher.EvidenceExistsException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyOtherS3ErrorIsPassedOn() {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class)))
                .thenThrow(AwsServiceException.builder().statusCode(403).message("AccessDenied").build());

        assertThatThrownBy(() -> new EvidencePublisher(s3, "bucket").publish("evidence/k.json", "{}", "application/json"))
                .isInstanceOf(AwsServiceException.class);
    }

    @Test
    void localEvidenceNeverReusesAFolderOrOverwritesAFile(@TempDir Path root) throws Exception {
        Instant at = Instant.parse("2026-11-22T05:00:00Z");
        EvidenceDirectory first = EvidenceDirectory.create(root, "dev_min", "teardown", at);
        EvidenceDirectory second = EvidenceDirectory.create(root, "dev_min", "teardown", at);
        assertThat(first.write("proof.json", "{}")).isEqualTo(first.path().resolve("proof.json")).hasContent("{}");

        assertThat(first.key()).isEqualTo("dev_min/teardown/20261122T050000Z");
        assertThat(second.key()).isEqualTo("dev_min/teardown/20261122T050000Z-1");
        assertThatThrownBy(() -> first.write("proof.json", "{\"changed\":true}"))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void publishedKeysFollowTheEvidenceLayout() {
        assertThat(EvidencePublisher.key("dev_min", "dev-min", "teardown", "20261122T050000Z", "teardown_proof.json"))
                .isEqualTo("evidence/dev_min/dev-min/teardown/20261122T050000Z/teardown_proof.json");
    }
}
