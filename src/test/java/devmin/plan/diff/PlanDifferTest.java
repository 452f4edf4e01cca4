package devmin.plan.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanSnapshot.CostFigures;
import devmin.plan.diff.PlanSnapshot.FindingRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison itself, on small hand-made snapshots: matching, property paths, secrets, findings and cost. */
class PlanDifferTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE = "urn:pulumi:s::p::pulumi:pulumi:Stack$devmin:stacks:CoreStack$";
    private static final String DEMO = "urn:pulumi:s::p::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    private static final CostFigures COST = new CostFigures(true, "", "USD", 1.0, 0.1, 20, 3.0);

    private static PlannedResource resource(String urnPrefix, String type, String name, String layer, boolean protect,
                                            String inputs, Map<String, String> fingerprints) {
        try {
            return new PlannedResource(urnPrefix + type + "::" + name, type, name, layer, true, protect, "", "",
                    List.of(), (ObjectNode) JSON.readTree(inputs), fingerprints);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlannedResource topic(String inputs) {
        return resource(CORE, "confluentcloud:index/kafkaTopic:KafkaTopic", "t", "core", true, inputs, Map.of());
    }

    private static PlanSnapshot snapshot(List<PlannedResource> resources, List<FindingRef> findings,
                                         List<FindingRef> waived, CostFigures cost) {
        return new PlanSnapshot(2, "s", "dev-min", "unknown", "", findings.isEmpty(), Map.of(), resources, findings,
                waived, cost);
    }

    private static PlanSnapshot snapshot(PlannedResource... resources) {
        return snapshot(List.of(resources), List.of(), List.of(), COST);
    }

    private static List<PropertyChange> properties(PlannedResource before, PlannedResource after) {
        PlanDiff diff = PlanDiffer.diff(snapshot(before), snapshot(after));
        assertThat(diff.changed()).hasSize(1);
        return diff.changed().get(0).properties();
    }

    @Test
    void numbersAreComparedByValue() {
        PlanDiff diff = PlanDiffer.diff(snapshot(topic("{\"partitionsCount\": 3}")),
                snapshot(topic("{\"partitionsCount\": 3.0}")));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void nestedChangesNameTheirPathWithKeysThatAreNotIdentifiersQuoted() {
        assertThat(properties(topic("{\"config\": {\"retention.ms\": \"1\", \"a\": [{\"b\": 1}]}}"),
                topic("{\"config\": {\"retention.ms\": \"2\", \"a\": [{\"b\": 2}]}}")))
                .containsExactly(new PropertyChange("config.a[0].b", "1", "2", false),
                        new PropertyChange("config[\"retention.ms\"]", "\"1\"", "\"2\"", false));
    }

    @Test
    void jsonHeldInAStringIsComparedAsJsonAndListsOfValuesByMembership() {
        String before = "{\"policy\": \"{\\\"Statement\\\": [{\\\"Action\\\": [\\\"a:1\\\", \\\"a:2\\\"]}]}\"}";
        String after = "{\"policy\": \"{\\\"Statement\\\": [{\\\"Action\\\": [\\\"a:2\\\", \\\"a:3\\\"]}]}\"}";

        assertThat(properties(topic(before), topic(after))).containsExactly(
                new PropertyChange("policy.Statement[0].Action[-]", "\"a:1\"", InputChanges.ABSENT, false),
                new PropertyChange("policy.Statement[0].Action[+]", InputChanges.ABSENT, "\"a:3\"", false));
    }

    @Test
    void aValueKnownOnlyAfterApplyIsSaidSo() {
        assertThat(properties(topic("{\"bucket\": \"b\"}"), topic("{\"bucket\": \"[unknown]\"}")))
                .containsExactly(new PropertyChange("bucket", "\"b\"", InputChanges.UNKNOWN, false));
    }

    @Test
    void aSecretIsNeverShownEvenWhenTheOtherSideIsPlain() {
        assertThat(properties(topic("{\"value\": \"plain-text-canary\"}"), topic("{\"value\": \"[secret]\"}")))
                .containsExactly(new PropertyChange("value", "", "", true));
    }

    @Test
    void aSecretWithTheSameCiphertextIsUnchangedAndWithAnotherIsChanged() {
        PlannedResource before = resource(CORE, "aws:ssm/parameter:Parameter", "k", "core", true,
                "{\"value\": \"[secret]\"}", Map.of("value", "0123456789abcdef"));
        PlannedResource same = resource(CORE, "aws:ssm/parameter:Parameter", "k", "core", true,
                "{\"value\": \"[secret]\"}", Map.of("value", "0123456789abcdef"));
        PlannedResource rotated = resource(CORE, "aws:ssm/parameter:Parameter", "k", "core", true,
                "{\"value\": \"[secret]\"}", Map.of("value", "fedcba9876543210"));

        assertThat(PlanDiffer.diff(snapshot(before), snapshot(same)).isEmpty()).isTrue();
        assertThat(properties(before, rotated)).containsExactly(new PropertyChange("value", "", "", true));
    }

    @Test
    void aResourceWhoseUrnMovedToAnotherLayerIsOneChangeNotARemovalAndAnAddition() {
        PlannedResource inDemo = resource(DEMO, "aws:cloudwatch/logGroup:LogGroup", "log-a", "demo", false,
                "{\"retentionInDays\": 7}", Map.of());
        PlannedResource inCore = resource(CORE, "aws:cloudwatch/logGroup:LogGroup", "log-a", "core", true,
                "{\"retentionInDays\": 7}", Map.of());

        PlanDiff diff = PlanDiffer.diff(snapshot(inDemo), snapshot(inCore));

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.layerChanged()).isTrue();
            assertThat(c.before().layer()).isEqualTo("demo");
            assertThat(c.after().layer()).isEqualTo("core");
            assertThat(c.protectChanged()).isTrue();
            assertThat(c.properties()).isEmpty();
        });
    }

    @Test
    void twoResourcesOfTheSameTypeAndNameAreNotGuessedToBeAMove() {
        PlannedResource a = resource(DEMO, "aws:iam/role:Role", "r", "demo", false, "{}", Map.of());
        PlannedResource b = resource(CORE, "aws:iam/role:Role", "r", "core", true, "{}", Map.of());
        PlannedResource c = resource(CORE + "x$", "aws:iam/role:Role", "r", "core", true, "{}", Map.of());

        PlanDiff diff = PlanDiffer.diff(snapshot(a), snapshot(List.of(b, c), List.of(), List.of(), COST));

        assertThat(diff.removed()).containsExactly(a);
        assertThat(diff.added()).containsExactlyInAnyOrder(b, c);
    }

    @Test
    void findingsAppearDisappearAndChangeWaiverByRuleAndUrn() {
        FindingRef kept = new FindingRef("DM-COST-004", "advisory", "urn:a", "no retention");
        FindingRef fixed = new FindingRef("DM-IAM-002", "mandatory", "urn:b", "wide");
        FindingRef fresh = new FindingRef("DM-COST-002", "mandatory", "urn:c", "a load balancer");
        FindingRef waivedNow = new FindingRef("DM-SUPPLY-001", "advisory", "urn:d", "tag");

        PlanDiff diff = PlanDiffer.diff(snapshot(List.of(), List.of(kept, fixed, waivedNow), List.of(), COST),
                snapshot(List.of(), List.of(kept, fresh), List.of(waivedNow), COST));

        assertThat(diff.policy().appeared()).containsExactly(fresh);
        assertThat(diff.policy().disappeared()).containsExactly(fixed);
        assertThat(diff.policy().nowWaived()).containsExactly(waivedNow);
        assertThat(diff.policy().noLongerWaived()).isEmpty();
    }

    @Test
    void theCostDeltaIsAfterMinusBeforeForEachFigure() {
        PlanDiff diff = PlanDiffer.diff(snapshot(List.of(), List.of(), List.of(), COST),
                snapshot(List.of(), List.of(), List.of(), new CostFigures(true, "", "USD", 1.25, 0.0875, 20, 3.0)));

        assertThat(diff.cost().comparable()).isTrue();
        assertThat(diff.cost().idleMonthly()).isEqualTo(0.25);
        assertThat(diff.cost().windowHourly()).isEqualTo(-0.0125);
        assertThat(diff.cost().monthlyTotal()).isEqualTo(0.0);
        assertThat(diff.cost().changed()).isTrue();
    }

    @Test
    void costsInDifferentCurrenciesOrWithoutAnEstimateAreNotCompared() {
        CostFigures euros = new CostFigures(true, "", "EUR", 1.0, 0.1, 20, 3.0);

        assertThat(new PlanDiff.CostDelta(COST, euros).comparable()).isFalse();
        assertThat(new PlanDiff.CostDelta(COST, CostFigures.unavailable("no prices")).comparable()).isFalse();
        assertThat(new PlanDiff.CostDelta(COST, CostFigures.unavailable("no prices")).changed()).isTrue();
    }
}
