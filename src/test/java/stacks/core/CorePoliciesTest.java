package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorePoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CoreNames NAMES = new CoreNames("devmin-dev-min", "devmin-dev-min-evidence-111122223333",
            "fraud-platform", "devmin-dev-min-monthly", "p", "d", "r", "111122223333", "eu-west-2");

    @Test
    void imageReleaseMayPushOnlyToTheOneRepository() throws Exception {
        JsonNode doc = JSON.readTree(CorePolicies.imageReleasePolicy(NAMES).toJson());
        JsonNode push = doc.at("/Statement/1");

        assertThat(push.get("Resource")).hasSize(1);
        assertThat(push.at("/Resource/0").asText())
                .isEqualTo("arn:aws:ecr:eu-west-2:111122223333:repository/fraud-platform");
        assertThat(push.get("Action").toString()).contains("ecr:PutImage").doesNotContain("ecr:*");
        assertThat(doc.at("/Statement/0/Action").toString()).isEqualTo("[\"ecr:GetAuthorizationToken\"]");
    }

    @Test
    void thePreviewRoleIsDeniedEverythingButWhoAmI() throws Exception {
        JsonNode statements = JSON.readTree(CorePolicies.previewPolicy().toJson()).get("Statement");

        assertThat(statements).hasSize(1);
        assertThat(statements.at("/0/Effect").asText()).isEqualTo("Deny");
        assertThat(statements.at("/0/NotAction").toString()).isEqualTo("[\"sts:GetCallerIdentity\"]");
        assertThat(statements.at("/0/Resource").toString()).isEqualTo("[\"*\"]");
        assertThat(statements.at("/0/Action").isMissingNode()).isTrue();
    }

    @Test
    void tlsOnlyPolicyCoversBucketAndObjects() throws Exception {
        JsonNode s = JSON.readTree(CorePolicies.tlsOnlyBucketPolicy("arn:aws:s3:::b").toJson()).at("/Statement/0");
        assertThat(s.get("Resource")).extracting(JsonNode::asText).containsExactly("arn:aws:s3:::b", "arn:aws:s3:::b/*");
    }

    @Test
    void ecrLifecycleKeepsTheConfiguredNumberOfTaggedImages() throws Exception {
        JsonNode policy = JSON.readTree(CorePolicies.ecrLifecyclePolicy(3, "git-" + "0".repeat(40)));
        assertThat(policy.at("/rules/3/selection/tagPrefixList/0").asText()).isEqualTo("git-");
        assertThat(policy.at("/rules/3/selection/countType").asText()).isEqualTo("imageCountMoreThan");
        assertThat(policy.at("/rules/3/selection/countNumber").asInt()).isEqualTo(3);
    }
}
