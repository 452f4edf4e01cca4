package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.policy.iam.IamStatement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workflow job's role, as the program declares it, grants every request the job makes — every action of every
 * devmin command it runs on the resources it uses, and every provider call of its Pulumi steps — and nothing any job
 * does not need: every action a role allows is needed by a job that assumes it, and removing any one of them leaves
 * some job without a grant. Evaluated with the shared IAM evaluator, conditions included. A missing grant names the
 * job, what it runs, the action and the resource.
 */
class CiRoleCoverageTest {

    static Stream<CiSetup> setups() {
        return CiSetup.all().stream();
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
                } else {
                    missing.addAll(CiSetup.missing(requirements, setup.statements(role), role));
                }
            });

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

    @TestFactory
    Stream<DynamicTest> everyActionARoleAllowsIsNeededByAJobThatAssumesIt() {
        return setups().flatMap(setup -> setup.roleNames().stream().map(role -> DynamicTest.dynamicTest(
                setup.configName() + ": " + role, () -> {
                    List<Requirement> needs = setup.requirementsOf(role);
                    List<String> unneeded = new ArrayList<>();
                    for (IamStatement statement : setup.statements(role)) {
                        if (!statement.allow()) {
                            continue;
                        }
                        assertThat(statement.notActions()).as("an Allow with NotAction grants what no job names")
                                .isEmpty();
                        for (String action : statement.actions()) {
                            boolean needed = needs.stream().anyMatch(r -> IamStatement.wildcardMatch(action,
                                    r.request().action(), true) && statement.coversResource(r.request().resource()));
                            if (!needed) {
                                unneeded.add(role + " allows " + action + " on " + statement.resources()
                                        + " (" + statement.raw().path("Sid").asText() + "), which no job needs");
                            }
                        }
                    }
                    assertThat(unneeded).isEmpty();
                })));
    }

    @TestFactory
    Stream<DynamicTest> removingAnyOneActionFromARoleLeavesAJobWithoutAGrant() {
        return setups().flatMap(setup -> setup.roleNames().stream().flatMap(role -> {
            List<IamStatement> statements = setup.statements(role);
            List<DynamicTest> tests = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                IamStatement statement = statements.get(i);
                for (String action : statement.allow() ? statement.actions() : List.<String>of()) {
                    int index = i;
                    tests.add(DynamicTest.dynamicTest(setup.configName() + ": " + role + " without " + action + " ("
                            + statement.raw().path("Sid").asText() + ")", () -> {
                        List<IamStatement> without = new ArrayList<>(statements);
                        List<String> fewer = new ArrayList<>(statement.actions());
                        fewer.remove(action);
                        without.set(index, new IamStatement(statement.allow(), fewer, statement.notActions(),
                                statement.resources(), statement.notResources(), statement.conditional(),
                                statement.raw()));

                        assertThat(CiSetup.missing(setup.requirementsOf(role), without, role)).isNotEmpty();
                    }));
                }
            }
            return tests.stream();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachJobPresentsTheSubjectItsRoleTrusts() {
        CiSetup setup = CiSetup.all().get(0);
        return setup.jobs().stream().filter(job -> job.roleVariable().isPresent()).map(job -> DynamicTest.dynamicTest(
                job.name(), () -> {
                    DeclaredResource role = RolePolicies.role(setup.graph(), setup.roleOf(job.name()));
                    String trusted = new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(role.inputs().path("assumeRolePolicy").asText())
                            .at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub/0")
                            .asText();
                    String repo = githubRepoClaim(setup.spec().ci()) + ":";
                    Optional<String> environment = job.environment();
                    // A job with an environment presents environment:<name> whatever triggered it; without one, the
                    // workflow runs only on main (its jobs check github.ref), so it presents ref:refs/heads/main.
                    String presented = environment.map(e -> repo + "environment:" + e)
                            .orElse(repo + "ref:refs/heads/main");
                    if (environment.isEmpty()) {
                        assertThat(WorkflowHygieneTest.jobNode(job).path("if").asText())
                                .as(job.name() + " runs only on main").contains("github.ref == 'refs/heads/main'");
                    }
                    assertThat(presented).as(job.name() + " assumes " + setup.roleOf(job.name())).isEqualTo(trusted);
                }));
    }

    /** How GitHub names the repository in its {@code sub} claim, in the form the repository's tokens carry. */
    private static String githubRepoClaim(stacks.spec.CiSpec ci) {
        return ci.subjectForm() == stacks.spec.CiSpec.SubjectForm.IMMUTABLE
                ? "repo:" + ci.githubOwner() + "@" + ci.githubOwnerId() + "/" + ci.githubRepo() + "@" + ci.githubRepoId()
                : "repo:" + ci.githubOwner() + "/" + ci.githubRepo();
    }
}
