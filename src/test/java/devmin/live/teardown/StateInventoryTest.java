package devmin.live.teardown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the demo inventory from {@code pulumi stack export}: what is recorded, what never is, what is refused. */
class StateInventoryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STACK = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$";
    static final String DEMO = STACK + "devmin:stacks:DemoStack$";
    static final String CORE = STACK + "devmin:stacks:CoreStack$";
    static final String CANARY = "canary-5d1c-plaintext";

    ObjectNode export = JSON.createObjectNode();
    ArrayNode resources = export.putObject("deployment").putArray("resources");

    ObjectNode resource(String urn, String type, String id) {
        return resources.addObject().put("urn", urn).put("type", type).put("custom", true).put("id", id);
    }

    /** A value the Pulumi engine keeps secret: the signature key and the ciphertext, never the plaintext. */
    static ObjectNode secret(String ciphertext) {
        return JSON.createObjectNode().put("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270")
                .put("ciphertext", ciphertext);
    }

    StateInventory read() {
        return StateInventory.fromExport(export, "dev-min", "eu-west-2");
    }

    @Test
    void everyCustomDemoResourceIsRecordedWithUrnTypeIdArnAndTheArnsRegion() {
        resource(DEMO + "aws:ec2/vpc:Vpc::vpc", "aws:ec2/vpc:Vpc", "vpc-0a").putObject("outputs")
                .put("arn", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a").put("cidrBlock", "10.42.0.0/16");
        resource(DEMO + "aws:ec2/routeTableAssociation:RouteTableAssociation::public-a-routes",
                "aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-0a");

        StateInventory inventory = read();

        assertThat(inventory.demo()).containsExactly(
                new InventoryEntry(DEMO + "aws:ec2/vpc:Vpc::vpc", "aws:ec2/vpc:Vpc", "vpc-0a",
                        "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a", "eu-west-1"),
                new InventoryEntry(DEMO + "aws:ec2/routeTableAssociation:RouteTableAssociation::public-a-routes",
                        "aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-0a", "", "eu-west-2"));
    }

    @Test
    void providersComponentsPendingDeletesAndOtherLayersAreNotDemoInventory() {
        resource(DEMO + "pulumi:providers:aws::demo-aws", "pulumi:providers:aws", "p-1");
        resources.addObject().put("urn", STACK + "devmin:stacks:DemoStack::demo").put("type", "devmin:stacks:DemoStack")
                .put("custom", false);
        resource(DEMO + "aws:ec2/vpc:Vpc::old", "aws:ec2/vpc:Vpc", "vpc-old").put("delete", true);
        resource(CORE + "aws:s3/bucketV2:BucketV2::evidence", "aws:s3/bucketV2:BucketV2", "bucket");

        assertThat(read().demo()).isEmpty();
    }

    @Test
    void rolesOfThePersistentLayersAreListedByNameSoTheStraySweepCanTellThemFromLeftovers() {
        resource(CORE + "aws:iam/role:Role::gha-window", "aws:iam/role:Role", "devmin-dev-min-gha-window")
                .putObject("outputs").put("name", "devmin-dev-min-gha-window");
        resource(CORE + "aws:iam/role:Role::ecs-execution-role", "aws:iam/role:Role", "devmin-dev-min-ecs-execution");
        resource(DEMO + "aws:iam/role:Role::lane-role-ig", "aws:iam/role:Role", "devmin-dev-min-lane-ig");

        StateInventory inventory = read();

        assertThat(inventory.persistentRoleNames()).containsExactly("devmin-dev-min-gha-window",
                "devmin-dev-min-ecs-execution");
        assertThat(inventory.demo()).extracting(InventoryEntry::id).containsExactly("devmin-dev-min-lane-ig");
    }

    @Test
    void aSecretIdOrArnIsMarkedAndNoOtherValueOfTheStateIsEverRecorded() throws Exception {
        ObjectNode db = resource(DEMO + "aws:rds/instance:Instance::database", "aws:rds/instance:Instance", "x");
        db.set("id", secret(CANARY));
        db.putObject("inputs").put("password", CANARY);
        db.putObject("outputs").set("arn", secret(CANARY));
        ((ObjectNode) db.get("outputs")).set("password", secret(CANARY));

        StateInventory inventory = read();

        assertThat(inventory.demo()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(InventoryEntry.SECRET);
            assertThat(e.arn()).isEqualTo(InventoryEntry.SECRET);
        });
        assertThat(JSON.writeValueAsString(inventory.toJson())).doesNotContain(CANARY);
    }

    @Test
    void aStateOfAnotherStackIsRefusedNamingTheResourceAndTheStack() {
        resource("urn:pulumi:prod::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$aws:ec2/vpc:Vpc::vpc",
                "aws:ec2/vpc:Vpc", "vpc-0a");

        assertThatThrownBy(this::read).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment.resources[0].urn: got 'urn:pulumi:prod::devmin::pulumi:pulumi:Stack$devmin:"
                        + "stacks:DemoStack$aws:ec2/vpc:Vpc::vpc', expected a resource of stack 'dev-min'");
    }

    @Test
    void aUrnOfSeparatorsOnlyIsRefusedNamingTheResource() {
        resource("urn:pulumi:::", "aws:ec2/vpc:Vpc", "vpc-0a");

        assertThatThrownBy(this::read).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment.resources[0].urn: got 'urn:pulumi:::', expected a resource of stack 'dev-min'");
    }

    @Test
    void aDocumentThatIsNotAStackExportIsRefusedNamingTheKey() {
        JsonNode notAnExport = JSON.createObjectNode().put("schema", "devmin.teardown-proof/v1");

        assertThatThrownBy(() -> StateInventory.fromExport(notAnExport, "dev-min", "eu-west-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment.resources: got nothing, expected the array 'pulumi stack export' writes");
    }

    @Test
    void theInventoryASnapshotRecordsReadsBackAsItWasWritten() {
        resource(DEMO + "aws:ec2/vpc:Vpc::vpc", "aws:ec2/vpc:Vpc", "vpc-0a");
        resource(CORE + "aws:iam/role:Role::gha-window", "aws:iam/role:Role", "devmin-dev-min-gha-window");
        StateInventory written = read();
        ObjectNode snapshot = JSON.createObjectNode().put("schema", TeardownProof.SNAPSHOT_SCHEMA);
        snapshot.set("inventory", written.toJson());

        assertThat(ProofInventory.fromSnapshot(snapshot, "dev-min", "s.json")).isEqualTo(written);
    }

    @Test
    void aSnapshotTakenWithoutTheStateOrOfAnotherKindOrStackIsRefused() {
        ObjectNode noInventory = JSON.createObjectNode().put("schema", TeardownProof.SNAPSHOT_SCHEMA);
        ObjectNode proof = JSON.createObjectNode().put("schema", TeardownProof.SCHEMA);
        ObjectNode otherStack = JSON.createObjectNode().put("schema", TeardownProof.SNAPSHOT_SCHEMA);
        otherStack.set("inventory", new StateInventory("prod", java.util.List.of(), java.util.List.of()).toJson());

        assertThatThrownBy(() -> ProofInventory.fromSnapshot(noInventory, "dev-min", "s.json"))
                .hasMessage("s.json: inventory: got nothing, expected the state's inventory (take the snapshot with"
                        + " --state FILE)");
        assertThatThrownBy(() -> ProofInventory.fromSnapshot(proof, "dev-min", "s.json"))
                .hasMessage("s.json: schema: got 'devmin.teardown-proof/v1', expected 'devmin.pre-destroy-snapshot/v1'"
                        + " (a 'devmin snapshot pre-destroy' verdict)");
        assertThatThrownBy(() -> ProofInventory.fromSnapshot(otherStack, "dev-min", "s.json"))
                .hasMessage("s.json: inventory.stack: got 'prod', expected 'dev-min'");
    }
}
