package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.StackView;
import devmin.policy.Values;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.TypeFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns IAM resources into {@link PolicySource}s, read through the kind table's shapes. */
public final class PolicySources {

    private PolicySources() {
    }

    /**
     * Every policy source in the stack, whoever it grants to: principals' inline policies and managed ARNs, inline
     * policy resources, customer managed policies (but not one that serves only as a permissions boundary: a boundary
     * grants nothing), and attachments of AWS-managed or undeclared policies.
     */
    public static List<PolicySource> everywhere(StackView stack) {
        Map<String, PolicySource> out = new LinkedHashMap<>();
        stack.ofKind(Kind.IAM_PRINCIPAL).forEach(p -> ofPrincipal(p, stack).forEach(s -> put(out, s)));
        stack.ofKind(Kind.IAM_INLINE_POLICY).forEach(r -> put(out, documentOf(r)));
        IamIndex index = IamIndex.of(stack);
        stack.ofKind(Kind.IAM_MANAGED_POLICY).stream().filter(r -> !index.onlyBoundary(r))
                .forEach(r -> put(out, documentOf(r)));
        stack.ofKind(Kind.IAM_ATTACHMENT).forEach(r -> attachedBy(r, stack, false).forEach(s -> put(out, s)));
        return List.copyOf(out.values());
    }

    private static void put(Map<String, PolicySource> out, PolicySource source) {
        out.putIfAbsent(source.urn() + "|" + source.description(), source);
    }

    /** A principal's own inline policies and managed policy ARNs. */
    static List<PolicySource> ofPrincipal(ResourceView principal, StackView stack) {
        TypeFacts facts = IamIndex.facts(principal);
        String who = facts.property("principal").orElse("principal") + " '" + principal.name() + "'";
        List<PolicySource> out = new ArrayList<>();
        JsonNode inline = facts.part("inline");
        if (inline.isObject()) {
            for (JsonNode policy : Values.elements(principal.property(inline.path("list").asText()).orElse(null))) {
                String name = Values.field(policy, inline.path("name").asText()).map(JsonNode::asText).orElse("?");
                String description = "inline policy '" + name + "' of " + who;
                if (Values.isOpaque(policy)) {
                    out.add(PolicyStatements.source(description, principal.urn(), policy));
                } else {
                    Values.field(policy, inline.path("document").asText()).ifPresent(document ->
                            out.add(PolicyStatements.source(description, principal.urn(), document)));
                }
            }
        }
        facts.property("managedPolicyArns").ifPresent(property ->
                out.addAll(attached(principal, property, who, stack, true)));
        return out;
    }

    /** The document an inline policy resource or a customer managed policy carries. */
    static PolicySource documentOf(ResourceView carrier) {
        TypeFacts facts = IamIndex.facts(carrier);
        String what = facts.is(Kind.IAM_MANAGED_POLICY) ? "customer policy" : "policy resource";
        String property = facts.property("document").orElse("policy");
        return PolicyStatements.source(what + " '" + carrier.name() + "'", carrier.urn(),
                carrier.property(property).orElse(null));
    }

    /**
     * The managed policies an attachment names. With {@code resolveCustomer}, a customer policy of this stack is read
     * in place; without, it is left out (it is judged as a resource of its own).
     */
    static List<PolicySource> attachedBy(ResourceView attachment, StackView stack, boolean resolveCustomer) {
        String property = IamIndex.facts(attachment).property("policyArns").orElse("policyArn");
        return attached(attachment, property, "'" + attachment.name() + "'", stack, resolveCustomer);
    }

    private static List<PolicySource> attached(ResourceView carrier, String property, String who, StackView stack,
                                               boolean resolveCustomer) {
        List<PolicySource> out = new ArrayList<>();
        IamIndex index = IamIndex.of(stack);
        for (JsonNode arn : Values.elements(carrier.property(property).orElse(null))) {
            if (Values.isOpaque(arn) || !arn.isValueNode()) {
                List<ResourceView> policies = carrier.dependenciesOf(property).stream().map(index::policy)
                        .flatMap(Optional::stream).toList();
                if (policies.isEmpty()) {
                    out.add(PolicySource.unreadable("a policy attached to " + who + " by " + property, carrier.urn(),
                            "its ARN is unknown until the update runs and names no policy of this stack"));
                } else if (resolveCustomer) {
                    policies.forEach(p -> out.add(documentOf(p)));
                }
                continue;
            }
            out.addAll(attachedArn(arn.asText(), carrier, who, index, resolveCustomer));
        }
        return out;
    }

    private static List<PolicySource> attachedArn(String arn, ResourceView carrier, String who, IamIndex index,
                                                  boolean resolveCustomer) {
        if (ManagedPolicies.isAwsManaged(arn)) {
            String description = "AWS-managed policy " + arn + " attached to " + who;
            return List.of(ManagedPolicies.statements(arn)
                    .map(s -> PolicySource.readable(description, carrier.urn(), s))
                    .orElseGet(() -> PolicySource.unreadable(description, carrier.urn(), "devmin does not know this"
                            + " AWS-managed policy; add its statements to aws-managed-policies.json")));
        }
        Optional<ResourceView> policy = index.policy(arn);
        if (policy.isPresent()) {
            return resolveCustomer ? List.of(documentOf(policy.get())) : List.of();
        }
        return List.of(PolicySource.unreadable("policy " + arn + " attached to " + who, carrier.urn(),
                "this stack does not declare it"));
    }
}
