package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.testing.Moto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static devmin.live.moto.MotoAccount.DEMO;
import static devmin.live.moto.MotoStateInventoryIT.CORE_URN;
import static devmin.live.moto.MotoStateInventoryIT.StateResource;
import static devmin.live.moto.MotoStateInventoryIT.createRole;
import static devmin.live.moto.MotoStateInventoryIT.evidence;
import static devmin.live.moto.MotoStateInventoryIT.export;
import static devmin.live.moto.MotoTeardownIT.Run;
import static devmin.live.moto.MotoTeardownIT.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the teardown proof finds beyond the state's inventory, against moto: a caller in another account, roles of the
 * stack's name prefix (which the Tagging API never lists), the demo layer's Cloud Map namespace by name, and what a
 * leftover VPC still holds.
 */
class MotoStraySweepsIT {

    static Moto moto;
    MotoAccount account;

    @BeforeAll
    static void start() {
        MotoStateInventoryIT.start();
        moto = MotoStateInventoryIT.moto;
    }

    @AfterAll
    static void stop() {
        MotoStateInventoryIT.stop();
    }

    @BeforeEach
    void intactCore() {
        moto.reset();
        account = new MotoAccount(moto.endpoint(), MotoAccount.REGION);
        MotoStateInventoryIT.seedCore(account);
    }

    @AfterEach
    void close() {
        account.close();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    }

    @Test
    void aCallerInAnotherAccountIsABlockerNamingBothAccounts(@TempDir Path out) throws IOException {
        // moto 5.2.5 (core/responses.py, get_current_account) serves the account named by the x-moto-account-id
        // header, else the account whose IAM user owns the request's access key: so a user made in 111111111111
        // gives credentials of that account, which holds a clean copy of nothing
        try (var other = software.amazon.awssdk.services.iam.IamClient.builder()
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL).endpointOverride(moto.endpoint())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "moto")))
                .overrideConfiguration(c -> c.putHeader("x-moto-account-id", "111111111111")).build()) {
            other.createUser(b -> b.userName("elsewhere"));
            var key = other.createAccessKey(b -> b.userName("elsewhere")).accessKey();
            System.setProperty("aws.accessKeyId", key.accessKeyId());
            System.setProperty("aws.secretAccessKey", key.secretAccessKey());
        }
        try {
            Run proof = run(out, "teardown_proof.json", "verify-teardown");

            assertThat(proof.exitCode()).isEqualTo(1);
            assertThat(proof.check("caller-account").get("status").asText()).isEqualTo("blocker");
            assertThat(proof.check("caller-account").get("found")).extracting(JsonNode::asText).containsExactly(
                    "the caller is account 111111111111, the stack's account is 123456789012");
        } finally {
            System.setProperty("aws.secretAccessKey", "moto");
        }
    }

    @Test
    void withoutAnInventoryADemoTaggedRoleOfTheStacksPrefixIsAStrayAndTheVerdictSaysTheProofIsWeaker(
            @TempDir Path out) throws IOException {
        createRole(account, "devmin-dev-min-lane-ig", DEMO);
        createRole(account, "devmin-dev-min-gha-window", java.util.Map.of("devmin:layer", "core"));

        Run proof = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(proof.exitCode()).isEqualTo(1);
        assertThat(proof.nonPassing()).containsExactly("stray-roles");
        assertThat(proof.check("stray-roles").get("found")).extracting(JsonNode::asText)
                .containsExactly("IAM role devmin-dev-min-lane-ig");
        assertThat(proof.check("inventory").get("message").asText()).contains("weaker proof");
        assertThat(proof.verdict().at("/inventory/proof").asText()).isEqualTo("sweep-only");
    }

    @Test
    void withAnInventoryARoleOfTheStacksPrefixTheStateDoesNotHoldIsAStrayAndItsCoreRolesAreRetained(
            @TempDir Path dir) throws IOException {
        String coreRole = "devmin-dev-min-ecs-execution";
        Path export = export(dir, List.of(new StateResource(CORE_URN + "aws:iam/role:Role::ecs-execution-role",
                "aws:iam/role:Role", coreRole, "arn:aws:iam::123456789012:role/" + coreRole)));
        Path before = Files.createDirectory(dir.resolve("before"));
        run(before, "pre_destroy_snapshot.json", "snapshot", "pre-destroy", "--state", export.toString());
        createRole(account, coreRole, java.util.Map.of());
        createRole(account, "devmin-dev-min-lane-untagged", java.util.Map.of());

        Run proof = run(Files.createDirectory(dir.resolve("after")), "teardown_proof.json", "verify-teardown",
                "--snapshot", evidence(before, "pre_destroy_snapshot.json").toString());

        assertThat(proof.exitCode()).isEqualTo(1);
        assertThat(proof.nonPassing()).containsExactly("stray-roles");
        assertThat(proof.check("stray-roles").get("found")).extracting(JsonNode::asText)
                .containsExactly("IAM role devmin-dev-min-lane-untagged");
        assertThat(proof.check("core-roles").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void theDemoLayersNamespaceIsFoundByNameWithoutAnInventory(@TempDir Path out) throws IOException {
        account.cloudMap("CreatePrivateDnsNamespace", "{\"Name\":\"devmin-dev-min.internal\",\"Vpc\":\""
                + account.network().vpc() + "\"}");

        Run proof = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(proof.exitCode()).isEqualTo(1);
        assertThat(proof.nonPassing()).containsExactly("stray-namespaces");
        assertThat(proof.check("stray-namespaces").get("found").toString()).contains("devmin-dev-min.internal");
    }

    @Test
    void aLeftoverTaggedVpcNamesTheUntaggedSubnetAndInterfaceInsideIt(@TempDir Path out) throws IOException {
        String vpc = account.ec2.createVpc(b -> b.cidrBlock("10.60.0.0/16").tagSpecifications(TagSpecification
                .builder().resourceType(ResourceType.VPC).tags(DEMO.entrySet().stream().map(e -> Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList()).build())).vpc().vpcId();
        String subnet = account.ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.60.1.0/24")
                .availabilityZone(MotoAccount.REGION + "a")).subnet().subnetId();
        String eni = account.ec2.createNetworkInterface(b -> b.subnetId(subnet)).networkInterface()
                .networkInterfaceId();

        Run proof = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(proof.exitCode()).isEqualTo(1);
        assertThat(proof.check("tagged-resources-gone").get("found")).extracting(JsonNode::asText)
                .contains("subnet " + subnet + " in " + vpc, "network interface " + eni + " in " + vpc);
    }
}
