package devmin.ci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The role proof can fail both ways: a needed grant taken away, and an unused grant added. */
class RoleProofTest {

    private static CiSetup setup;
    private static String window;
    private static List<Requirement> requests;

    @BeforeAll
    static void window() {
        setup = CiSetup.all().get(0);
        window = setup.names().windowRoleName();
        requests = setup.requirementsOf(window);
    }

    @Test
    void theDeclaredWindowRoleGrantsEveryRequestAndNothingElse() {
        RoleProof.Outcome outcome = prove(setup.documents(window));

        assertThat(outcome.notAllowed()).isEmpty();
        assertThat(outcome.unused()).isEmpty();
        assertThat(outcome.sarVersion()).isNotBlank();
    }

    @Test
    void takingAwayANeededGrantDeniesTheCallsThatNeedIt() {
        RoleProof.Grant deleteVpc = RoleProof.grants(setup.documents(window)).stream()
                .filter(g -> g.action().equals("ec2:DeleteVpc")).findFirst().orElseThrow();

        RoleProof.Outcome outcome = prove(RoleProof.without(setup.documents(window), deleteVpc));

        assertThat(outcome.notAllowed()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("needs ec2:DeleteVpc"))
                .anySatisfy(line -> assertThat(line).contains("demo-window.yml/close: pulumi destroy"));
    }

    @Test
    void anAddedGrantNoJobUsesIsReported() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> documents = new ArrayList<>(setup.documents(window));
        ObjectNode document = (ObjectNode) json.readTree(documents.get(0));
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("Statement")).addObject()
                .put("Sid", "Unneeded").put("Effect", "Allow").put("Action", "ec2:DeleteNatGateway")
                .put("Resource", "*");
        documents.set(0, document.toString());

        RoleProof.Outcome outcome = prove(documents);

        assertThat(outcome.unused()).extracting(RoleProof.Grant::action).containsExactly("ec2:DeleteNatGateway");
    }

    private static RoleProof.Outcome prove(List<String> documents) {
        return RoleProof.prove(setup.roleArn(window), setup.spec().awsAccountId(), documents, List.of(), requests);
    }
}
