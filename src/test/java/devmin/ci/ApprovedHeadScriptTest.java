package devmin.ci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .github/scripts/approved-head.sh}, the gate in front of every job that runs a pull request's code with the
 * Pulumi backend's secrets, run with bash, curl and jq against canned answers of GitHub's REST API (WireMock on
 * 127.0.0.1 as {@code GITHUB_API_URL}). Exit 0 only when someone with write access has an approval of exactly the
 * head commit as their latest verdict; 1 when not; 2 when the API could not say.
 */
class ApprovedHeadScriptTest {

    static final Path SCRIPT = Path.of(".github", "scripts", "approved-head.sh");
    static final String REPO = "example-org/fraud-platform";
    static final String HEAD = "a".repeat(40);
    static final String OLDER = "b".repeat(40);
    static final String TOKEN = "ghs_test-token-never-printed";
    static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer github;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void start() {
        github = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @BeforeEach
    void openPullRequestAtHead() {
        github.resetAll();
        pullRequest("open", HEAD);
        permission("maintainer", "write");
        permission("owner", "admin");
        permission("reader", "read");
    }

    @Test
    void anApprovalOfTheHeadByAUserWhoMayWriteIsApproved() throws Exception {
        reviews(1, review("maintainer", "APPROVED", HEAD));

        Run run = gate(HEAD);

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("maintainer\n");
    }

    @Test
    void anAdminsApprovalCountsAndEveryApproverIsNamed() throws Exception {
        reviews(1, review("owner", "APPROVED", HEAD), review("maintainer", "APPROVED", HEAD));

        Run run = gate(HEAD);

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).containsExactly("owner", "maintainer");
    }

    @Test
    void anApprovalOfAnOlderCommitIsNotApproved() throws Exception {
        reviews(1, review("maintainer", "APPROVED", OLDER));

        Run run = gate(HEAD);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("not approved");
    }

    @Test
    void anApprovalByAUserWhoMayOnlyReadIsNotApproved() throws Exception {
        reviews(1, review("reader", "APPROVED", HEAD));

        Run run = gate(HEAD);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("reader approved " + HEAD + " but may only read");
    }

    @Test
    void changesRequestedAfterAnApprovalByTheSameUserIsNotApproved() throws Exception {
        // GitHub: a collaborator who requested changes blocks until "the same collaborator submits another review
        // approving the changes" — each reviewer's latest verdict is what stands.
        reviews(1, review("maintainer", "APPROVED", HEAD), review("maintainer", "CHANGES_REQUESTED", HEAD));

        assertThat(gate(HEAD).exit()).isEqualTo(1);
    }

    @Test
    void anApprovalAfterChangesRequestedByTheSameUserIsApproved() throws Exception {
        reviews(1, review("maintainer", "CHANGES_REQUESTED", OLDER), review("maintainer", "APPROVED", HEAD));

        assertThat(gate(HEAD).exit()).isZero();
    }

    @Test
    void aCommentAfterAnApprovalLeavesTheApprovalStanding() throws Exception {
        reviews(1, review("maintainer", "APPROVED", HEAD), review("maintainer", "COMMENTED", HEAD));

        assertThat(gate(HEAD).exit()).isZero();
    }

    @Test
    void aDismissedApprovalIsNotApprovedEvenAfterAnEarlierApproval() throws Exception {
        // A dismissed review is listed with state DISMISSED; as the reviewer's latest verdict it stands, failing closed.
        reviews(1, review("maintainer", "APPROVED", HEAD), review("maintainer", "DISMISSED", HEAD));

        assertThat(gate(HEAD).exit()).isEqualTo(1);
    }

    @Test
    void anApprovalOnTheSecondPageOfReviewsIsFound() throws Exception {
        ObjectNode[] comments = new ObjectNode[100];
        for (int i = 0; i < comments.length; i++) {
            comments[i] = review("reader", "COMMENTED", OLDER);
        }
        reviews(1, comments);
        reviews(2, review("maintainer", "APPROVED", HEAD));

        Run run = gate(HEAD);

        assertThat(run.exit()).as(run.stderr()).isZero();
        github.verify(getRequestedFor(urlPathEqualTo("/repos/" + REPO + "/pulls/7/reviews"))
                .withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void aHeadThePullRequestHasMovedOnFromIsNotApproved() throws Exception {
        pullRequest("open", OLDER);
        reviews(1, review("maintainer", "APPROVED", HEAD));

        Run run = gate(HEAD);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("is now at " + OLDER);
    }

    @Test
    void aClosedPullRequestIsNotApproved() throws Exception {
        pullRequest("closed", HEAD);
        reviews(1, review("maintainer", "APPROVED", HEAD));

        assertThat(gate(HEAD).exit()).isEqualTo(1);
    }

    @Test
    void anErrorListingTheReviewsCannotBeVerified() throws Exception {
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/pulls/7/reviews"))
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Server Error\"}")));

        Run run = gate(HEAD);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("HTTP 502");
    }

    @Test
    void anErrorReadingTheApproversPermissionCannotBeVerified() throws Exception {
        reviews(1, review("maintainer", "APPROVED", HEAD));
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/collaborators/maintainer/permission"))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Resource not accessible\"}")));

        assertThat(gate(HEAD).exit()).isEqualTo(2);
    }

    @Test
    void anAnswerWithoutTheExpectedFieldsCannotBeVerified() throws Exception {
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/pulls/7")).willReturn(okJson("{\"number\":7}")));

        assertThat(gate(HEAD).exit()).isEqualTo(2);
    }

    @Test
    void anUnreachableApiCannotBeVerified() throws Exception {
        Run run = run(List.of(REPO, "7", HEAD), "http://127.0.0.1:1", TOKEN);

        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void withoutATokenNothingIsAsked() throws Exception {
        Run run = run(List.of(REPO, "7", HEAD), github.baseUrl(), "");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(github.getAllServeEvents()).isEmpty();
    }

    @Test
    void aHeadThatIsNotACommitShaCannotBeVerified() throws Exception {
        Run run = run(List.of(REPO, "7", "main"), github.baseUrl(), TOKEN);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(github.getAllServeEvents()).isEmpty();
    }

    @Test
    void theTokenIsSentAsABearerAndNeverPrinted() throws Exception {
        reviews(1, review("maintainer", "APPROVED", HEAD));

        Run run = gate(HEAD);

        github.verify(getRequestedFor(urlPathEqualTo("/repos/" + REPO + "/pulls/7"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
        assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    }

    // --- canned GitHub answers ---

    static void pullRequest(String state, String headSha) {
        ObjectNode pull = JSON.createObjectNode().put("number", 7).put("state", state);
        pull.putObject("head").put("sha", headSha);
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/pulls/7")).willReturn(okJson(pull.toString())));
    }

    static void reviews(int page, ObjectNode... reviews) {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode review : reviews) {
            list.add(review);
        }
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/pulls/7/reviews"))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(okJson(list.toString())));
    }

    static ObjectNode review(String login, String state, String commit) {
        ObjectNode review = JSON.createObjectNode().put("state", state).put("commit_id", commit);
        review.putObject("user").put("login", login);
        return review;
    }

    static void permission(String login, String permission) {
        ObjectNode answer = JSON.createObjectNode().put("permission", permission).put("role_name", permission);
        answer.putObject("user").put("login", login);
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/collaborators/" + login + "/permission"))
                .willReturn(okJson(answer.toString())));
    }

    // --- running the script ---

    static Run gate(String head) throws IOException, InterruptedException {
        return run(List.of(REPO, "7", head), github.baseUrl(), TOKEN);
    }

    static Run run(List<String> args, String apiUrl, String token) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        Path out = Files.createTempFile("approved-head", ".out");
        Path err = Files.createTempFile("approved-head", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("GITHUB_API_URL", apiUrl);
            builder.environment().put("GH_TOKEN", token);
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the gate answers within a minute").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
