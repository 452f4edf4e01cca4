package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.testing.IamSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles core keeps for the demo's tasks, judged by the independent simulator with each role's policy and the
 * demo permissions boundary it carries, as the principal tags the program gives them: each lane reads exactly the
 * parameters it declares and no other lane's credentials, writes only its own prefixes and never {@code evidence/};
 * the execution role reads no parameter, secret or key at all. The boundary alone keeps a lane off another lane's
 * credentials and off {@code evidence/}, whatever policy a later change might give it.
 */
class LaneRolesProofTest {

    private static final String LANE_TAG = "aws:PrincipalTag/devmin:lane";

    private static CiSetup setup;
    private static EnvironmentSpec spec;
    private static DemoNames demo;
    private static String boundary;

    @BeforeAll
    static void declared() {
        setup = CiSetup.all().get(0);
        spec = setup.spec();
        demo = DemoNames.of(spec);
        boundary = setup.graph().resources().stream().filter(r -> r.type().equals("aws:iam/policy:Policy"))
                .filter(r -> r.inputs().path("name").asText().equals(setup.names().demoBoundaryName()))
                .map(r -> r.inputs().path("policy").asText()).findFirst().orElseThrow();
    }

    /** One lane's request and what it should come to. */
    private record Expectation(LaneSpec lane, Requirement request, boolean allowed) {
    }

    @Test
    void everyLaneReadsExactlyItsDeclaredParametersAndNoOtherLanesCredentials() {
        List<Expectation> expectations = new ArrayList<>();
        for (LaneSpec lane : spec.lanes()) {
            Map<String, Boolean> expected = new LinkedHashMap<>();
            stacks.core.LanePermissions.parameterArns(spec, lane).forEach(arn -> expected.put(arn, true));
            for (String path : SsmHandles.allPaths(spec)) {
                expected.putIfAbsent(parameter(path), false);
            }
            expected.put(parameter(SsmHandles.root(spec.environment())), false);
            expected.forEach((arn, allowed) -> {
                for (String action : List.of("ssm:GetParameter", "ssm:GetParameters")) {
                    expectations.add(new Expectation(lane, laneRequest(lane, action, arn), allowed));
                }
            });
        }
        assertThat(expectations).hasSizeGreaterThan(spec.lanes().size() * 30);
        assertThat(wrong(expectations)).isEmpty();
    }

    @Test
    void theBoundaryAloneKeepsALaneOffOtherLanesCredentialsAndOffTheEvidence() {
        String everything = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": ["ssm:GetParameter", "s3:PutObject"], "Resource": "*"}]}""";
        LaneSpec wsp = lane("wsp");
        String otherLanes = parameter(SsmHandles.credentialPaths(spec.environment(), "ig")
                .get(stacks.handles.HandleName.SSM_CONFLUENT_API_SECRET_PATH));
        String own = parameter(SsmHandles.credentialPaths(spec.environment(), "wsp")
                .get(stacks.handles.HandleName.SSM_CONFLUENT_API_SECRET_PATH));
        String evidence = setup.names().bucketArn() + "/evidence/dev_min/teardown/x/teardown_proof.json";

        Map<Requirement, IamSimulator.Result> results = RoleProof.judge(role(wsp), spec.awsAccountId(),
                List.of(everything), List.of(boundary), List.of(
                        laneRequest(wsp, "ssm:GetParameter", own),
                        laneRequest(wsp, "ssm:GetParameter", otherLanes),
                        laneRequest(wsp, "s3:PutObject", evidence)));

        assertThat(results.values()).extracting(IamSimulator.Result::allowed).containsExactly(true, false, false);
    }

    @Test
    void everyLaneWritesOnlyItsOwnPrefixesAndNeverTheEvidence() {
        List<Expectation> expectations = new ArrayList<>();
        for (LaneSpec lane : spec.lanes()) {
            for (var grant : lane.s3Access()) {
                String object = setup.names().bucketArn() + "/" + grant.prefix() + "part-0001";
                boolean write = grant.access() == stacks.spec.S3Grant.Access.WRITE;
                expectations.add(new Expectation(lane, laneRequest(lane, write ? "s3:PutObject" : "s3:GetObject",
                        object), true));
                expectations.add(new Expectation(lane, laneRequest(lane, write ? "s3:GetObject" : "s3:PutObject",
                        object), lane.s3Access().stream().anyMatch(g -> g.prefix().equals(grant.prefix())
                        && g.access() != grant.access())));
            }
            expectations.add(new Expectation(lane, laneRequest(lane, "s3:PutObject", setup.names().bucketArn()
                    + "/evidence/dev_min/readiness/x/readiness_snapshot.json"), false));
        }
        assertThat(wrong(expectations)).isEmpty();
    }

    @Test
    void theExecutionRoleReadsNoParameterSecretOrKey() {
        String execution = demo.executionRoleName();
        List<String> documents = policyOf(execution);
        List<Requirement> reads = new ArrayList<>();
        for (String path : SsmHandles.allPaths(spec)) {
            for (String action : List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath")) {
                reads.add(Requirement.on("ecs", "the execution role", action, parameter(path)));
            }
        }
        reads.add(Requirement.on("ecs", "the execution role", "secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:" + spec.awsRegion() + ":" + spec.awsAccountId() + ":secret:any-AbCdEf"));
        reads.add(Requirement.on("ecs", "the execution role", "kms:Decrypt",
                "arn:aws:kms:" + spec.awsRegion() + ":" + spec.awsAccountId() + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"));

        Map<Requirement, IamSimulator.Result> results = RoleProof.judge(demo.roleArn(execution), spec.awsAccountId(),
                documents, List.of(boundary), reads);

        assertThat(results).hasSize(reads.size());
        assertThat(results.values()).noneMatch(IamSimulator.Result::allowed)
                .allSatisfy(r -> assertThat(r.decision()).isEqualTo(IamSimulator.Decision.DENIED));
    }

    /** Judges every expectation in one run of the simulator, each lane with its own policy and the boundary. */
    private static List<String> wrong(List<Expectation> expectations) {
        Map<String, IamSimulator.Policies> policies = new LinkedHashMap<>();
        List<IamSimulator.Request> requests = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            String lane = e.lane().name();
            policies.computeIfAbsent(lane, l -> new IamSimulator.Policies(policyOf(demo.laneRoleName(l)),
                    List.of(boundary)));
            requests.add(new IamSimulator.Request("e-" + i, lane, role(e.lane()), spec.awsAccountId(),
                    e.request().action(), e.request().targets(), e.request().keys()));
        }
        IamSimulator.Verdicts verdicts = IamSimulator.judge(policies, requests);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            IamSimulator.Result result = verdicts.of("e-" + i);
            if (result.allowed() != e.allowed() || result.decision() == IamSimulator.Decision.ERROR) {
                wrong.add("lane " + e.lane().name() + ": " + e.request().action() + " on "
                        + e.request().targets().get(0).arn() + " should be " + (e.allowed() ? "allowed" : "denied")
                        + ", was " + result.explain());
            }
        }
        return wrong;
    }

    private static Requirement laneRequest(LaneSpec lane, String action, String arn) {
        return Requirement.on("ecs task", "lane " + lane.name(), action, arn).with(LANE_TAG, lane.name());
    }

    private static List<String> policyOf(String roleName) {
        DeclaredResource role = RolePolicies.role(setup.graph(), roleName);
        assertThat(role.inputs().path("permissionsBoundary").asText()).isEqualTo(setup.names().demoBoundaryArn());
        return RolePolicies.documents(setup.graph(), roleName);
    }

    private static String role(LaneSpec lane) {
        return demo.roleArn(demo.laneRoleName(lane.name()));
    }

    private static LaneSpec lane(String name) {
        return spec.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private static String parameter(String path) {
        return SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(), path);
    }
}
