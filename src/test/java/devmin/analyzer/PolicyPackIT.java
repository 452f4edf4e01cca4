package devmin.analyzer;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import devmin.testing.PolicyPackProcess;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy pack executable, run as a separate process and driven over the real pulumirpc.Analyzer protocol. */
class PolicyPackIT {

    static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    static final String ALB_URN = DEMO + "aws:lb/loadBalancer:LoadBalancer::partner-alb";

    static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    static Struct struct(Object... kv) {
        Struct.Builder b = Struct.newBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            b.putFields((String) kv[i], v instanceof Value value ? value : v instanceof Number n
                    ? Value.newBuilder().setNumberValue(n.doubleValue()).build() : text(String.valueOf(v)));
        }
        return b.build();
    }

    static AnalyzeRequest resource(String type, String name, Struct properties) {
        return AnalyzeRequest.newBuilder().setType(type).setName(name).setUrn(DEMO + type + "::" + name)
                .setProperties(properties).build();
    }

    static ConfigureAnalyzerRequest waiverExpiring(LocalDate expires) {
        Struct waiver = struct("rule", "DM-COST-002", "resource", ALB_URN,
                "reason", "Partner demo needs one public HTTPS endpoint", "owner", "platform-team",
                "expires", expires.toString());
        Struct properties = struct("waivers", Value.newBuilder().setListValue(ListValue.newBuilder()
                .addValues(Value.newBuilder().setStructValue(waiver))).build());
        return ConfigureAnalyzerRequest.newBuilder().putPolicyConfig("waivers-are-valid", PolicyConfig.newBuilder()
                .setEnforcementLevel(EnforcementLevel.MANDATORY).setProperties(properties).build()).build();
    }

    @Test
    void theFullCallSequenceAsThePulumiCliMakesIt() throws Exception {
        try (PolicyPackProcess pack = new PolicyPackProcess()) {
            var analyzer = pack.analyzer;
            assertThat(pack.portLine).matches("\\d+");

            analyzer.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:1").build());
            analyzer.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("dev-min").setProject("devmin")
                    .setDryRun(true).build());
            var info = analyzer.getAnalyzerInfo(Empty.getDefaultInstance());
            assertThat(info.getName()).isEqualTo("devmin-policies");
            assertThat(info.getPoliciesList()).hasSize(18);
            assertThat(info.getPoliciesList()).allSatisfy(p -> {
                assertThat(p.getEnforcementLevel()).isEqualTo(p.getName().equals("aws-types-are-known")
                        ? EnforcementLevel.ADVISORY : EnforcementLevel.MANDATORY);
                assertThat(p.getDescription()).isNotBlank();
                assertThat(p.hasConfigSchema()).isTrue();
            });
            assertThat(analyzer.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo("1.0.0");

            AnalyzeResponse nat = analyzer.analyze(resource("aws:ec2/natGateway:NatGateway", "sneaky",
                    struct("subnetId", "subnet-1")));
            assertThat(nat.getDiagnosticsList()).hasSize(1);
            var diagnostic = nat.getDiagnostics(0);
            assertThat(diagnostic.getPolicyName()).isEqualTo("no-nat-gateway");
            assertThat(diagnostic.getMessage()).startsWith("DM-COST-001");
            assertThat(diagnostic.getUrn()).isEqualTo(DEMO + "aws:ec2/natGateway:NatGateway::sneaky");
            assertThat(diagnostic.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
            assertThat(diagnostic.getPolicyPackName()).isEqualTo("devmin-policies");
            assertThat(diagnostic.getPolicyPackVersion()).isEqualTo("1.0.0");

            assertThat(analyzer.analyze(resource("aws-native:ec2:NatGateway", "native-nat", struct("subnetId",
                    "subnet-1"))).getDiagnosticsList()).extracting(d -> d.getPolicyName()).containsExactly("no-nat-gateway");
            assertThat(analyzer.analyze(resource("aws:ec2/someNewCompute:SomeNewCompute", "new", struct("x", "y")))
                    .getDiagnosticsList()).singleElement().satisfies(d -> {
                        assertThat(d.getPolicyName()).isEqualTo("aws-types-are-known");
                        assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
                    });

            assertThat(analyzer.analyze(resource("aws:cloudwatch/logGroup:LogGroup", "logs",
                    struct("retentionInDays", 7))).getDiagnosticsList()).isEmpty();

            AnalyzeRequest alb = AnalyzeRequest.newBuilder().setType("aws:lb/loadBalancer:LoadBalancer")
                    .setName("partner-alb").setUrn(ALB_URN).setProperties(struct("loadBalancerType", "application"))
                    .build();
            analyzer.configure(waiverExpiring(LocalDate.now(ZoneOffset.UTC).plusDays(30)));
            assertThat(analyzer.analyze(alb).getDiagnosticsList()).isEmpty();
            analyzer.configure(waiverExpiring(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
            // The expired waiver is reported with the first resource analyzed after the configuration, once: Pulumi's
            // summary shows it even when the program stops before AnalyzeStack.
            assertThat(analyzer.analyze(alb).getDiagnosticsList()).extracting(d -> d.getPolicyName())
                    .containsExactly("no-load-balancer", "waivers-are-valid");
            assertThat(analyzer.analyze(alb).getDiagnosticsList()).extracting(d -> d.getPolicyName())
                    .containsExactly("no-load-balancer");

            AnalyzeResponse stack = analyzer.analyzeStack(executionRoleThatReadsSecrets());
            assertThat(stack.getDiagnosticsList()).extracting(d -> d.getPolicyName())
                    .contains("execution-role-reads-no-secrets", "waivers-are-valid");

            analyzer.configure(ConfigureAnalyzerRequest.newBuilder()
                    .putPolicyConfig("no-load-balancer", PolicyConfig.newBuilder()
                            .setEnforcementLevel(EnforcementLevel.ADVISORY).build())
                    .putPolicyConfig("no-nat-gateway", PolicyConfig.newBuilder()
                            .setEnforcementLevel(EnforcementLevel.DISABLED).build()).build());
            assertThat(analyzer.analyze(alb).getDiagnostics(0).getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(analyzer.analyze(resource("aws:ec2/natGateway:NatGateway", "sneaky", struct("subnetId", "s")))
                    .getDiagnostics(0).getEnforcementLevel()).as("never waivable, never disabled")
                    .isEqualTo(EnforcementLevel.MANDATORY);
            assertThatThrownBy(() -> analyzer.configure(ConfigureAnalyzerRequest.newBuilder()
                    .putPolicyConfig("no-such-policy", PolicyConfig.getDefaultInstance()).build()))
                    .isInstanceOf(StatusRuntimeException.class);

            assertThatThrownBy(() -> analyzer.analyze(AnalyzeRequest.newBuilder().setType("aws:s3/bucketV2:BucketV2")
                    .build())).isInstanceOf(StatusRuntimeException.class)
                    .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode())
                            .isEqualTo(Status.Code.INVALID_ARGUMENT));
            assertThat(pack.process.isAlive()).isTrue();

            assertThat(analyzer.remediate(alb).getRemediationsCount()).isZero();
            analyzer.cancel(Empty.getDefaultInstance());
            assertThat(pack.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(pack.process.exitValue()).isZero();
            assertThat(pack.stdoutAfterPort()).isEmpty();
        }
    }

    static final String CONFLUENT = "urn:pulumi:dev-min::devmin::devmin:stacks:ConfluentStack$";

    static AnalyzerResource unknownPrincipalAcl(boolean fromAServiceAccount) {
        Struct properties = struct("resourceType", "TOPIC", "resourceName", "orders.v1", "patternType", "LITERAL",
                "operation", "WRITE", "permission", "ALLOW", "host", "*", "principal",
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        var acl = AnalyzerResource.newBuilder().setType("confluentcloud:index/kafkaAcl:KafkaAcl").setName("acl")
                .setUrn(CONFLUENT + "confluentcloud:index/kafkaAcl:KafkaAcl::acl").setProperties(properties);
        if (fromAServiceAccount) {
            acl.putPropertyDependencies("principal", pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies.newBuilder()
                    .addUrns(CONFLUENT + "confluentcloud:index/serviceAccount:ServiceAccount::lane").build());
        }
        return acl.build();
    }

    /**
     * The engine's per-resource Analyze carries no dependencies (found under the real CLI: every ACL whose principal
     * is a service account created in the same preview failed the preview). Analyze leaves such a judgment to
     * AnalyzeStack, which has the relations and reports only what they reveal.
     */
    @Test
    void aJudgmentThatNeedsRelationsIsMadeOnceWithThem() throws Exception {
        try (PolicyPackProcess pack = new PolicyPackProcess()) {
            var analyzer = pack.analyzer;
            analyzer.configure(ConfigureAnalyzerRequest.getDefaultInstance());
            AnalyzerResource fromAccount = unknownPrincipalAcl(true);
            AnalyzeRequest single = AnalyzeRequest.newBuilder().setType(fromAccount.getType())
                    .setName(fromAccount.getName()).setUrn(fromAccount.getUrn())
                    .setProperties(fromAccount.getProperties()).build();

            assertThat(analyzer.analyze(single).getDiagnosticsList()).extracting(d -> d.getPolicyName())
                    .doesNotContain("kafka-acls-are-narrow");
            assertThat(analyzer.analyzeStack(AnalyzeStackRequest.newBuilder().addResources(fromAccount).build())
                    .getDiagnosticsList()).extracting(d -> d.getPolicyName())
                    .doesNotContain("kafka-acls-are-narrow");
            assertThat(analyzer.analyzeStack(AnalyzeStackRequest.newBuilder()
                    .addResources(unknownPrincipalAcl(false)).build()).getDiagnosticsList())
                    .filteredOn(d -> d.getPolicyName().equals("kafka-acls-are-narrow")).singleElement()
                    .satisfies(d -> assertThat(d.getMessage()).contains("cannot be verified"));
            assertThat(analyzer.analyzeStack(AnalyzeStackRequest.newBuilder().addResources(
                    AnalyzerResource.newBuilder().setType("aws:ec2/natGateway:NatGateway").setName("nat")
                            .setUrn(DEMO + "aws:ec2/natGateway:NatGateway::nat")
                            .setProperties(struct("subnetId", "subnet-1"))).build()).getDiagnosticsList())
                    .as("reported by Analyze already, not twice").extracting(d -> d.getPolicyName())
                    .doesNotContain("no-nat-gateway");
        }
    }

    @Test
    void theProcessExitsWhenItsParentGoesAway() throws Exception {
        try (PolicyPackProcess pack = new PolicyPackProcess()) {
            pack.process.getOutputStream().close();
            assertThat(pack.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(pack.process.exitValue()).isZero();
        }
    }

    static AnalyzeStackRequest executionRoleThatReadsSecrets() {
        String role = DEMO + "aws:iam/role:Role::ecs-execution-role";
        return AnalyzeStackRequest.newBuilder()
                .addResources(AnalyzerResource.newBuilder().setType("aws:iam/role:Role").setName("ecs-execution-role")
                        .setUrn(role).setProperties(struct("name", "devmin-dev-min-ecs-execution")))
                .addResources(AnalyzerResource.newBuilder().setType("aws:iam/rolePolicy:RolePolicy").setName("p")
                        .setUrn(DEMO + "aws:iam/rolePolicy:RolePolicy::p")
                        .setProperties(struct("role", "devmin-dev-min-ecs-execution", "policy",
                                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameters\",\"Resource\":\"*\"}]}")))
                .addResources(AnalyzerResource.newBuilder().setType("aws:ecs/taskDefinition:TaskDefinition")
                        .setName("task").setUrn(DEMO + "aws:ecs/taskDefinition:TaskDefinition::task")
                        .setProperties(struct("executionRoleArn",
                                "arn:aws:iam::123456789012:role/devmin-dev-min-ecs-execution",
                                "containerDefinitions", "[{\"name\":\"a\",\"image\":\"r@sha256:" + "a".repeat(64) + "\"}]")))
                .build();
    }
}
