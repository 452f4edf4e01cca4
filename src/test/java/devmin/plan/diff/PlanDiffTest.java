package devmin.plan.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.plan.Plan;
import devmin.plan.PlannedResource;
import devmin.plan.Plans;
import devmin.plan.StackPreview;
import devmin.plan.cost.PriceTable;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanDiff.ResourceChange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editJson;
import static devmin.testing.Fixtures.editTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --against} on pairs of plans that differ by one thing each, asserting exactly what the diff reports. The
 * expected changes are derived from the edit each test makes (and the price table's facts), never from the size of
 * the committed stack.
 */
class PlanDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPreview committedPreview;
    private static Plan committed;
    private static PlanSnapshot base;

    @BeforeAll
    static void planTheCommittedStack() {
        committedPreview = StackPreview.of(committedConfig());
        committed = Plans.plan(committedConfig());
        base = Plans.snapshot(committed, "base/plan_snapshot.json");
    }

    private static PlanDiff against(Plan head) {
        return PlanDiffer.diff(base, Plans.snapshot(head, "this plan"));
    }

    private static String text(PlanDiff diff) {
        StringWriter out = new StringWriter();
        PlanDiffText.print(new PrintWriter(out, true), diff);
        return out.toString();
    }

    @Test
    void thePlanAgainstItselfHasNoChanges() {
        PlanDiff diff = against(Plans.plan(committedConfig()));

        assertThat(diff.isEmpty()).as(text(diff)).isTrue();
        assertThat(text(diff)).contains("no changes");
    }

    @Test
    void aTopicsPartitionsChangedIsThatOneProperty() throws Exception {
        JsonNode topic = JSON.readTree(committedConfig().values().get("devmin:topics")).get(0);
        String name = topic.get("name").asText();
        int partitions = topic.path("partitions").asInt(1);

        PlanDiff diff = against(Plans.plan(editTopic(committedConfig(), 0, t -> t.put("partitions", partitions + 2))));

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.after().inputs().path("topicName").asText()).isEqualTo(name);
            assertThat(c.properties()).containsExactly(new PropertyChange("partitionsCount",
                    String.valueOf(partitions), String.valueOf(partitions + 2), false));
            assertThat(c.protectChanged()).isFalse();
        });
        assertThat(diff.policy().isEmpty()).isTrue();
        assertThat(diff.cost().changed()).isFalse();
        assertThat(text(diff)).contains("~ confluent").contains("partitionsCount: " + partitions + " → "
                + (partitions + 2));
    }

    /** The committed config with one more service lane, of the smallest Fargate size, reading nothing. */
    private static StackConfig withServiceLane(String lane) {
        return editJson(committedConfig(), "devmin:lanes", lanes -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                lanes).addObject().put("name", lane).put("kind", "service").put("cpu", 256).put("memory", 512)
                .put("desiredCount", 1).set("command", JSON.createArrayNode().add("score")));
    }

    @Test
    void aLaneAddedIsItsOwnResourcesAndItsCostOnly() {
        String lane = "fraud-scorer";
        StackConfig config = withServiceLane(lane);

        PlanDiff diff = against(Plans.plan(config));

        assertThat(diff.removed()).isEmpty();
        assertThat(diff.added()).allSatisfy(r -> assertThat(r.name()).contains(lane));
        assertThat(diff.added()).extracting(PlannedResource::type).contains("aws:ecs/service:Service",
                "aws:ecs/taskDefinition:TaskDefinition", "aws:iam/role:Role", "aws:cloudwatch/logGroup:LogGroup");
        // what changed elsewhere only gained a reference to the new lane (e.g. its log group in the execution role)
        assertThat(diff.changed()).flatExtracting(ResourceChange::properties).allSatisfy(p -> {
            assertThat(p.before()).isEqualTo(InputChanges.ABSENT);
            assertThat(p.after()).contains(lane);
        });
        assertThat(diff.policy().isEmpty()).isTrue();
        PlannedResource service = diff.added().stream().filter(r -> r.type().equals("aws:ecs/service:Service"))
                .findFirst().orElseThrow();
        boolean publicIp = service.inputs().at("/networkConfiguration/assignPublicIp").asBoolean(false);
        // London prices: Fargate Spot 0.25 vCPU × 0.01452 + 0.5 GB × 0.00159; logs 1 task × 0.01 GB × 0.5985;
        // a public IPv4 address 0.005 per hour when the service assigns one
        double expectedHourly = 0.25 * 0.01452 + 0.5 * 0.00159 + 0.01 * 0.5985 + (publicIp ? 0.005 : 0);
        assertThat(diff.cost().windowHourly()).isCloseTo(expectedHourly, within(0.0001));
        // idle does not move (a service adds nothing to the closed environment); the month gains 20 window-hours of
        // it and its logs kept: 0.01 GB × 20 window-hours × 0.0315
        assertThat(diff.cost().idleMonthly()).isZero();
        assertThat(diff.cost().monthlyTotal()).isCloseTo(20 * expectedHourly + 0.01 * 20 * 0.0315, within(0.0002));
        assertThat(text(diff)).contains("+ demo").contains(lane);
    }

    /** A lane's role (core) and Kafka principal (confluent) are no window's to create: the diff says who applies it. */
    @Test
    void aLaneAddedNeedsAnAdministratorAndTheDiffSaysWhatForWhileADemoOnlyChangeDoesNot() {
        String lane = "fraud-scorer";
        StackConfig config = withServiceLane(lane);

        PlanDiff diff = against(Plans.plan(config));

        assertThat(diff.needsAdministrator()).isTrue();
        assertThat(diff.administratorChanges()).contains("+ core aws:iam.Role lane-role-" + lane)
                .noneMatch(change -> change.contains(" demo "));
        assertThat(text(diff)).contains("needs an administrator: ").contains("  + core aws:iam.Role lane-role-" + lane);
        assertThat(PlanDiffMarkdown.of(diff, "")).contains("**Needs an administrator:**");
        assertThat(PlanDiffJson.of(diff).path("needs_administrator").asBoolean()).isTrue();

        StackConfig demoOnly = editJson(committedConfig(), "devmin:lanes", lanes -> ((com.fasterxml.jackson.databind
                .node.ObjectNode) lanes.get(lanes.size() - 1)).put("cpu", 1024).put("memory", 2048));
        PlanDiff windowsOwn = against(Plans.plan(demoOnly));

        assertThat(windowsOwn.changed()).isNotEmpty().allSatisfy(c -> assertThat(c.after().layer()).isEqualTo("demo"));
        assertThat(windowsOwn.needsAdministrator()).isFalse();
        assertThat(text(windowsOwn)).contains("applied by: a demo window");
    }

    @Test
    void aSecretSetAgainIsReportedAsChangedWithoutAnyValue() {
        String rotated = StackFiles.placeholder("v1:rotated:CIPHERTEXT-CANARY");
        String before = committedConfig().values().get("devmin:igApiKey");
        String oldFingerprint = before.substring(before.lastIndexOf(':') + 1);
        Set<String> carriers = committed.resources().stream()
                .filter(r -> r.secretFingerprints().containsValue(oldFingerprint)).map(PlannedResource::urn)
                .collect(Collectors.toSet());

        PlanDiff diff = against(Plans.plan(committedConfig().with("devmin:igApiKey", rotated)));

        assertThat(carriers).isNotEmpty();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).extracting(c -> c.after().urn()).containsExactlyInAnyOrderElementsOf(carriers);
        assertThat(diff.changed()).flatExtracting(ResourceChange::properties).allSatisfy(p -> {
            assertThat(p.secret()).isTrue();
            assertThat(p.before()).isEmpty();
            assertThat(p.after()).isEmpty();
        });
        String shown = text(diff) + PlanDiffJson.of(diff) + PlanDiffMarkdown.of(diff, "");
        assertThat(shown).contains("secret changed").doesNotContain("CANARY").doesNotContain(rotated)
                .doesNotContain(before).doesNotContain(StackFiles.SECRET_PLACEHOLDER);
    }

    @Test
    void aWaiverAddedThatMatchesNothingIsANewFindingAndNothingElse(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: DM-COST-002
                    resource: "urn:pulumi:dev-min::devmin::*::partner-alb"
                    reason: "A partner demo load balancer, approved for this quarter only"
                    owner: platform-team
                    expires: 2030-01-01
                """);

        PlanDiff diff = against(Plans.plan(committedConfig(), Plans.withWaivers(waivers)));

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.policy().appeared()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DM-WAIVER-001");
            assertThat(f.enforcement()).isEqualTo("mandatory");
        });
        assertThat(diff.policy().disappeared()).isEmpty();
        assertThat(diff.head().overallPass()).isFalse();
        assertThat(diff.base().overallPass()).isTrue();
        assertThat(text(diff)).contains("+ DM-WAIVER-001 MANDATORY");
    }

    @Test
    void aProtectFlagFlippedIsReportedWithThePolicyFindingItCauses() {
        StackGraph graph = committedPreview.run().graph();
        DeclaredResource bucket = graph.resources().stream()
                .filter(r -> r.type().equals("aws:s3/bucketV2:BucketV2")).findFirst().orElseThrow();
        StackGraph flipped = new StackGraph(graph.resources().stream()
                .map(r -> r.urn().equals(bucket.urn()) ? unprotected(r) : r)
                .toList(), graph.outputs());

        PlanDiff diff = against(Plans.plan(committedPreview.spec(), flipped));

        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.after().urn()).isEqualTo(bucket.urn());
            assertThat(c.protectChanged()).isTrue();
            assertThat(c.before().protect()).isTrue();
            assertThat(c.properties()).isEmpty();
        });
        assertThat(diff.policy().appeared()).extracting(PlanSnapshot.FindingRef::key)
                .containsExactly("DM-LAYER-001 " + bucket.urn());
        assertThat(text(diff)).contains("protect: true → false");
    }

    @Test
    void aLayerRemovedIsEveryResourceOfItRemoved() {
        StackGraph graph = committedPreview.run().graph();
        Set<String> demo = graph.resources().stream().filter(r -> graph.layerOf(r).orElse("").equals("demo"))
                .map(DeclaredResource::urn).collect(Collectors.toSet());
        int demoCount = committed.layers().get(2).total();

        // a closed window declares core and confluent only
        PlanDiff diff = against(Plans.plan(committedConfig().with("devmin:demoWindow", "closed")));

        assertThat(demo).isNotEmpty();
        assertThat(diff.removed()).extracting(PlannedResource::urn).containsExactlyInAnyOrderElementsOf(demo);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.types()).filteredOn(PlanDiff.TypeCount::isLayerTotal)
                .containsExactly(new PlanDiff.TypeCount("demo", "", demoCount, 0));
        assertThat(text(diff)).contains("demo      all resources: " + demoCount + " → 0 (layer removed)");
    }

    @Test
    void anOldV1SnapshotIsAcceptedAndComparedByCountsPolicyAndCost() throws Exception {
        Path v1 = Path.of("src/test/resources/devmin/plan/plan_snapshot_v1.json");
        JsonNode file = JSON.readTree(v1.toFile());

        PlanDiff diff = PlanDiffer.diff(PlanSnapshotReader.read(v1), Plans.snapshot(committed, "this plan"));

        assertThat(diff.resourceLevel()).isFalse();
        assertThat(diff.resourceLevelNote()).contains("resource-level diff unavailable").contains("v1");
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        for (PlanDiff.TypeCount count : diff.types()) {
            JsonNode layer = layer(file, count.layer());
            int inFile = count.isLayerTotal() ? layer.get("resources").asInt()
                    : layer.path("by_type").path(count.type()).asInt(0);
            assertThat(count.before()).as(count.toString()).isEqualTo(inFile);
        }
        assertThat(diff.cost().comparable()).isTrue();
        assertThat(diff.cost().before().windowHourly()).isEqualTo(file.at("/cost/window_hourly").asDouble());
        assertThat(diff.cost().before().idleMonthly()).isEqualTo(file.at("/cost/idle_monthly").asDouble());
        assertThat(text(diff)).contains("schema v1").contains("resource-level diff unavailable");
    }

    private static JsonNode layer(JsonNode snapshot, String name) {
        for (JsonNode layer : snapshot.get("layers")) {
            if (layer.get("layer").asText().equals(name)) {
                return layer;
            }
        }
        throw new AssertionError("no layer " + name);
    }

    private static DeclaredResource unprotected(DeclaredResource r) {
        return new DeclaredResource(r.urn(), r.type(), r.name(), r.parentUrn(), r.custom(), false, r.provider(),
                r.version(), r.inputs(), r.dependencies(), r.propertyDependencies(), r.additionalSecretOutputs(),
                r.secretFingerprints());
    }

    @Test
    void aRegionWithoutPricesMakesTheCostIncomparableNotAFailure() {
        // Paris: a region the SDK knows that the price table does not price (2026-12-07)
        Plan paris = Plans.plan(committedConfig().with("aws:region", "eu-west-3"));

        PlanDiff diff = against(paris);

        assertThat(paris.passes()).isTrue();
        assertThat(paris.warnings()).filteredOn(w -> !w.startsWith("placeholder: ")).singleElement().asString()
                .contains("eu-west-3").contains(PriceTable.SOURCE);
        assertThat(diff.cost().comparable()).isFalse();
        assertThat(text(diff)).contains("cost: not comparable").contains("eu-west-3");
    }

}
