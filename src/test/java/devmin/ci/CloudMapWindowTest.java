package devmin.ci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.IamSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two window breaks of 2026-12-06, kept as regressions. Both came from facts we had written ourselves:
 * <ul>
 *   <li>the Service Authorization Reference gives {@code servicediscovery:ListTagsForResource} no resource type and no
 *   condition key, so an Allow conditioned on {@code aws:ResourceTag} never matches the tag listing the provider makes
 *   after creating a namespace or service, and {@code pulumi up} stopped at {@code lane-namespace};</li>
 *   <li>with {@code forceDestroy} a Cloud Map service's delete pages {@code ListInstances} and deregisters each
 *   instance first (terraform-provider-aws, internal/service/servicediscovery/service.go, resourceServiceDelete), so a
 *   close needs calls the window role does not grant.</li>
 * </ul>
 */
class CloudMapWindowTest {

    private static final CiSetup SETUP = CiSetup.all().get(0);

    @Test
    void listingCloudMapTagsIsAllowedAsTheSarAuthorizesIt() {
        List<Requirement> listings = windowRequests("servicediscovery:ListTagsForResource");

        assertThat(listings).as("the provider reads a namespace's and each service's tags").hasSize(3);
        assertThat(judge(SETUP.documents(window()), listings).values()).allMatch(IamSimulator.Result::allowed);
    }

    @Test
    void aTagConditionedGrantOfTheTagListingNeverMatches() {
        String conditioned = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "servicediscovery:ListTagsForResource", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/devmin:layer": "demo"}}}]}""";

        Map<Requirement, IamSimulator.Result> results = judge(List.of(conditioned),
                windowRequests("servicediscovery:ListTagsForResource"));

        assertThat(results.values()).isNotEmpty().noneMatch(IamSimulator.Result::allowed);
        assertThat(results.values()).as("authorized on * alone: no resource, so no resource's tags")
                .allMatch(IamSimulator.Result::wildcardOnly);
    }

    @Test
    void theDeclaredCloudMapServicesCloseWithDeleteServiceAlone() {
        List<Requirement> close = closeOf(SETUP.graph()).stream()
                .filter(r -> r.cause().contains("aws:servicediscovery/service:Service")).toList();

        assertThat(close).extracting(Requirement::action).containsOnly("servicediscovery:DeleteService");
    }

    @Test
    void forceDestroyOnACloudMapServiceMakesTheCloseCallWhatTheWindowRoleCannot() {
        List<Requirement> close = closeOf(withForceDestroy(SETUP.graph())).stream()
                .filter(r -> r.cause().contains("aws:servicediscovery/service:Service")).toList();

        assertThat(close).extracting(Requirement::action)
                .contains("servicediscovery:ListInstances", "servicediscovery:DeregisterInstance");
        Map<Requirement, IamSimulator.Result> results = judge(SETUP.documents(window()), close);
        assertThat(results.entrySet()).filteredOn(e -> e.getKey().action().equals("servicediscovery:ListInstances"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getValue().allowed()).isFalse());
    }

    private static List<Requirement> windowRequests(String action) {
        return SETUP.requirementsOf(window()).stream().filter(r -> r.action().equals(action)).toList();
    }

    private static List<Requirement> closeOf(StackGraph graph) {
        JobRequirements requirements = new JobRequirements(SETUP.spec(), graph);
        WorkflowJobs.Job close = SETUP.jobs().stream().filter(j -> j.name().equals("demo-window.yml/close"))
                .findFirst().orElseThrow();
        return requirements.of(close);
    }

    private static StackGraph withForceDestroy(StackGraph graph) {
        List<DeclaredResource> resources = graph.resources().stream().map(r -> {
            if (!r.type().equals("aws:servicediscovery/service:Service")) {
                return r;
            }
            ObjectNode inputs = r.inputs().deepCopy();
            inputs.put("forceDestroy", true);
            return new DeclaredResource(r.urn(), r.type(), r.name(), r.parentUrn(), r.custom(), r.protect(),
                    r.provider(), r.version(), inputs, r.dependencies(), r.propertyDependencies(),
                    r.additionalSecretOutputs(), r.secretFingerprints());
        }).toList();
        return new StackGraph(resources, graph.outputs());
    }

    private static String window() {
        return SETUP.names().windowRoleName();
    }

    private static Map<Requirement, IamSimulator.Result> judge(List<String> documents, List<Requirement> requests) {
        return RoleProof.judge(SETUP.roleArn(window()), SETUP.spec().awsAccountId(), documents, List.of(), requests);
    }
}
