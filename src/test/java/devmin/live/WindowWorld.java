package devmin.live;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MatchResult;

import devmin.testing.WindowFixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static devmin.live.AwsWire.jsonBody;
import static devmin.testing.WindowFixtures.CLUSTER;
import static devmin.testing.WindowFixtures.ECS;
import static devmin.testing.WindowFixtures.taskDefinition;

/**
 * The window commands' calls in the reachable world ({@link AwsWorld}), for the small window of
 * {@link devmin.testing.WindowFixtures}: service ig steady but with a task of its current deployment that crashed a
 * minute ago (so readiness reads its log); job seed-pack finishing with exit 0, job checker never finishing (so
 * {@code run} stops it at its deadline); this month's spend in Cost Explorer and the budget; and one passing verdict of
 * every kind in the evidence bucket.
 */
public final class WindowWorld {

    public static final String IG_TASK = ECS + "task/devmin-dev-min/0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public static final String IG_CRASHED = ECS + "task/devmin-dev-min/1b2c3d4e5f60718293a4b5c6d7e8f90a";
    public static final String SEED_PACK_TASK = ECS + "task/devmin-dev-min/2c3d4e5f60718293a4b5c6d7e8f90a1b";
    public static final String CHECKER_TASK = ECS + "task/devmin-dev-min/3d4e5f60718293a4b5c6d7e8f90a1b2c";
    public static final String DEPLOYMENT = "ecs-svc/1234567890123456789";
    public static final String REPOSITORY = WindowFixtures.REPOSITORY;
    public static final String STAMP = WindowFixtures.STAMP;
    public static final List<String> PHASE_FILES = WindowFixtures.PHASE_FILES;

    private WindowWorld() {
    }

    /** Adds the window's answers to {@code world}; {@code month} is the first day of the month budget-posture asks. */
    public static AwsWorld answer(AwsWorld world, String bucket, String digest, LocalDate month,
                                  Map<String, String> seedPackSecrets) {
        ecs(world, digest);
        world.answerWhen("ssm:GetParameters", r -> r.withRequestBody(containing("/confluent/lanes/seed-pack/")),
                jsonBody(parameters(seedPackSecrets)));
        world.answerWhen("logs:GetLogEvents", r -> r, jsonBody("{\"events\":[{\"timestamp\":1,\"message\":\"Traceback"
                + " (most recent call last):\"},{\"timestamp\":2,\"message\":\"ValueError: row 7 has no amount\"}],"
                + "\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}"));
        world.answerWhen("ce:GetCostAndUsage", r -> r, jsonBody("{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\""
                + month + "\",\"End\":\"" + month.plusMonths(1) + "\"},\"Total\":{\"UnblendedCost\":{\"Amount\":"
                + "\"12.5\",\"Unit\":\"USD\"}},\"Groups\":[],\"Estimated\":true}],\"DimensionValueAttributes\":[]}"));
        world.answerWhen("ce:GetCostForecast", r -> r, jsonBody("{\"Total\":{\"Amount\":\"3.1\",\"Unit\":\"USD\"},"
                + "\"ForecastResultsByTime\":[]}"));
        world.answerWhen("budgets:DescribeBudget", r -> r, jsonBody(budget("30", "12.0", "15.0")));
        evidence(world, bucket, digest);
        return world;
    }

    public static String budget(String limit, String actual, String forecast) {
        return "{\"Budget\":{\"BudgetName\":\"devmin-dev-min-monthly\",\"BudgetLimit\":{\"Amount\":\"" + limit
                + "\",\"Unit\":\"USD\"},\"TimeUnit\":\"MONTHLY\",\"BudgetType\":\"COST\",\"CalculatedSpend\":"
                + "{\"ActualSpend\":{\"Amount\":\"" + actual + "\",\"Unit\":\"USD\"},\"ForecastedSpend\":{\"Amount\":\""
                + forecast + "\",\"Unit\":\"USD\"}}}}";
    }

    static String parameters(Map<String, String> values) {
        StringBuilder list = new StringBuilder();
        values.forEach((path, value) -> list.append(list.length() == 0 ? "" : ",").append("{\"Name\":\"").append(path)
                .append("\",\"Type\":\"SecureString\",\"Value\":\"").append(value).append("\",\"Version\":1}"));
        return "{\"Parameters\":[" + list + "],\"InvalidParameters\":[]}";
    }

    private static void ecs(AwsWorld world, String digest) {
        world.answerWhen("ecs:DescribeServices", r -> r.withRequestBody(containing("\"services\":[\"ig\"]")),
                jsonBody("{\"services\":[" + WindowEcs.service("ig", 1, 1, WindowEcs.deployment(DEPLOYMENT, "PRIMARY",
                        taskDefinition("ig"), "COMPLETED", "")) + "],\"failures\":[]}"));
        world.answerWhen("ecs:ListTasks", r -> r.withRequestBody(containing("\"serviceName\":\"ig\""))
                .withRequestBody(containing("RUNNING")), jsonBody("{\"taskArns\":[\"" + IG_TASK + "\"]}"));
        world.answerWhen("ecs:ListTasks", r -> r.withRequestBody(containing("\"serviceName\":\"ig\""))
                .withRequestBody(containing("STOPPED")), jsonBody("{\"taskArns\":[\"" + IG_CRASHED + "\"]}"));
        Instant now = Instant.now();
        world.answerWhen("ecs:DescribeTasks", r -> r.withRequestBody(containing(IG_TASK)), jsonBody(WindowEcs.tasks(
                WindowEcs.running(IG_TASK, "ig", taskDefinition("ig"), DEPLOYMENT, now.minusSeconds(600), digest))));
        world.answerWhen("ecs:DescribeTasks", r -> r.withRequestBody(containing(IG_CRASHED)), jsonBody(WindowEcs.tasks(
                WindowEcs.stopped(IG_CRASHED, "service:ig", "ig", taskDefinition("ig"), DEPLOYMENT,
                        now.minusSeconds(60), 1, "EssentialContainerExited", "Essential container in task exited",
                        "", digest))));
        world.answerWhen("ecs:DescribeTasks", r -> r.withRequestBody(containing(SEED_PACK_TASK)), jsonBody(
                WindowEcs.tasks(WindowEcs.stopped(SEED_PACK_TASK, "family:devmin-dev-min-seed-pack", "seed-pack",
                        taskDefinition("seed-pack"), "devmin-run", now, 0, "EssentialContainerExited",
                        "Essential container in task exited", "", digest))));
        world.answerWhen("ecs:DescribeTasks", r -> r.withRequestBody(containing(CHECKER_TASK)), jsonBody(
                WindowEcs.tasks(WindowEcs.running(CHECKER_TASK, "checker", taskDefinition("checker"), "devmin-run",
                        now, digest).replace("service:checker", "family:devmin-dev-min-checker"))));
        for (String lane : List.of("ig", "seed-pack", "checker")) {
            world.answerWhen("ecs:DescribeTaskDefinition", r -> r.withRequestBody(containing(taskDefinition(lane))),
                    jsonBody(WindowEcs.taskDefinition(lane, REPOSITORY + "@" + digest)));
        }
        world.answerWhen("ecs:RunTask", r -> r.withRequestBody(containing(taskDefinition("seed-pack"))),
                jsonBody("{\"tasks\":[{\"taskArn\":\"" + SEED_PACK_TASK + "\",\"lastStatus\":\"PROVISIONING\"}],"
                        + "\"failures\":[]}"));
        world.answerWhen("ecs:RunTask", r -> r.withRequestBody(containing(taskDefinition("checker"))),
                jsonBody("{\"tasks\":[{\"taskArn\":\"" + CHECKER_TASK + "\",\"lastStatus\":\"PROVISIONING\"}],"
                        + "\"failures\":[]}"));
        world.answerWhen("ecs:StopTask", r -> r, jsonBody("{\"task\":{\"taskArn\":\"" + CHECKER_TASK + "\","
                + "\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"STOPPED\"}}"));
    }

    private static void evidence(AwsWorld world, String bucket, String digest) {
        world.answerWhen("s3:ListObjectsV2", r -> r, listing(bucket, "evidence/", List.of()));
        for (String file : PHASE_FILES) {
            String folder = "evidence/dev_min/dev-min/" + file.substring(0, file.indexOf('/') + 1);
            world.answerWhen("s3:ListObjectsV2", r -> r.withQueryParam("prefix", equalTo(folder)), listing(bucket,
                    folder, List.of(folder + STAMP + file.substring(file.indexOf('/')))));
        }
        String runs = "evidence/dev_min/dev-min/run/";
        world.answerWhen("s3:ListObjectsV2", r -> r.withQueryParam("prefix", equalTo(runs)), listing(bucket, runs,
                List.of(runs + STAMP + "/job_run_seed-pack.json")));
        for (String file : allFiles()) {
            String objectName = "/" + file.substring(file.indexOf('/') + 1);
            world.answerWhen("s3:GetObject", r -> r.andMatching(request -> MatchResult.of(request.getUrl()
                    .split("\\?", -1)[0].endsWith(objectName))),
                aResponse().withStatus(200).withHeader("ETag", "\"e1\"")
                    .withHeader("Content-Type", "application/json").withBody(passingVerdict(file, digest)));
        }
    }

    private static List<String> allFiles() {
        List<String> files = new java.util.ArrayList<>(PHASE_FILES);
        files.add("run/job_run_seed-pack.json");
        return files;
    }

    public static String passingVerdict(String file, String digest) {
        return WindowFixtures.passingVerdict(file, digest);
    }

    public static ResponseDefinitionBuilder listing(String bucket, String prefix, List<String> keys) {
        StringBuilder contents = new StringBuilder();
        keys.forEach(k -> contents.append("<Contents><Key>").append(k).append("</Key><Size>10</Size>")
                .append("<StorageClass>STANDARD</StorageClass></Contents>"));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                        + "2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>"
                        + keys.size() + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                        + contents + "</ListBucketResult>");
    }
}
