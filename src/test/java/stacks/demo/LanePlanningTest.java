package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import stacks.handles.HandleName;
import stacks.core.LanePermissions;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneKind;
import stacks.spec.LaneSpec;
import stacks.spec.S3Grant;
import stacks.spec.SpecParser;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane permissions the demo layer attaches ({@link LanePermissions}, declared by core): what each lane's task role
 * and the execution role may do. Subnets, containers and handle resolution have their own tests (SubnetPlanTest,
 * LaneContainerTest, DemoPlanTest).
 */
class LanePlanningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvironmentSpec SPEC = SpecParser.parse(ConfigSource.of(committedConfig().values()),
            "devmin", "dev-min");

    private static LaneSpec lane(String name, List<String> reads, List<S3Grant> grants) {
        return new LaneSpec(name, LaneKind.SERVICE, List.of("run"), 256, 512, 1, reads, List.of(), List.of(), 0,
                true, grants, true);
    }


    @Test
    void aLaneReadsExactlyTheArnsOfItsHandles() throws Exception {
        LaneSpec ig = lane("ig", List.of(HandleName.SSM_IG_API_KEY_PATH), List.of());
        JsonNode doc = JSON.readTree(LanePermissions.taskRolePolicy(SPEC, ig, "arn:aws:s3:::b").toJson());

        assertThat(doc.get("Statement")).hasSize(1);
        assertThat(doc.at("/Statement/0/Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/dev_min/ig/api_key");
    }

    @Test
    void aLaneWithNoReadsAndNoGrantsGetsNoPermission() {
        assertThat(LanePermissions.taskRolePolicy(SPEC, lane("idle", List.of(), List.of()), "arn:aws:s3:::b")
                .statements()).isEmpty();
    }

    @Test
    void s3GrantsBecomeGetOrPutOnTheDeclaredPrefixOnly() throws Exception {
        LaneSpec reporter = lane("reporter", List.of(), List.of(new S3Grant(S3Grant.Access.READ, "archive/"),
                new S3Grant(S3Grant.Access.WRITE, "evidence/reports/")));
        JsonNode doc = JSON.readTree(LanePermissions.taskRolePolicy(SPEC, reporter, "arn:aws:s3:::b").toJson());

        assertThat(doc.at("/Statement/0/Action/0").asText()).isEqualTo("s3:GetObject");
        assertThat(doc.at("/Statement/0/Resource/0").asText()).isEqualTo("arn:aws:s3:::b/archive/*");
        assertThat(doc.at("/Statement/2/Action/0").asText()).isEqualTo("s3:PutObject");
        assertThat(doc.at("/Statement/2/Resource/0").asText()).isEqualTo("arn:aws:s3:::b/evidence/reports/*");
    }

    /** Listing needs s3:ListBucket on the bucket (without it a missing key answers 403): only under read prefixes. */
    @Test
    void aLaneMayListOnlyUnderThePrefixesItReads() throws Exception {
        LaneSpec reporter = lane("reporter", List.of(), List.of(new S3Grant(S3Grant.Access.READ, "archive/"),
                new S3Grant(S3Grant.Access.READ, "audit/"), new S3Grant(S3Grant.Access.WRITE, "evidence/reports/")));
        JsonNode list = JSON.readTree(LanePermissions.taskRolePolicy(SPEC, reporter, "arn:aws:s3:::b").toJson())
                .at("/Statement/1");

        assertThat(list.at("/Action/0").asText()).isEqualTo("s3:ListBucket");
        assertThat(list.get("Resource")).extracting(JsonNode::asText).containsExactly("arn:aws:s3:::b");
        assertThat(list.at("/Condition/StringLike/s3:prefix")).extracting(JsonNode::asText)
                .containsExactly("archive/*", "audit/*");
    }

    @Test
    void aLaneThatOnlyWritesCannotList() throws Exception {
        LaneSpec writer = lane("archive-writer", List.of(), List.of(new S3Grant(S3Grant.Access.WRITE, "archive/")));
        assertThat(LanePermissions.taskRolePolicy(SPEC, writer, "arn:aws:s3:::b").toJson())
                .doesNotContain("s3:ListBucket").doesNotContain("s3:GetObject");
    }

    /** ECS task roles trust ecs-tasks only for this account's tasks in this region (confused-deputy guidance). */
    @Test
    void demoRolesTrustOnlyThisAccountsEcsTasks() throws Exception {
        JsonNode trust = JSON.readTree(LanePermissions.ecsTasksTrust("111122223333", "eu-west-2").toJson())
                .at("/Statement/0");
        assertThat(trust.at("/Principal/Service/0").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount/0").asText()).isEqualTo("111122223333");
        assertThat(trust.at("/Condition/ArnLike/aws:SourceArn/0").asText())
                .isEqualTo("arn:aws:ecs:eu-west-2:111122223333:*");
    }

    @Test
    void executionRoleMayOnlyPullAndLog() {
        String doc = LanePermissions.executionRolePolicy(SPEC, DemoNames.of(SPEC), "arn:aws:ecr:r:1:repository/x")
                .toJson();
        assertThat(doc).contains("ecr:BatchGetImage", "logs:PutLogEvents")
                .doesNotContain("ssm:").doesNotContain("secretsmanager:").doesNotContain("kms:")
                .doesNotContain("s3:");
    }


}
