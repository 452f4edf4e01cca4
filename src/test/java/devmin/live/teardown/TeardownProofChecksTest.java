package devmin.live.teardown;

import devmin.live.Checks;
import devmin.live.aws.AwsClients;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which checks the teardown proof runs, and where, for a given inventory (no AWS call is made to build them): one
 * {@code inventory-gone} per region the state's demo resources live in (global IAM counted in the home region), and
 * {@code core-roles} only when the state names persistent roles.
 */
class TeardownProofChecksTest {

    static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    static final EnvironmentSpec SPEC = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin",
            "dev-min");

    final AwsClients aws = AwsTestEndpoint.clients("http://127.0.0.1:9", 1, Duration.ofMillis(10));

    @AfterEach
    void close() {
        aws.close();
    }

    static InventoryEntry entry(String type, String id, String region) {
        return new InventoryEntry(DEMO + type + "::r", type, id, "", region);
    }

    List<Checks.Named> checks(Optional<StateInventory> inventory) {
        return TeardownProof.checks(aws, TeardownTarget.of(SPEC), List.of("eu-west-2"), inventory);
    }

    static List<Checks.Named> named(List<Checks.Named> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).toList();
    }

    @Test
    void theInventoryIsProvenGoneOncePerRegionItsResourcesLiveInWithGlobalOnesInTheHomeRegion() {
        StateInventory state = new StateInventory("dev-min", List.of(entry("aws:ec2/vpc:Vpc", "vpc-0a", "eu-west-2"),
                entry(StateInventory.IAM_ROLE, "devmin-dev-min-lane-ig", ""),
                entry("aws:s3/bucket:Bucket", "b", "us-east-1")), List.of());

        List<Checks.Named> gone = named(checks(Optional.of(state)), InventoryGone.NAME);

        assertThat(gone).extracting(Checks.Named::region).containsExactly("eu-west-2", "us-east-1");
    }

    @Test
    void withoutAnInventoryNothingIsReadById() {
        assertThat(named(checks(Optional.empty()), InventoryGone.NAME)).isEmpty();
    }

    @Test
    void thePersistentRolesAreCheckedRetainedOnlyWhenTheStateNamesSome() {
        StateInventory withRoles = new StateInventory("dev-min", List.of(), List.of("devmin-dev-min-gha-window"));
        StateInventory withoutRoles = new StateInventory("dev-min", List.of(), List.of());

        assertThat(named(checks(Optional.of(withRoles)), "core-roles")).extracting(Checks.Named::region)
                .containsExactly("global");
        assertThat(named(checks(Optional.of(withoutRoles)), "core-roles")).isEmpty();
        assertThat(named(checks(Optional.empty()), "core-roles")).isEmpty();
    }

    @Test
    void theProofInventoryReportsHowManyDemoResourcesItStandsOn() {
        StateInventory state = new StateInventory("dev-min", List.of(entry("aws:ec2/vpc:Vpc", "vpc-0a", "eu-west-2"),
                entry("aws:ec2/subnet:Subnet", "subnet-0a", "eu-west-2")), List.of());

        assertThat(ProofInventory.of(state, "s.json", List.of()).toJson().path("resources").asInt()).isEqualTo(2);
        assertThat(ProofInventory.none("none given", List.of()).toJson().path("resources").asInt()).isZero();
    }

    @Test
    void theCommonPrefixOfNamesWhereOneIsAPrefixOfAnotherIsTheShorterInEitherOrder() {
        assertThat(CoreRetained.commonPrefix(List.of("/devmin/dev_min/ig", "/devmin/dev_min/ig-x")))
                .isEqualTo("/devmin/dev_min/ig");
        assertThat(CoreRetained.commonPrefix(List.of("/devmin/dev_min/ig-x", "/devmin/dev_min/ig")))
                .isEqualTo("/devmin/dev_min/ig");
        assertThat(CoreRetained.commonPrefix(List.of("/devmin/dev_min/ig", "/devmin/dev_min/wsp")))
                .isEqualTo("/devmin/dev_min/");
    }

    @Test
    void anEntryIsNamedByTheLastSegmentOfItsUrn() {
        assertThat(new InventoryEntry("urn:pulumi:dev-min::devmin::aws:ec2/vpc:Vpc::vpc", "aws:ec2/vpc:Vpc", "vpc-0a",
                "", "eu-west-2").logicalName()).isEqualTo("vpc");
        assertThat(new InventoryEntry("::vpc", "aws:ec2/vpc:Vpc", "vpc-0a", "", "eu-west-2").describe())
                .isEqualTo("vpc (aws:ec2/vpc:Vpc) vpc-0a");
        assertThat(new InventoryEntry("vpc", "aws:ec2/vpc:Vpc", "vpc-0a", "", "eu-west-2").logicalName())
                .isEqualTo("vpc");
    }
}
