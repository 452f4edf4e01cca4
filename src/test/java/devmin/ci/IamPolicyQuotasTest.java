package devmin.ci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.engine.StackConfig;
import devmin.graph.DeclaredResource;
import devmin.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every IAM policy the program declares fits IAM's quotas, or the administrator's {@code pulumi up} fails with
 * LimitExceeded (IAM User Guide, "IAM and AWS STS quotas": a role's inline policies 10,240 characters in all, a managed
 * policy 6,144 characters, ten managed policies per role; white space is not counted). Judged on the committed stack,
 * with the database, and with forty lanes: a window role that grew with the lanes would break there first.
 */
class IamPolicyQuotasTest {

    static final int ROLE_INLINE_CHARACTERS = 10_240;
    static final int MANAGED_POLICY_CHARACTERS = 6_144;
    static final int MANAGED_POLICIES_PER_ROLE = 10;

    static Stream<CiSetup> setups() {
        StackConfig forty = Fixtures.editJson(Fixtures.committedConfig(), "devmin:lanes", lanes -> {
            for (int i = ((ArrayNode) lanes).size(); i < 40; i++) {
                ObjectNode lane = ((ArrayNode) lanes).addObject().put("name", "extra-" + i).put("kind", "service")
                        .put("cpu", 256).put("memory", 512).put("desiredCount", 1);
                lane.putArray("command").add("run");
                lane.putArray("reads").add("SSM_CONFLUENT_BOOTSTRAP_PATH").add("SSM_CONFLUENT_API_KEY_PATH")
                        .add("SSM_CONFLUENT_API_SECRET_PATH");
                lane.putArray("consumes").add("rtdl.features.v1");
            }
        });
        List<CiSetup> setups = new ArrayList<>(CiSetup.all());
        setups.add(CiSetup.of("forty lanes", forty));
        return setups.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRolesPoliciesFitIamsQuotas() {
        return setups().map(setup -> DynamicTest.dynamicTest(setup.configName(), () -> {
            List<String> over = new ArrayList<>();
            for (DeclaredResource role : setup.graph().resources().stream()
                    .filter(r -> r.type().equals("aws:iam/role:Role")).toList()) {
                String name = role.inputs().path("name").asText();
                int inline = 0;
                int attached = 0;
                for (DeclaredResource r : setup.graph().resources()) {
                    boolean ofRole = r.dependencies().contains(role.urn()) || r.propertyDependencies().values()
                            .stream().anyMatch(urns -> urns.contains(role.urn()));
                    if (ofRole && r.type().equals("aws:iam/rolePolicy:RolePolicy")) {
                        inline += characters(r.inputs().path("policy").asText());
                    } else if (ofRole && r.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
                        attached++;
                    }
                }
                if (inline > ROLE_INLINE_CHARACTERS) {
                    over.add(name + ": inline policies " + inline + " characters, IAM allows " + ROLE_INLINE_CHARACTERS);
                }
                if (attached > MANAGED_POLICIES_PER_ROLE) {
                    over.add(name + ": " + attached + " managed policies, IAM allows " + MANAGED_POLICIES_PER_ROLE);
                }
            }
            for (DeclaredResource policy : setup.graph().resources().stream()
                    .filter(r -> r.type().equals("aws:iam/policy:Policy")).toList()) {
                int size = characters(policy.inputs().path("policy").asText());
                if (size > MANAGED_POLICY_CHARACTERS) {
                    over.add(policy.name() + ": " + size + " characters, IAM allows " + MANAGED_POLICY_CHARACTERS);
                }
            }
            assertThat(over).isEmpty();
        }));
    }

    /** What IAM counts: every character but white space. */
    static int characters(String document) {
        assertThat(document).as("a policy known at preview").isNotBlank().doesNotContain("[unknown]");
        return document.replaceAll("\\s", "").length();
    }
}
