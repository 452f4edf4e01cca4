package devmin.ci;

import devmin.testing.IamSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window role changes only the demo layer: every mutating call a window makes (the SAR's access level Write,
 * Tagging or Permissions management), aimed instead at a resource outside the demo layer — an untagged VPC, security
 * group or route table, a service in another cluster, a task definition or role of another name, a create sent without
 * the demo layer's tags — is denied by the simulator. The only calls that may still reach outside are those the SAR
 * gives no resource type and no key to scope them by, each named here with why it stays, and the test checks that
 * the SAR indeed gives them none.
 */
class WindowRoleScopeTest {

    /** Mutating actions the SAR gives no resource type and no key to scope: what each can do outside the demo. */
    static final Map<String, String> UNSCOPABLE = Map.of(
            "ecs:DeregisterTaskDefinition", "marks a task definition revision INACTIVE; running tasks and services"
                    + " keep it, and the family can be registered again",
            "servicediscovery:UntagResource", "removes tags, and only devmin:* ones (aws:TagKeys is the one key the SAR"
                    + " gives it)",
            "route53:CreateHostedZone", "Cloud Map creates the namespace's private zone on the caller's rights; the"
                    + " SAR gives it only route53:VPCs");

    private static CiSetup setup;
    private static List<Requirement> windowCalls;

    @BeforeAll
    static void window() {
        setup = CiSetup.all().get(0);
        windowCalls = setup.requirementsOf(setup.names().windowRoleName()).stream()
                .filter(r -> r.cause().startsWith("pulumi ")).toList();
    }

    @Test
    void everyMutatingCallAimedOutsideTheDemoLayerIsDenied() {
        List<Requirement> foreign = windowCalls.stream().filter(WindowRoleScopeTest::notTagOnCreate)
                .map(WindowRoleScopeTest::outsideTheDemoLayer).toList();
        Map<Requirement, IamSimulator.Result> results = judge(foreign);

        List<String> reachesOutside = new ArrayList<>();
        results.forEach((request, result) -> {
            if (result.mutates() && result.allowed() && !UNSCOPABLE.containsKey(request.action())) {
                reachesOutside.add(request.describe() + " — " + result.explain());
            }
        });
        assertThat(reachesOutside).as("mutations the window may make outside the demo layer").isEmpty();
        assertThat(results.values().stream().filter(IamSimulator.Result::mutates).count())
                .as("mutating calls tried outside the demo layer").isGreaterThan(50);
    }

    @Test
    void whatStaysUnscopedIsWhatTheSarGivesNothingToScopeBy() {
        Map<Requirement, IamSimulator.Result> results = judge(windowCalls.stream()
                .filter(r -> UNSCOPABLE.containsKey(r.action())).toList());

        assertThat(results.keySet()).extracting(Requirement::action).containsAll(UNSCOPABLE.keySet());
        results.forEach((request, result) -> assertThat(result.wildcardOnly())
                .as(request.action() + " has a resource type in the SAR, so it must be scoped").isTrue());
    }

    @Test
    void theDemoLayersOwnCallsStayAllowed() {
        assertThat(judge(windowCalls).values()).allMatch(IamSimulator.Result::allowed);
    }

    /**
     * Tags sent with a create are authorized as a tagging action carrying the creating API (ec2:CreateAction,
     * ecs:CreateAction): it applies only inside a create the role is itself allowed, so it is judged with the create.
     */
    private static boolean notTagOnCreate(Requirement request) {
        return !request.keys().containsKey("ec2:CreateAction") && !request.keys().containsKey("ecs:CreateAction");
    }

    /**
     * The same call on resources outside the demo layer: untagged, of another name (another cluster, task family,
     * role or repository), and for a service-linked role, another service's.
     */
    private static Requirement outsideTheDemoLayer(Requirement request) {
        List<IamSimulator.Target> targets = request.targets().stream()
                .map(t -> new IamSimulator.Target(foreign(t.arn()), t.tags().map(tags -> Map.<String, String>of())))
                .toList();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        request.keys().forEach((key, values) -> keys.put(key, key.startsWith("aws:RequestTag/")
                ? List.of("someone-else") : values.stream().map(WindowRoleScopeTest::foreign).toList()));
        return new Requirement(request.job(), request.cause() + " (outside the demo layer)", request.action(),
                targets, keys);
    }

    private static String foreign(String text) {
        return text.replace(stacks.demo.DemoNames.of(setup.spec()).prefix(), "someone-else")
                .replace("repository/" + setup.spec().image().repository(), "repository/someone-else")
                .replace("ecs.amazonaws.com", "elasticbeanstalk.amazonaws.com")
                .replace("AWSServiceRoleForECS", "AWSServiceRoleForElasticBeanstalk");
    }

    private static Map<Requirement, IamSimulator.Result> judge(List<Requirement> requests) {
        String window = setup.names().windowRoleName();
        return RoleProof.judge(setup.roleArn(window), setup.spec().awsAccountId(), setup.documents(window), List.of(),
                requests);
    }
}
