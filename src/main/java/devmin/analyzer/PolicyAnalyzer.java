package devmin.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import devmin.cli.VersionProvider;
import devmin.graph.WireValues;
import devmin.policy.Enforcement;
import devmin.policy.Finding;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;
import devmin.policy.Rule;
import devmin.policy.RulePack;
import devmin.policy.Severity;
import devmin.policy.Waiver;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.Plugin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The dev-min rule pack as a Pulumi analyzer ({@code pulumirpc.Analyzer}). Analyze runs the per-resource rules,
 * AnalyzeStack the stack-level rules and the waiver checks; Configure applies enforcement levels and waivers from
 * {@code --policy-pack-config} (waivers under the {@code waivers-are-valid} policy).
 */
final class PolicyAnalyzer extends AnalyzerGrpc.AnalyzerImplBase {

    static final String WAIVERS_POLICY = "waivers-are-valid";

    private final RulePack pack = RulePack.devmin();
    private final List<Waiver> fileWaivers;
    private final AtomicReference<PolicyEngine> engine = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean waiverProblemsReported =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable onCancel;

    PolicyAnalyzer(List<Waiver> fileWaivers, Runnable onCancel) {
        this.fileWaivers = List.copyOf(fileWaivers);
        this.onCancel = onCancel;
        this.engine.set(engine(Map.of(), List.of()));
    }

    private PolicyEngine engine(Map<String, Enforcement> enforcement, List<Waiver> configWaivers) {
        List<Waiver> waivers = new ArrayList<>(fileWaivers);
        waivers.addAll(configWaivers);
        return new PolicyEngine(pack, new PolicyConfig(enforcement, waivers), LocalDate.now(ZoneOffset.UTC));
    }

    @Override
    public void handshake(AnalyzerOuterClass.AnalyzerHandshakeRequest request,
                          StreamObserver<AnalyzerOuterClass.AnalyzerHandshakeResponse> response) {
        reply(response, AnalyzerOuterClass.AnalyzerHandshakeResponse::getDefaultInstance);
    }

    @Override
    public void configureStack(AnalyzerOuterClass.AnalyzerStackConfigureRequest request,
                               StreamObserver<AnalyzerOuterClass.AnalyzerStackConfigureResponse> response) {
        reply(response, AnalyzerOuterClass.AnalyzerStackConfigureResponse::getDefaultInstance);
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<Plugin.PluginInfo> response) {
        reply(response, () -> Plugin.PluginInfo.newBuilder().setVersion(pack.version()).build());
    }

    @Override
    public void getAnalyzerInfo(Empty request, StreamObserver<AnalyzerOuterClass.AnalyzerInfo> response) {
        reply(response, () -> {
            var info = AnalyzerOuterClass.AnalyzerInfo.newBuilder()
                    .setName(pack.name()).setDisplayName("devmin dev_min policies").setVersion(pack.version())
                    .setDescription("Keeps dev_min cheap and least-privileged: no NAT, no load balancers, execution"
                            + " roles without secrets, pinned images, guarded buckets, narrow Kafka ACLs.")
                    .setSupportsConfig(true);
            for (Rule rule : pack.rules()) {
                info.addPolicies(AnalyzerOuterClass.PolicyInfo.newBuilder()
                        .setName(rule.name()).setDisplayName(rule.id()).setDescription(rule.statement())
                        .setMessage(rule.remediation())
                        .setEnforcementLevel(level(engine.get().enforcementOf(rule)))
                        .setSeverity(severity(rule.severity()))
                        .setPolicyType(rule.stackLevel() ? AnalyzerOuterClass.PolicyType.POLICY_TYPE_STACK
                                : AnalyzerOuterClass.PolicyType.POLICY_TYPE_RESOURCE)
                        .setConfigSchema(AnalyzerOuterClass.PolicyConfigSchema.newBuilder()
                                .setProperties(Struct.getDefaultInstance())));
            }
            info.addPolicies(AnalyzerOuterClass.PolicyInfo.newBuilder()
                    .setName(WAIVERS_POLICY).setDisplayName(PolicyEngine.WAIVER_RULE_ID)
                    .setDescription("Every waiver is unexpired, matches a resource and names a waivable rule.")
                    .setEnforcementLevel(EnforcementLevel.MANDATORY)
                    .setPolicyType(AnalyzerOuterClass.PolicyType.POLICY_TYPE_STACK)
                    .setConfigSchema(AnalyzerOuterClass.PolicyConfigSchema.newBuilder()
                            .setProperties(WaiverSchema.PROPERTIES)));
            return info.build();
        });
    }

    @Override
    public void configure(AnalyzerOuterClass.ConfigureAnalyzerRequest request, StreamObserver<Empty> response) {
        reply(response, () -> {
            Map<String, Enforcement> enforcement = new HashMap<>();
            List<Waiver> waivers = new ArrayList<>();
            for (var entry : request.getPolicyConfigMap().entrySet()) {
                if (entry.getKey().equals(WAIVERS_POLICY)) {
                    waivers.addAll(parseWaivers(entry.getValue().getProperties()));
                    continue;
                }
                if (pack.rule(entry.getKey()).isEmpty()) {
                    throw new IllegalArgumentException("config names unknown policy '" + entry.getKey() + "'");
                }
                enforcement(entry.getValue().getEnforcementLevel())
                        .ifPresent(level -> enforcement.put(entry.getKey(), level));
            }
            engine.set(engine(enforcement, waivers));
            waiverProblemsReported.set(false);
            return Empty.getDefaultInstance();
        });
    }

    /**
     * Each resource's findings; with the first resource after each configuration, also the waiver problems that need
     * no resource to be seen. AnalyzeStack runs only when the program finishes, and the program stops early on an
     * invalid waiver, so without this Pulumi's policy summary showed the pack green beside the program's
     * DM-WAIVER-001 error (newcomer review, 2026-12-06).
     */
    @Override
    public void analyze(AnalyzerOuterClass.AnalyzeRequest request, StreamObserver<AnalyzeResponse> response) {
        reply(response, () -> {
            ResourceView view = AnalyzerViews.of(request);
            List<Finding> findings = new ArrayList<>(engine.get().evaluateResource(view));
            if (waiverProblemsReported.compareAndSet(false, true)) {
                findings.addAll(engine.get().waiverProblemsSeenWithoutResources(view.urn()));
            }
            return diagnostics(findings);
        });
    }

    @Override
    public void analyzeStack(AnalyzerOuterClass.AnalyzeStackRequest request, StreamObserver<AnalyzeResponse> response) {
        reply(response, () -> {
            Map<String, ResourceView> views = new LinkedHashMap<>();
            for (var resource : request.getResourcesList()) {
                ResourceView view = AnalyzerViews.of(resource);
                views.put(view.urn(), view);
                if (!resource.getProvider().getUrn().isEmpty()) {
                    views.putIfAbsent(resource.getProvider().getUrn(), AnalyzerViews.of(resource.getProvider()));
                }
            }
            List<Finding> stackFindings = new ArrayList<>(engine.get().evaluate(List.copyOf(views.values()))
                    .findings().stream()
                    .filter(f -> f.ruleId().equals(PolicyEngine.WAIVER_RULE_ID)
                            || pack.rule(f.ruleId()).map(Rule::stackLevel).orElse(false))
                    .toList());
            views.values().forEach(view -> stackFindings.addAll(onlyRelationsReveal(view)));
            return diagnostics(stackFindings);
        });
    }

    /**
     * The per-resource findings that the resource's relations change: what {@code Analyze}, which saw the resource
     * without them, could not report (a NAT id that came from a NAT gateway, a principal from no service account).
     * Everything else was reported there already and is not reported twice.
     */
    private List<Finding> onlyRelationsReveal(ResourceView view) {
        Set<String> seenWithout = engine.get().evaluateResource(view.withoutRelations()).stream()
                .map(PolicyAnalyzer::identity).collect(java.util.stream.Collectors.toSet());
        return engine.get().evaluateResource(view).stream().filter(f -> !seenWithout.contains(identity(f))).toList();
    }

    private static String identity(Finding finding) {
        return finding.ruleId() + "\n" + finding.urn() + "\n" + finding.message();
    }

    @Override
    public void remediate(AnalyzerOuterClass.AnalyzeRequest request,
                          StreamObserver<AnalyzerOuterClass.RemediateResponse> response) {
        reply(response, AnalyzerOuterClass.RemediateResponse::getDefaultInstance);
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        reply(response, Empty::getDefaultInstance);
        onCancel.run();
    }

    private AnalyzeResponse diagnostics(List<Finding> findings) {
        var out = AnalyzeResponse.newBuilder();
        for (Finding f : findings) {
            out.addDiagnostics(AnalyzeDiagnostic.newBuilder()
                    .setPolicyName(f.ruleName()).setPolicyPackName(pack.name())
                    .setPolicyPackVersion(pack.version())
                    .setDescription(pack.rule(f.ruleId()).map(Rule::statement).orElse("Waivers must be valid."))
                    .setMessage(f.ruleId() + ": " + f.message() + ". " + f.remediation())
                    .setEnforcementLevel(level(f.enforcement())).setUrn(f.urn())
                    .setSeverity(severity(f.severity())));
        }
        return out.build();
    }

    private static List<Waiver> parseWaivers(Struct properties) {
        JsonNode list = WireValues.fromStruct(properties).get("waivers");
        try {
            return PolicyConfig.parseWaivers(list, "policy config '" + WAIVERS_POLICY + "'");
        } catch (PolicyConfig.PolicyConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static java.util.Optional<Enforcement> enforcement(EnforcementLevel level) {
        return switch (level) {
            case MANDATORY -> java.util.Optional.of(Enforcement.MANDATORY);
            case ADVISORY -> java.util.Optional.of(Enforcement.ADVISORY);
            case DISABLED -> java.util.Optional.of(Enforcement.DISABLED);
            default -> java.util.Optional.empty();
        };
    }

    static EnforcementLevel level(Enforcement enforcement) {
        return switch (enforcement) {
            case MANDATORY -> EnforcementLevel.MANDATORY;
            case ADVISORY -> EnforcementLevel.ADVISORY;
            case DISABLED -> EnforcementLevel.DISABLED;
        };
    }

    static PolicySeverity severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> PolicySeverity.POLICY_SEVERITY_CRITICAL;
            case HIGH -> PolicySeverity.POLICY_SEVERITY_HIGH;
            case MEDIUM -> PolicySeverity.POLICY_SEVERITY_MEDIUM;
            case LOW -> PolicySeverity.POLICY_SEVERITY_LOW;
        };
    }

    /** Answers one call; a bad request becomes INVALID_ARGUMENT, anything else INTERNAL — never a crash. */
    private static <T> void reply(StreamObserver<T> response, Supplier<T> call) {
        try {
            response.onNext(call.get());
            response.onCompleted();
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (RuntimeException e) {
            response.onError(Status.INTERNAL.withDescription(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .asRuntimeException());
        }
    }
}
