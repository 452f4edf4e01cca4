package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.EngineRun;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.graph.WireValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** The core layer under the Pulumi mock engine, as the committed dev-min config declares it. */
class CoreStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackGraph graph;
    private static List<DeclaredResource> core;

    @BeforeAll
    static void declare() {
        EngineRun run = preview(committedConfig());
        assertThat(run.succeeded()).as("program errors: %s", run.errors()).isTrue();
        graph = run.graph();
        core = graph.resources().stream().filter(r -> graph.layerOf(r).orElse("").equals("core")).toList();
    }

    private static stacks.spec.EnvironmentSpec spec() {
        return stacks.spec.SpecParser.parse(stacks.spec.ConfigSource.of(committedConfig().values()), "devmin",
                "dev-min");
    }

    private static DeclaredResource one(String type) {
        List<DeclaredResource> found = core.stream().filter(r -> r.type().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<DeclaredResource> all(String type) {
        return core.stream().filter(r -> r.type().equals(type)).toList();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everyCloudResourceOfCoreIsProtectedAndParentedByTheComponent() {
        DeclaredResource component = one("devmin:stacks:CoreStack");
        List<DeclaredResource> cloud = core.stream().filter(r -> r.custom() && !r.isProvider()).toList();

        // 21 control surfaces (bucket and its six settings, repository and lifecycle, parameter, budget, OIDC
        // provider, three CI roles and their policies, the window role's managed policy and its attachment, the task
        // roles' permissions boundary), the execution role and
        // its policy, and per lane a log group, a task role and (when it reads or writes anything) its policy
        long lanePolicies = spec().lanes().stream().filter(l -> !l.reads().isEmpty() || !l.s3Access().isEmpty())
                .count();
        assertThat(cloud).hasSize(21 + 2 + 2 * spec().lanes().size() + (int) lanePolicies);
        assertThat(cloud).allSatisfy(r -> {
            assertThat(r.protect()).as(r.urn()).isTrue();
            assertThat(r.parentUrn()).as(r.urn()).isEqualTo(component.urn());
        });
    }

    @Test
    void everyResourceUsesTheCoreProviderWhoseDefaultTagsNameTheLayer() throws Exception {
        DeclaredResource provider = one("pulumi:providers:aws");
        JsonNode tags = json(provider.inputs().get("defaultTags").asText()).get("tags");

        assertThat(tags.get("devmin:layer").asText()).isEqualTo("core");
        assertThat(tags.get("devmin:environment").asText()).isEqualTo("dev_min");
        assertThat(tags.get("devmin:stack").asText()).isEqualTo("dev-min");
        assertThat(tags.get("devmin:managed-by").asText()).isEqualTo("pulumi");
        assertThat(provider.inputs().get("region").asText()).isEqualTo("eu-west-2");
        assertThat(json(provider.inputs().get("allowedAccountIds").asText()))
                .containsExactly(JSON.getNodeFactory().textNode("123456789012"));
        assertThat(core.stream().filter(r -> r.custom() && !r.isProvider()))
                .allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
    }

    @Test
    void evidenceBucketIsGuardedOnEveryAxis() throws Exception {
        DeclaredResource bucket = one("aws:s3/bucketV2:BucketV2");
        assertThat(bucket.inputs().get("bucket").asText()).isEqualTo("devmin-dev-min-evidence-123456789012");
        assertThat(bucket.inputs().get("forceDestroy").asBoolean()).isFalse();

        JsonNode block = one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs();
        assertThat(List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"))
                .allSatisfy(flag -> assertThat(block.get(flag).asBoolean()).as(flag).isTrue());
        assertThat(one("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs()
                .at("/rule/objectOwnership").asText()).isEqualTo("BucketOwnerEnforced");
        assertThat(one("aws:s3/bucketVersioningV2:BucketVersioningV2").inputs()
                .at("/versioningConfiguration/status").asText()).isEqualTo("Enabled");
        assertThat(one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .inputs().at("/rules/0/applyServerSideEncryptionByDefault/sseAlgorithm").asText()).isEqualTo("AES256");
        assertThat(one("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").inputs()
                .at("/rules/0/noncurrentVersionExpiration/noncurrentDays").asInt()).isEqualTo(90);

        JsonNode policy = json(one("aws:s3/bucketPolicy:BucketPolicy").inputs().get("policy").asText());
        JsonNode deny = policy.at("/Statement/0");
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.at("/Condition/Bool/aws:SecureTransport/0").asText()).isEqualTo("false");
    }

    @Test
    void bucketPolicyWaitsForThePublicAccessBlock() {
        DeclaredResource block = one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        assertThat(one("aws:s3/bucketPolicy:BucketPolicy").dependencies()).contains(block.urn());
    }

    @Test
    void imageRepositoryIsImmutableScannedAndBounded() throws Exception {
        JsonNode repo = one("aws:ecr/repository:Repository").inputs();
        assertThat(repo.get("name").asText()).isEqualTo("fraud-platform");
        assertThat(repo.get("imageTagMutability").asText()).isEqualTo("IMMUTABLE");
        assertThat(repo.at("/imageScanningConfiguration/scanOnPush").asBoolean()).isTrue();

        JsonNode lifecycle = json(one("aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs().get("policy").asText());
        assertThat(lifecycle.at("/rules/0/selection/tagPatternList/0").asText()).isEqualTo(spec().image().tag());
        assertThat(lifecycle.at("/rules/1/selection/tagPrefixList/0").asText()).isEqualTo(CorePolicies.PIN_TAG_PREFIX);
        assertThat(lifecycle.at("/rules/2/selection/tagStatus").asText()).isEqualTo("untagged");
        assertThat(lifecycle.at("/rules/3/selection/countNumber").asInt()).isEqualTo(10);
    }

    @Test
    void everyLaneHasAProtectedLogGroupWithTheSpecsRetention() {
        List<DeclaredResource> groups = core.stream().filter(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup"))
                .toList();
        assertThat(groups).extracting(g -> g.inputs().get("name").asText()).containsExactlyInAnyOrderElementsOf(
                spec().lanes().stream().map(l -> "/devmin/dev_min/" + l.name()).toList());
        assertThat(groups).allSatisfy(g -> {
            assertThat(g.inputs().get("retentionInDays").asInt()).isEqualTo(spec().logRetentionDays());
            assertThat(g.protect()).isTrue();
        });
    }

    @Test
    void ingressKeyIsASecureStringWhoseValueStaysSecret() {
        DeclaredResource parameter = one("aws:ssm/parameter:Parameter");
        assertThat(parameter.inputs().get("name").asText()).isEqualTo("/devmin/dev_min/ig/api_key");
        assertThat(parameter.inputs().get("type").asText()).isEqualTo("SecureString");
        assertThat(WireValues.isSecret(parameter.inputs().get("value"))).isTrue();
    }

    @Test
    void budgetAlertsAtEachThresholdAndForecastsTheLimit() {
        JsonNode budget = one("aws:budgets/budget:Budget").inputs();
        assertThat(budget.get("limitAmount").asText()).isEqualTo("30");
        assertThat(budget.get("timeUnit").asText()).isEqualTo("MONTHLY");
        JsonNode notifications = budget.get("notifications");
        assertThat(notifications).hasSize(4);
        assertThat(notifications.findValuesAsText("notificationType"))
                .containsExactly("ACTUAL", "ACTUAL", "ACTUAL", "FORECASTED");
        assertThat(notifications.findValues("threshold")).extracting(JsonNode::asDouble)
                .containsExactly(10.0, 20.0, 28.0, 30.0);
    }

    /** IAM holds one provider per URL per account: an account that has GitHub's names it, and core creates none. */
    @Test
    void anExistingOidcProviderIsTrustedAndNotCreated() throws Exception {
        String existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        var run = preview(devmin.testing.Fixtures.editObject(committedConfig(), "devmin:ci",
                ci -> ci.put("oidcProviderArn", existing)));
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();

        assertThat(run.graph().resources()).noneMatch(r -> r.type().equals(
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider"));
        var roles = run.graph().resources().stream().filter(r -> r.type().equals("aws:iam/role:Role")
                && r.name().startsWith("gha-")).toList();
        assertThat(roles).isNotEmpty().allSatisfy(role -> {
            try {
                assertThat(json(role.inputs().get("assumeRolePolicy").asText())
                        .at("/Statement/0/Principal/Federated/0").asText()).isEqualTo(existing);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void ciRolesTrustOneRepositoryWithExactAudienceAndSubject() throws Exception {
        assertThat(one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputs().get("clientIdLists"))
                .containsExactly(JSON.getNodeFactory().textNode("sts.amazonaws.com"));
        List<DeclaredResource> roles = all("aws:iam/role:Role").stream()
                .filter(r -> r.inputs().get("name").asText().contains("-gha-")).toList();
        assertThat(roles).extracting(r -> r.inputs().get("name").asText()).containsExactlyInAnyOrder(
                "devmin-dev-min-gha-preview", "devmin-dev-min-gha-window", "devmin-dev-min-gha-image-release");
        for (DeclaredResource role : roles) {
            JsonNode trust = json(role.inputs().get("assumeRolePolicy").asText()).at("/Statement/0");
            assertThat(trust.at("/Principal/Federated/0").asText())
                    .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
            JsonNode equals = trust.at("/Condition/StringEquals");
            assertThat(equals.get("token.actions.githubusercontent.com:aud")).hasSize(1);
            assertThat(equals.at("/token.actions.githubusercontent.com:aud/0").asText()).isEqualTo("sts.amazonaws.com");
            assertThat(equals.at("/token.actions.githubusercontent.com:sub/0").asText())
                    .startsWith("repo:example-org@10000001/fraud-platform@20000002:");
            assertThat(equals.at("/token.actions.githubusercontent.com:sub/1").asText())
                    .startsWith("repo:example-org-10000001/fraud-platform-20000002:");
            assertThat(equals.get("token.actions.githubusercontent.com:sub")).hasSize(2);
            assertThat(trust.get("Condition").fieldNames()).toIterable().containsExactly("StringEquals");
        }
        assertThat(roles).extracting(r -> subject(r)).containsExactlyInAnyOrder(
                "repo:example-org@10000001/fraud-platform@20000002:environment:dev-min-preview",
                "repo:example-org@10000001/fraud-platform@20000002:environment:dev-min",
                "repo:example-org@10000001/fraud-platform@20000002:ref:refs/heads/main");
    }

    @Test
    void noCoreRolePolicyGrantsEverythingOnEverything() throws Exception {
        for (DeclaredResource policy : all("aws:iam/rolePolicy:RolePolicy")) {
            for (JsonNode statement : json(policy.inputs().get("policy").asText()).get("Statement")) {
                if (!statement.path("Effect").asText().equals("Allow")) {
                    continue;
                }
                boolean anyAction = statement.get("Action").toString().contains("\"*\"");
                boolean anyResource = statement.get("Resource").toString().contains("\"*\"");
                assertThat(anyAction && anyResource).as(policy.name() + " " + statement).isFalse();
            }
        }
    }

    @Test
    void handleRegistryIsAStackOutput() {
        JsonNode handles = graph.outputs().get("handles");
        assertThat(handles.get("S3_EVIDENCE_BUCKET").asText()).isEqualTo("devmin-dev-min-evidence-123456789012");
        assertThat(handles.get("ECR_REPOSITORY_URI").asText())
                .isEqualTo("123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform");
        assertThat(handles.get("SSM_CONFLUENT_BOOTSTRAP_PATH").asText()).isEqualTo("/devmin/dev_min/confluent/bootstrap");
        assertThat(handles.get("SSM_IG_API_KEY_PATH").asText()).isEqualTo("/devmin/dev_min/ig/api_key");
        assertThat(graph.outputs().get("handlePublishers").get("ROLE_GHA_WINDOW").asText()).isEqualTo("CoreStack");
    }

    private static String subject(DeclaredResource role) {
        try {
            return json(role.inputs().get("assumeRolePolicy").asText())
                    .at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub/0").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
