package stacks.handles;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import devmin.testing.StandInResource;
import com.pulumi.resources.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandleRegistryTest {

    static Resource resource() {
        return StandInResource.any();
    }

    @Test
    void aPublishedHandleCarriesItsValueAndTheResourcesBehindIt() {
        HandleRegistry registry = new HandleRegistry();
        Output<String> value = Output.of("bucket");
        Resource bucket = resource();
        Resource policy = resource();
        registry.publish(HandleName.S3_EVIDENCE_BUCKET, "CoreStack", value, bucket, policy);

        Handle handle = registry.require(HandleName.S3_EVIDENCE_BUCKET, "DemoStack");
        assertThat(handle.value()).isSameAs(value);
        assertThat(handle.resources()).containsExactly(bucket, policy);
        assertThat(handle.publisher()).isEqualTo("CoreStack");
        assertThat(registry.publishers()).containsEntry(HandleName.S3_EVIDENCE_BUCKET, "CoreStack");
    }

    @Test
    void askingForAHandleNobodyPublishedFailsClosedNamingHandleAndAsker() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.S3_EVIDENCE_BUCKET, "CoreStack", "bucket", resource());

        assertThatThrownBy(() -> registry.require(HandleName.ROLE_ECS_TASK_EXECUTION, "verify-iam"))
                .isInstanceOf(MissingHandleException.class)
                .hasMessageContaining("ROLE_ECS_TASK_EXECUTION")
                .hasMessageContaining("verify-iam")
                .hasMessageContaining("S3_EVIDENCE_BUCKET");
    }

    @Test
    void aDeclaredNameIsUnusableUntilAnotherPartMaterializesIt() {
        HandleRegistry registry = new HandleRegistry();
        registry.declare(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "CoreStack", "/devmin/dev_min/confluent/bootstrap");

        assertThat(registry.has(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH)).isFalse();
        assertThatThrownBy(() -> registry.require(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "DemoStack/sr"))
                .isInstanceOf(MissingHandleException.class)
                .hasMessageContaining("declared by CoreStack but never materialized")
                .hasMessageContaining("DemoStack/sr");

        Resource parameter = resource();
        registry.materialize(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "ConfluentStack", parameter);
        assertThat(registry.require(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "DemoStack/sr").resources())
                .containsExactly(parameter);
    }

    @Test
    void materializingAnUnknownNameFailsNamingTheMaterializer() {
        HandleRegistry registry = new HandleRegistry();
        assertThatThrownBy(() -> registry.materialize("SSM_NOPE_PATH", "ConfluentStack", resource()))
                .isInstanceOf(MissingHandleException.class).hasMessageContaining("SSM_NOPE_PATH")
                .hasMessageContaining("ConfluentStack");
    }

    @Test
    void aHandleNeedsAResourceBehindIt() {
        HandleRegistry registry = new HandleRegistry();
        assertThatThrownBy(() -> registry.publish(HandleName.ECS_CLUSTER_ARN, "DemoStack", Output.of("arn"),
                List.of())).hasMessageContaining("ECS_CLUSTER_ARN").hasMessageContaining("no resource");
    }

    @Test
    void aHandleCannotBePublishedTwice() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.ECR_REPOSITORY_URI, "CoreStack", "a", resource());

        assertThatThrownBy(() -> registry.publish(HandleName.ECR_REPOSITORY_URI, "DemoStack", "b", resource()))
                .hasMessageContaining("published twice").hasMessageContaining("CoreStack").hasMessageContaining("DemoStack");
    }

    @Test
    void laneAndTopicHandleNamesAreStableTokens() {
        assertThat(HandleName.laneRole("case-trigger")).isEqualTo("ROLE_LANE_CASE_TRIGGER");
        assertThat(HandleName.kafkaTopic("ingress.traffic.v1")).isEqualTo("KAFKA_TOPIC_INGRESS_TRAFFIC_V1");
        assertThat(HandleName.logGroup("archive-writer")).isEqualTo("LOG_GROUP_ARCHIVE_WRITER");
        assertThat(HandleName.taskDefinition("seed-pack")).isEqualTo("TASK_DEFINITION_SEED_PACK");
    }

    @Test
    void kafkaCredentialsAreEachPrincipalsOwnTheRestShared() {
        assertThat(SsmHandles.pathFor("dev_min", false, "ig", HandleName.SSM_CONFLUENT_API_KEY_PATH))
                .isEqualTo("/devmin/dev_min/confluent/lanes/ig/api_key");
        assertThat(SsmHandles.pathFor("dev_min", false, "ig", HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH))
                .isEqualTo("/devmin/dev_min/confluent/bootstrap");
        assertThat(SsmHandles.credentialPaths("dev_min", SsmHandles.PREFLIGHT))
                .containsEntry(HandleName.SSM_CONFLUENT_API_SECRET_PATH, "/devmin/dev_min/confluent/preflight/api_secret");
        assertThat(SsmHandles.registryName("ig", HandleName.SSM_CONFLUENT_API_KEY_PATH))
                .isEqualTo("SSM_CONFLUENT_API_KEY_PATH@ig");
        assertThat(SsmHandles.registryName("ig", HandleName.SSM_IG_API_KEY_PATH)).isEqualTo("SSM_IG_API_KEY_PATH");
    }

    @Test
    void databaseHandlesExistOnlyWithTheDatabase() {
        assertThat(SsmHandles.paths("dev_min", false)).doesNotContainKey(HandleName.SSM_DB_PASSWORD_PATH)
                .doesNotContainKey(HandleName.SSM_CONFLUENT_API_SECRET_PATH);
        assertThat(SsmHandles.paths("dev_min", true)).containsEntry(HandleName.SSM_DB_PASSWORD_PATH,
                "/devmin/dev_min/db/password");
    }

    static <T> T valueOf(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }

    @Test
    void publishingHandsBackTheHandleItPublished() {
        HandleRegistry registry = new HandleRegistry();
        Resource cluster = resource();
        Resource capacity = resource();

        Handle byVarargs = registry.publish(HandleName.ECS_CLUSTER_ARN, "DemoStack", "arn:cluster", cluster, capacity);
        Handle byList = registry.publish(HandleName.ECS_SUBNET_IDS, "DemoStack", Output.of("subnet-1,subnet-2"),
                List.of(cluster));

        assertThat(byVarargs.name()).isEqualTo(HandleName.ECS_CLUSTER_ARN);
        assertThat(byVarargs.resources()).containsExactly(cluster, capacity);
        assertThat(valueOf(byVarargs.value())).isEqualTo("arn:cluster");
        assertThat(byList.publisher()).isEqualTo("DemoStack");
        assertThat(valueOf(byList.value())).isEqualTo("subnet-1,subnet-2");
    }

    @Test
    void hasMeansPublishedWithAResourceBehindIt() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.ECR_REPOSITORY_URI, "CoreStack", "uri", resource());
        registry.declare(HandleName.SSM_IG_API_KEY_PATH, "CoreStack", "/devmin/dev_min/ig/api_key");

        assertThat(registry.has(HandleName.ECR_REPOSITORY_URI)).isTrue();
        assertThat(registry.has(HandleName.SSM_IG_API_KEY_PATH)).isFalse();
        assertThat(registry.has(HandleName.BUDGET_NAME)).isFalse();
    }

    @Test
    void aRevisionTravelsWithTheHandleAndOnlyAKnownHandleCanBeRevised() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.SSM_IG_API_KEY_PATH, "CoreStack", "/devmin/dev_min/ig/api_key", resource());
        assertThat(registry.require(HandleName.SSM_IG_API_KEY_PATH, "DemoStack/ig").revision()).isEmpty();

        registry.revise(HandleName.SSM_IG_API_KEY_PATH, Output.of("3"));

        assertThat(registry.require(HandleName.SSM_IG_API_KEY_PATH, "DemoStack/ig").revision()).get()
                .satisfies(revision -> assertThat(valueOf(revision)).isEqualTo("3"));
        assertThatThrownBy(() -> registry.revise(HandleName.SSM_DB_USER_PATH, Output.of("1")))
                .isInstanceOf(MissingHandleException.class).hasMessageContaining("SSM_DB_USER_PATH")
                .hasMessageContaining("a revision");
    }

    @Test
    void aNamedValueNeedsOnlyTheNameNotTheResource() {
        HandleRegistry registry = new HandleRegistry();
        registry.declare(HandleName.BUDGET_NAME, "CoreStack", "devmin-dev_min-monthly");

        assertThat(valueOf(registry.valueOf(HandleName.BUDGET_NAME, "budget-posture"))).isEqualTo("devmin-dev_min-monthly");
        assertThatThrownBy(() -> registry.valueOf(HandleName.ROLE_GHA_WINDOW, "certify"))
                .isInstanceOfSatisfying(MissingHandleException.class, missing -> {
                    assertThat(missing.handle()).isEqualTo(HandleName.ROLE_GHA_WINDOW);
                    assertThat(missing.asker()).isEqualTo("certify");
                });
    }

    @Test
    void theResolvedOutputHoldsEveryHandleInPublicationOrder() {
        HandleRegistry registry = new HandleRegistry();
        registry.publish(HandleName.S3_EVIDENCE_BUCKET, "CoreStack", "bucket", resource());
        registry.declare(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "CoreStack", "/devmin/dev_min/confluent/bootstrap");

        Map<String, Output<String>> resolved = valueOf(registry.resolved());

        assertThat(resolved).containsOnlyKeys(HandleName.S3_EVIDENCE_BUCKET, HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH);
        assertThat(List.copyOf(resolved.keySet())).containsExactly(HandleName.S3_EVIDENCE_BUCKET,
                HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH);
        assertThat(valueOf(resolved.get(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH)))
                .isEqualTo("/devmin/dev_min/confluent/bootstrap");
        assertThat(registry.publishers()).containsExactly(Map.entry(HandleName.S3_EVIDENCE_BUCKET, "CoreStack"),
                Map.entry(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "CoreStack"));
    }
}
