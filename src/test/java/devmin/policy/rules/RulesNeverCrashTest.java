package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;
import devmin.policy.RulePack;
import devmin.policy.kinds.ResourceKinds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static devmin.policy.Views.*;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Inputs are untrusted documents: whatever shape a property arrives in (text where a document is expected, a number, an
 * empty or odd list, an object without Statement, unknown or secret), every rule returns a verdict instead of throwing.
 */
class RulesNeverCrashTest {

    static final List<JsonNode> ODD_VALUES = List.of(tree("'x'"), tree("1"), tree("[]"), tree("['x', 2, null]"),
            tree("{'a':1}"), tree("{'Statement':'Allow'}"), tree("{'Version':'2012-10-17'}"), tree("[{}]"),
            tree("'[unknown]'"), tree("'[secret]'"), tree("'{\\\"Statement\\\": 3}'"), tree("[['nested']]"),
            tree("{'strategy':{'deep':[1]}}"), tree("true"), tree("{'Id':'token.actions.githubusercontent.com'}"),
            tree("{'Statement':['token.actions.githubusercontent.com', {'Effect':'Allow','Condition':'x',"
                    + "'Principal':'token.actions.githubusercontent.com'}]}"));

    @Test
    void everyRuleJudgesOddlyShapedPropertiesOfEveryKnownTypeWithoutThrowing() {
        PolicyEngine engine = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), LocalDate.of(2026, 11, 30));
        ResourceKinds kinds = ResourceKinds.table();
        for (String type : new TreeSet<>(kinds.allTokens())) {
            Set<String> properties = new TreeSet<>(List.of("containerDefinitions", "assumeRolePolicy", "policy",
                    "routes", "principal", "natGatewayId", "gatewayId", "tags", "name", "arn", "role", "roles"));
            kinds.facts(type).ifPresent(f -> collect(f.shape(), properties));
            for (JsonNode odd : ODD_VALUES) {
                ObjectNode values = props();
                properties.forEach(p -> values.set(p.split("\\.", -1)[0], odd));
                List<ResourceView> stack = new ArrayList<>(List.of(withOutputs(demo(type, "x", values), values.deepCopy()),
                        IamRuleCases.role("exec"), IamRuleCases.task("t")));
                assertThatCode(() -> engine.evaluate(stack)).as(type + " with " + odd).doesNotThrowAnyException();
            }
        }
    }

    private static void collect(JsonNode shape, Set<String> properties) {
        shape.fields().forEachRemaining(e -> {
            if (e.getKey().equals("kinds") || e.getKey().equals("legacy") || e.getKey().equals("principal")) {
                return;
            }
            if (e.getValue().isTextual()) {
                properties.add(e.getValue().asText());
            } else if (e.getValue().isContainerNode()) {
                e.getValue().forEach(v -> {
                    if (v.isTextual()) {
                        properties.add(v.asText());
                    }
                });
                collect(e.getValue(), properties);
            }
        });
    }
}
