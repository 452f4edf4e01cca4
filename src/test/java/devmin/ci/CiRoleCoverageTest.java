package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.DeclaredResource;
import devmin.testing.IamSimulator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workflow job's role, as the program declares it, grants every request the job makes — every action of every
 * devmin command it runs on the resources it uses, and every provider call of its Pulumi steps — and nothing any job
 * does not need: taking any one action away from any Allow statement denies some request of some job. Judged by an
 * IAM simulator the project did not write, on the Service Authorization Reference as data ({@link IamSimulator}):
 * which resources each action is authorized against and which condition keys each evaluation carries are AWS's
 * published facts, not ours. A missing grant names the job, what it runs, the action, the resources and the
 * simulator's reason.
 */
class CiRoleCoverageTest {

    /**
     * Grants no request needs, each with the reason it stays. Empty: every grant of every CI role is used by a job.
     * Role name suffix to action to reason.
     */
    static final Map<String, Map<String, String>> UNUSED_BY_DESIGN = Map.of();

    private static final Map<String, Map<String, RoleProof.Outcome>> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<CiSetup> setups() {
        return CiSetup.all().stream();
    }

    /** The simulator's judgement of one role of one setup, computed once for the tests below. */
    static RoleProof.Outcome outcome(CiSetup setup, String role) {
        return OUTCOMES.computeIfAbsent(setup.configName(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(role, r -> RoleProof.prove(setup.roleArn(r), setup.spec().awsAccountId(),
                        setup.documents(r), List.of(), setup.requirementsOf(r)));
    }

    @TestFactory
    Stream<DynamicTest> everyJobsRoleGrantsEverythingTheJobDoes() {
        return setups().map(setup -> DynamicTest.dynamicTest(setup.configName(), () -> {
            List<String> missing = new ArrayList<>(setup.problems());
            setup.requirements().forEach((job, requirements) -> {
                String role = setup.roleOf(job);
                if (role.isEmpty()) {
                    requirements.forEach(r -> missing.add(r.describe() + " — the job assumes no role"));
                } else if (role.startsWith("<")) {
                    missing.add("job " + job + " assumes " + role);
                }
            });
            for (String role : setup.roleNames()) {
                missing.addAll(outcome(setup, role).notAllowed());
            }

            assertThat(missing).as("requests no role grants").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theWindowAndReleaseJobsReallyNeedAws() {
        CiSetup setup = CiSetup.all().get(0);
        return Stream.of("demo-window.yml/open", "demo-window.yml/close", "pin-image.yml/pin")
                .map(job -> DynamicTest.dynamicTest(job, () -> assertThat(setup.requirements().get(job))
                        .as("a job the coverage proof reads").isNotEmpty()));
    }

    /**
     * No unused grant: like IAM Access Analyzer's policy generation from CloudTrail, every action a role allows is
     * used by a request of a job that assumes it — taking it away alone denies that request. An unused grant fails
     * unless {@link #UNUSED_BY_DESIGN} gives its reason.
     */
    @TestFactory
    Stream<DynamicTest> everyGrantOfEveryRoleIsNeededByAJobThatAssumesIt() {
        return setups().flatMap(setup -> setup.roleNames().stream().map(role -> DynamicTest.dynamicTest(
                setup.configName() + ": " + role, () -> {
                    Map<String, String> documented = UNUSED_BY_DESIGN.entrySet().stream()
                            .filter(e -> role.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                            .orElse(Map.of());
                    List<String> unused = outcome(setup, role).unused().stream()
                            .filter(grant -> !documented.containsKey(grant.action()))
                            .map(grant -> role + " allows " + grant.describe() + ", which no job needs")
                            .toList();

                    assertThat(unused).isEmpty();
                })));
    }

    @TestFactory
    Stream<DynamicTest> eachJobPresentsTheSubjectItsRoleTrusts() {
        CiSetup setup = CiSetup.all().get(0);
        return setup.jobs().stream().filter(job -> job.roleVariable().isPresent()).map(job -> DynamicTest.dynamicTest(
                job.name(), () -> {
                    DeclaredResource role = RolePolicies.role(setup.graph(), setup.roleOf(job.name()));
                    JsonNode trusted = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(role.inputs().path("assumeRolePolicy").asText())
                            .at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub");
                    Optional<String> environment = job.environment();
                    // A job with an environment presents environment:<name> whatever triggered it; without one, the
                    // workflow runs only on main (its jobs check github.ref), so it presents ref:refs/heads/main.
                    String context = environment.map(e -> "environment:" + e).orElse("ref:refs/heads/main");
                    if (environment.isEmpty()) {
                        assertThat(WorkflowHygieneTest.jobNode(job).path("if").asText())
                                .as(job.name() + " runs only on main").contains("github.ref == 'refs/heads/main'");
                    }
                    List<String> values = new ArrayList<>();
                    trusted.forEach(v -> values.add(v.asText()));
                    assertThat(values).as(job.name() + " assumes " + setup.roleOf(job.name()))
                            .containsExactlyElementsOf(githubRepoClaims(setup.spec().ci()).stream()
                                    .map(repo -> repo + ":" + context).toList());
                }));
    }

    /**
     * How GitHub names the repository in its {@code sub} claim: by name, or with immutable ids in the two spellings
     * GitHub's texts give (changelog 2026-04-23: {@code owner-1/repo-2}; github/docs#45221: {@code owner@1/repo@2}).
     */
    private static List<String> githubRepoClaims(stacks.spec.CiSpec ci) {
        return ci.subjectForm() == stacks.spec.CiSpec.SubjectForm.IMMUTABLE
                ? List.of("repo:" + ci.githubOwner() + "@" + ci.githubOwnerId() + "/" + ci.githubRepo() + "@"
                        + ci.githubRepoId(), "repo:" + ci.githubOwner() + "-" + ci.githubOwnerId() + "/"
                        + ci.githubRepo() + "-" + ci.githubRepoId())
                : List.of("repo:" + ci.githubOwner() + "/" + ci.githubRepo());
    }
}
