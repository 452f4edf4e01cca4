package devmin.analyzer;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import devmin.policy.Enforcement;
import devmin.policy.PolicyEngine;
import devmin.policy.Rule;
import devmin.policy.RulePack;
import devmin.policy.Severity;
import devmin.policy.Waiver;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureResponse;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.AnalyzerOuterClass.PolicyType;
import pulumirpc.AnalyzerOuterClass.RemediateResponse;
import pulumirpc.Plugin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer's decisions, driven in memory with the requests the Pulumi CLI sends (no process, no gRPC). */
class PolicyAnalyzerTest {

    private static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    private static final String CONFLUENT = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:ConfluentStack$";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    private static final String ALB_URN = DEMO + ALB + "::partner-alb";
    private static final RulePack PACK = RulePack.devmin();
    /** Today in UTC, the zone the analyzer judges expiry in; read per test, so a run across midnight stays right. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private final AtomicInteger cancelled = new AtomicInteger();
    private final PolicyAnalyzer analyzer = new PolicyAnalyzer(List.of(), cancelled::incrementAndGet);

    private static <Q, R> R call(BiConsumer<Q, Recorded<R>> method, Q request) {
        Recorded<R> response = new Recorded<>();
        method.accept(request, response);
        return response.value();
    }

    private static <Q, R> Status failure(BiConsumer<Q, Recorded<R>> method, Q request) {
        Recorded<R> response = new Recorded<>();
        method.accept(request, response);
        return response.status();
    }

    private List<AnalyzeDiagnostic> analyze(AnalyzeRequest request) {
        AnalyzeResponse response = call(analyzer::analyze, request);
        return response.getDiagnosticsList();
    }

    private List<AnalyzeDiagnostic> analyzeStack(AnalyzerResource... resources) {
        AnalyzeResponse response = call(analyzer::analyzeStack,
                AnalyzeStackRequest.newBuilder().addAllResources(List.of(resources)).build());
        return response.getDiagnosticsList();
    }

    private void configure(ConfigureAnalyzerRequest request) {
        Empty ignored = call(analyzer::configure, request);
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Struct struct(String... kv) {
        Struct.Builder b = Struct.newBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.putFields(kv[i], text(kv[i + 1]));
        }
        return b.build();
    }

    private static AnalyzeRequest resource(String type, String name, Struct properties) {
        return AnalyzeRequest.newBuilder().setType(type).setName(name).setUrn(DEMO + type + "::" + name)
                .setProperties(properties).build();
    }

    private static AnalyzeRequest alb() {
        return resource(ALB, "partner-alb", struct("loadBalancerType", "application"));
    }

    private static ConfigureAnalyzerRequest level(String policy, EnforcementLevel level) {
        return ConfigureAnalyzerRequest.newBuilder().putPolicyConfig(policy,
                PolicyConfig.newBuilder().setEnforcementLevel(level).build()).build();
    }

    private static Struct waiverFor(String urn, LocalDate expires) {
        return struct("rule", "DM-COST-002", "resource", urn, "reason", "Partner demo needs one public HTTPS endpoint",
                "owner", "platform-team", "expires", expires.toString());
    }

    private static ConfigureAnalyzerRequest waivers(Struct... waivers) {
        ListValue.Builder list = ListValue.newBuilder();
        for (Struct w : waivers) {
            list.addValues(Value.newBuilder().setStructValue(w));
        }
        return ConfigureAnalyzerRequest.newBuilder().putPolicyConfig(PolicyAnalyzer.WAIVERS_POLICY,
                PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.MANDATORY).setProperties(
                        Struct.newBuilder().putFields("waivers", Value.newBuilder().setListValue(list).build())).build())
                .build();
    }

    @Test
    void handshakeConfigureStackAndRemediateAnswerEmpty() {
        AnalyzerHandshakeResponse handshake = call(analyzer::handshake, AnalyzerHandshakeRequest.getDefaultInstance());
        AnalyzerStackConfigureResponse stack = call(analyzer::configureStack,
                AnalyzerStackConfigureRequest.newBuilder().setStack("dev-min").build());
        RemediateResponse remediate = call(analyzer::remediate, alb());

        assertThat(handshake).isEqualTo(AnalyzerHandshakeResponse.getDefaultInstance());
        assertThat(stack).isEqualTo(AnalyzerStackConfigureResponse.getDefaultInstance());
        assertThat(remediate.getRemediationsCount()).isZero();
    }

    @Test
    void pluginInfoCarriesThePackVersion() {
        Plugin.PluginInfo info = call(analyzer::getPluginInfo, Empty.getDefaultInstance());

        assertThat(info.getVersion()).isEqualTo(RulePack.VERSION);
    }

    @Test
    void analyzerInfoListsEveryRuleWithItsLevelSeverityAndKindThenTheWaiverPolicy() {
        AnalyzerInfo info = call(analyzer::getAnalyzerInfo, Empty.getDefaultInstance());

        assertThat(info.getName()).isEqualTo(RulePack.NAME);
        assertThat(info.getVersion()).isEqualTo(RulePack.VERSION);
        assertThat(info.getDisplayName()).isEqualTo("devmin dev_min policies");
        assertThat(info.getDescription()).startsWith("Keeps dev_min cheap and least-privileged");
        assertThat(info.getSupportsConfig()).isTrue();
        assertThat(info.getPoliciesList()).hasSize(PACK.rules().size() + 1);
        for (int i = 0; i < PACK.rules().size(); i++) {
            Rule rule = PACK.rules().get(i);
            PolicyInfo policy = info.getPolicies(i);
            assertThat(policy.getName()).isEqualTo(rule.name());
            assertThat(policy.getDisplayName()).isEqualTo(rule.id());
            assertThat(policy.getDescription()).isEqualTo(rule.statement());
            assertThat(policy.getMessage()).isEqualTo(rule.remediation());
            assertThat(policy.getEnforcementLevel()).as(rule.name()).isEqualTo(
                    rule.name().equals("aws-types-are-known") ? EnforcementLevel.ADVISORY : EnforcementLevel.MANDATORY);
            assertThat(policy.getSeverity()).isEqualTo(PolicyAnalyzer.severity(rule.severity()));
            assertThat(policy.getPolicyType()).as(rule.name())
                    .isEqualTo(rule.stackLevel() ? PolicyType.POLICY_TYPE_STACK : PolicyType.POLICY_TYPE_RESOURCE);
            assertThat(policy.getConfigSchema().getProperties()).isEqualTo(Struct.getDefaultInstance());
            assertThat(policy.hasConfigSchema()).isTrue();
        }
        assertThat(info.getPoliciesList()).extracting(PolicyInfo::getPolicyType)
                .contains(PolicyType.POLICY_TYPE_STACK, PolicyType.POLICY_TYPE_RESOURCE);
        PolicyInfo waivers = info.getPolicies(PACK.rules().size());
        assertThat(waivers.getName()).isEqualTo("waivers-are-valid");
        assertThat(waivers.getDisplayName()).isEqualTo(PolicyEngine.WAIVER_RULE_ID);
        assertThat(waivers.getDescription()).isEqualTo("Every waiver is unexpired, matches a resource and names a waivable rule.");
        assertThat(waivers.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(waivers.getPolicyType()).isEqualTo(PolicyType.POLICY_TYPE_STACK);
        assertThat(waivers.getConfigSchema().getProperties()).isEqualTo(WaiverSchema.PROPERTIES);
    }

    @Test
    void analyzerInfoShowsConfiguredLevels() {
        configure(level("no-load-balancer", EnforcementLevel.ADVISORY));

        AnalyzerInfo info = call(analyzer::getAnalyzerInfo, Empty.getDefaultInstance());

        assertThat(info.getPoliciesList()).filteredOn(p -> p.getName().equals("no-load-balancer")).singleElement()
                .extracting(PolicyInfo::getEnforcementLevel).isEqualTo(EnforcementLevel.ADVISORY);
    }

    @Test
    void aNatGatewayIsReportedWithEveryDiagnosticField() {
        Rule rule = PACK.rule("no-nat-gateway").orElseThrow();

        assertThat(analyze(resource(NAT, "sneaky", struct("subnetId", "subnet-1")))).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("no-nat-gateway");
            assertThat(d.getPolicyPackName()).isEqualTo(RulePack.NAME);
            assertThat(d.getPolicyPackVersion()).isEqualTo(RulePack.VERSION);
            assertThat(d.getDescription()).isEqualTo(rule.statement());
            assertThat(d.getMessage()).startsWith(rule.id() + ": NAT gateway 'sneaky' is declared")
                    .endsWith(". " + rule.remediation());
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
            assertThat(d.getUrn()).isEqualTo(DEMO + NAT + "::sneaky");
            assertThat(d.getSeverity()).isEqualTo(PolicyAnalyzer.severity(rule.severity()));
        });
    }

    @Test
    void aCompliantResourceHasNoDiagnostics() {
        assertThat(analyze(resource("aws:cloudwatch/logGroup:LogGroup", "logs", Struct.newBuilder()
                .putFields("retentionInDays", Value.newBuilder().setNumberValue(7).build()).build()))).isEmpty();
    }

    @Test
    void aMalformedRequestIsAnInvalidArgumentNamingIt() {
        Status status = failure(analyzer::analyze, AnalyzeRequest.newBuilder().setType("aws:s3/bucketV2:BucketV2").build());

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("malformed resource: urn '' and type 'aws:s3/bucketV2:BucketV2' are required");
    }

    @Test
    void aWaiverInConfigClearsTheResourceUntilItExpires() {
        configure(waivers(waiverFor(ALB_URN, today.plusDays(30))));
        assertThat(analyze(alb())).isEmpty();

        configure(waivers(waiverFor(ALB_URN, today.minusDays(1))));
        // An expired waiver is itself reported (DM-WAIVER-001) with the first resource analysed after the configuration.
        assertThat(analyze(alb())).extracting(AnalyzeDiagnostic::getPolicyName)
                .containsExactlyInAnyOrder("no-load-balancer", "waivers-are-valid");
    }

    @Test
    void aLaterConfigureReplacesTheEarlierOne() {
        configure(waivers(waiverFor(ALB_URN, today.plusDays(30))));

        configure(ConfigureAnalyzerRequest.getDefaultInstance());

        assertThat(analyze(alb())).extracting(AnalyzeDiagnostic::getPolicyName).containsExactly("no-load-balancer");
    }

    @Test
    void waiversFromTheFileStayWhenConfigAddsMore() {
        PolicyAnalyzer withFile = new PolicyAnalyzer(List.of(new Waiver("DM-COST-002", ALB_URN,
                "Partner demo needs one public HTTPS endpoint", "platform-team", today.plusDays(30))), () -> { });
        Recorded<Empty> configured = new Recorded<>();
        withFile.configure(ConfigureAnalyzerRequest.getDefaultInstance(), configured);
        Recorded<AnalyzeResponse> response = new Recorded<>();

        withFile.analyze(alb(), response);

        assertThat(configured.value()).isEqualTo(Empty.getDefaultInstance());
        assertThat(response.value().getDiagnosticsList()).isEmpty();
    }

    @Test
    void levelsFromConfigSoftenOrDisableAWaivableRule() {
        configure(level("no-load-balancer", EnforcementLevel.ADVISORY));
        assertThat(analyze(alb())).singleElement().extracting(AnalyzeDiagnostic::getEnforcementLevel)
                .isEqualTo(EnforcementLevel.ADVISORY);

        configure(level("no-load-balancer", EnforcementLevel.DISABLED));
        assertThat(analyze(alb())).allSatisfy(d -> assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.DISABLED));

        configure(level("DM-COST-002", EnforcementLevel.MANDATORY));
        assertThat(analyze(alb())).singleElement().extracting(AnalyzeDiagnostic::getEnforcementLevel)
                .isEqualTo(EnforcementLevel.MANDATORY);
    }

    @Test
    void aLevelPulumiHasButDevminDoesNotChangesNothing() {
        configure(level("no-load-balancer", EnforcementLevel.REMEDIATE));

        assertThat(analyze(alb())).singleElement().extracting(AnalyzeDiagnostic::getEnforcementLevel)
                .isEqualTo(EnforcementLevel.MANDATORY);
    }

    @Test
    void aNeverWaivableRuleStaysMandatoryWhateverTheConfigSays() {
        configure(level("no-nat-gateway", EnforcementLevel.DISABLED));

        assertThat(analyze(resource(NAT, "sneaky", struct("subnetId", "s")))).singleElement()
                .extracting(AnalyzeDiagnostic::getEnforcementLevel).isEqualTo(EnforcementLevel.MANDATORY);
    }

    @Test
    void configNamingAnUnknownPolicyIsRefusedAndKeepsThePreviousConfig() {
        configure(level("no-load-balancer", EnforcementLevel.ADVISORY));

        Status status = failure(analyzer::configure, level("no-such-policy", EnforcementLevel.MANDATORY));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("config names unknown policy 'no-such-policy'");
        assertThat(analyze(alb())).singleElement().extracting(AnalyzeDiagnostic::getEnforcementLevel)
                .isEqualTo(EnforcementLevel.ADVISORY);
    }

    @Test
    void anIncompleteWaiverIsRefusedNamingTheField() {
        Status status = failure(analyzer::configure, waivers(struct("rule", "DM-COST-002", "resource", ALB_URN)));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("policy config 'waivers-are-valid': waivers[0].reason is missing");
    }

    @Test
    void analyzeStackReportsStackRulesAndWaiversButNotPerResourceFindingsAgain() {
        configure(waivers(waiverFor(DEMO + ALB + "::gone", today.plusDays(30))));

        List<AnalyzeDiagnostic> diagnostics = analyzeStack(
                AnalyzerResource.newBuilder().setType(NAT).setName("nat").setUrn(DEMO + NAT + "::nat")
                        .setProperties(struct("subnetId", "subnet-1")).build());

        assertThat(diagnostics).extracting(AnalyzeDiagnostic::getPolicyName)
                .doesNotContain("no-nat-gateway").contains("waivers-are-valid");
        assertThat(diagnostics).filteredOn(d -> d.getPolicyName().equals("waivers-are-valid")).first().satisfies(d -> {
            assertThat(d.getDescription()).isEqualTo("Waivers must be valid.");
            assertThat(d.getMessage()).startsWith(PolicyEngine.WAIVER_RULE_ID + ": ");
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY);
        });
    }

    @Test
    void analyzeStackRefusesAMalformedResource() {
        Recorded<AnalyzeResponse> response = new Recorded<>();
        analyzer.analyzeStack(AnalyzeStackRequest.newBuilder()
                .addResources(AnalyzerResource.newBuilder().setType("t:m:T")).build(), response);

        assertThat(response.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    /** The per-resource call cannot see that the principal came from a service account; the stack call can. */
    @Test
    void analyzeStackReportsWhatOnlyTheRelationsReveal() {
        assertThat(analyzeStack(acl(false))).filteredOn(d -> d.getPolicyName().equals("kafka-acls-are-narrow"))
                .singleElement().satisfies(d -> assertThat(d.getMessage()).contains("cannot be verified"));
        assertThat(analyzeStack(acl(true))).extracting(AnalyzeDiagnostic::getPolicyName)
                .doesNotContain("kafka-acls-are-narrow");
    }

    private static AnalyzerResource acl(boolean fromAServiceAccount) {
        var acl = AnalyzerResource.newBuilder().setType("confluentcloud:index/kafkaAcl:KafkaAcl").setName("acl")
                .setUrn(CONFLUENT + "confluentcloud:index/kafkaAcl:KafkaAcl::acl")
                .setProperties(struct("resourceType", "TOPIC", "resourceName", "orders.v1", "patternType", "LITERAL",
                        "operation", "WRITE", "permission", "ALLOW", "host", "*",
                        "principal", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"));
        if (fromAServiceAccount) {
            acl.putPropertyDependencies("principal", AnalyzerPropertyDependencies.newBuilder()
                    .addUrns(CONFLUENT + "confluentcloud:index/serviceAccount:ServiceAccount::lane").build());
        }
        return acl.build();
    }

    /** A demo resource untagged itself is tagged through its provider's default tags, which only the provider shows. */
    @Test
    void analyzeStackReadsTheProviderOfEachResource() {
        String provider = "urn:pulumi:dev-min::devmin::pulumi:providers:aws::demo";
        AnalyzerResource.Builder logs = AnalyzerResource.newBuilder().setType("aws:cloudwatch/logGroup:LogGroup")
                .setName("logs").setUrn(DEMO + "aws:cloudwatch/logGroup:LogGroup::logs")
                .setProperties(Struct.newBuilder().putFields("retentionInDays", Value.newBuilder().setNumberValue(7).build()));

        List<AnalyzeDiagnostic> untagged = analyzeStack(logs.build());
        List<AnalyzeDiagnostic> viaProvider = analyzeStack(logs.setProvider(AnalyzerProviderResource.newBuilder()
                .setUrn(provider).setType("pulumi:providers:aws").setName("demo")
                .setProperties(struct("defaultTags", "{\"tags\":{\"devmin:layer\":\"demo\"}}"))).build());

        assertThat(untagged).extracting(AnalyzeDiagnostic::getPolicyName).contains("demo-resources-tagged-for-the-layer");
        assertThat(viaProvider).extracting(AnalyzeDiagnostic::getPolicyName)
                .doesNotContain("demo-resources-tagged-for-the-layer");
    }

    @Test
    void cancelAnswersAndThenStopsTheServer() {
        Empty answer = call(analyzer::cancel, Empty.getDefaultInstance());

        assertThat(answer).isEqualTo(Empty.getDefaultInstance());
        assertThat(cancelled).hasValue(1);
    }

    /** gRPC's onNext throws when the call was cancelled under it; the analyzer answers INTERNAL instead of crashing. */
    @Test
    void anUnexpectedFailureIsAnInternalErrorNamingIt() {
        Recorded<Plugin.PluginInfo> response = new Recorded<>() {
            @Override
            public void onNext(Plugin.PluginInfo value) {
                throw new IllegalStateException("call already cancelled");
            }
        };

        analyzer.getPluginInfo(Empty.getDefaultInstance(), response);

        assertThat(response.status().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(response.status().getDescription()).isEqualTo("IllegalStateException: call already cancelled");
    }

    /** pulumirpc's EnforcementLevel and PolicySeverity (proto/pulumi/analyzer.proto) for devmin's own enums. */
    @Test
    void levelsAndSeveritiesMapOneToOne() {
        assertThat(PolicyAnalyzer.level(Enforcement.MANDATORY)).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(PolicyAnalyzer.level(Enforcement.ADVISORY)).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(PolicyAnalyzer.level(Enforcement.DISABLED)).isEqualTo(EnforcementLevel.DISABLED);
        assertThat(PolicyAnalyzer.severity(Severity.CRITICAL)).isEqualTo(PolicySeverity.POLICY_SEVERITY_CRITICAL);
        assertThat(PolicyAnalyzer.severity(Severity.HIGH)).isEqualTo(PolicySeverity.POLICY_SEVERITY_HIGH);
        assertThat(PolicyAnalyzer.severity(Severity.MEDIUM)).isEqualTo(PolicySeverity.POLICY_SEVERITY_MEDIUM);
        assertThat(PolicyAnalyzer.severity(Severity.LOW)).isEqualTo(PolicySeverity.POLICY_SEVERITY_LOW);
    }
}
