package stacks.handles;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandleRegistryTest {

    @Test
    void aPublishedHandleIsFoundByName() {
        HandleRegistry registry = new HandleRegistry();
        Output<String> value = Output.of("bucket");
        registry.publish(HandleName.S3_EVIDENCE_BUCKET, "CoreStack", value);

        assertThat(registry.require(HandleName.S3_EVIDENCE_BUCKET, "DemoStack")).isSameAs(value);
        assertThat(registry.publishers()).containsEntry(HandleName.S3_EVIDENCE_BUCKET, "CoreStack");
    }

    @Test
    void askingForAHandleNobodyMaterializedFailsClosedNamingHandleAndAsker() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.S3_EVIDENCE_BUCKET, "CoreStack", "bucket");

        assertThatThrownBy(() -> registry.require(HandleName.ROLE_ECS_TASK_EXECUTION, "verify-iam"))
                .isInstanceOf(MissingHandleException.class)
                .hasMessageContaining("ROLE_ECS_TASK_EXECUTION")
                .hasMessageContaining("verify-iam")
                .hasMessageContaining("S3_EVIDENCE_BUCKET");
    }

    @Test
    void aHandleCannotBePublishedTwice() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.ECR_REPOSITORY_URI, "CoreStack", "a");

        assertThatThrownBy(() -> registry.publish(HandleName.ECR_REPOSITORY_URI, "DemoStack", "b"))
                .hasMessageContaining("published twice").hasMessageContaining("CoreStack").hasMessageContaining("DemoStack");
    }

    @Test
    void laneAndTopicHandleNamesAreStableTokens() {
        assertThat(HandleName.laneRole("case-trigger")).isEqualTo("ROLE_LANE_CASE_TRIGGER");
        assertThat(HandleName.kafkaTopic("ingress.traffic.v1")).isEqualTo("KAFKA_TOPIC_INGRESS_TRAFFIC_V1");
    }

    @Test
    void databaseHandlesExistOnlyWithTheDatabase() {
        assertThat(SsmHandles.paths("dev_min", false)).doesNotContainKey(HandleName.SSM_DB_PASSWORD_PATH)
                .containsEntry(HandleName.SSM_CONFLUENT_API_SECRET_PATH, "/devmin/dev_min/confluent/api_secret");
        assertThat(SsmHandles.paths("dev_min", true)).containsEntry(HandleName.SSM_DB_PASSWORD_PATH,
                "/devmin/dev_min/db/password");
    }
}
