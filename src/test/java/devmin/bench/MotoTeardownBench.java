package devmin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.testing.Moto;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import devmin.testing.CommittedHandles;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The teardown proof against moto, as an operator runs it: {@code java -jar target/devmin.jar verify-teardown} in its
 * own process, wall time from process start to exit, median of N runs, for 1 and 4 regions, with the API call count
 * of each run. Needs {@code mvn -B -DskipTests package} first; starts (and if needed installs) moto itself.
 * {@code java -cp target/devmin.jar:target/test-classes:$(find ~/.m2 -name "junit-jupiter-api-5.14.1.jar"):$(find ~/.m2 -name "opentest4j-1.3.0.jar") devmin.bench.MotoTeardownBench 5}
 */
public final class MotoTeardownBench {

    static final List<String> FOUR = List.of("eu-west-2", "eu-west-1", "us-east-1", "eu-central-1");

    private MotoTeardownBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Moto moto = Moto.server();
        moto.reset();
        seedCore(moto);
        Path out = Files.createTempDirectory("devmin-bench");
        for (List<String> regions : List.of(List.of("eu-west-2"), FOUR)) {
            List<Long> walls = new ArrayList<>();
            List<Long> own = new ArrayList<>();
            int calls = -1;
            long slowest = 0;
            boolean pass = true;
            for (int i = 0; i < runs; i++) {
                Path runOut = Files.createDirectories(out.resolve(regions.size() + "-" + i));
                List<String> command = new ArrayList<>(List.of("java", "-jar", "target/devmin.jar", "verify-teardown",
                        "--out", runOut.toString()));
                regions.forEach(r -> command.addAll(List.of("--region", r)));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "moto", "AWS_EC2_METADATA_DISABLED",
                        "true"));
                long start = System.nanoTime();
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("verify-teardown did not finish in 5 minutes");
                }
                walls.add((System.nanoTime() - start) / 1_000_000);
                JsonNode proof = proof(runOut);
                slowest = Math.max(slowest, slowestCheck(proof));
                calls = proof.get("api_calls").asInt();
                own.add(proof.get("duration_ms").asLong());
                pass &= process.exitValue() == 0 && proof.get("overall_pass").asBoolean();
            }
            System.out.printf("moto, %d region(s): %s, %d API calls per run; wall from command start: median %d ms"
                            + " (runs %s); the command's own duration_ms: median %d ms; slowest check %d ms%n",
                    regions.size(), pass ? "PASS" : "NOT PASS", calls, median(walls), walls, median(own), slowest);
        }
        System.exit(0);
    }

    static void seedCore(Moto moto) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "moto"));
        try (S3Client s3 = S3Client.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                .forcePathStyle(true).credentialsProvider(credentials).build();
             EcrClient ecr = EcrClient.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                     .credentialsProvider(credentials).build();
             SsmClient ssm = SsmClient.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                     .credentialsProvider(credentials).build();
             CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.EU_WEST_2)
                     .endpointOverride(moto.endpoint()).credentialsProvider(credentials).build()) {
            s3.createBucket(b -> b.bucket("devmin-dev-min-evidence-123456789012")
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-2")));
            ecr.createRepository(b -> b.repositoryName("fraud-platform"));
            for (String path : CommittedHandles.allPaths()) {
                ssm.putParameter(b -> b.name(path).value("x").type(ParameterType.SECURE_STRING));
            }
            for (String lane : CommittedHandles.LANES) {
                logs.createLogGroup(b -> b.logGroupName(CommittedHandles.ROOT + "/" + lane));
            }
        }
    }

    static JsonNode proof(Path out) throws IOException {
        try (var files = Files.walk(out)) {
            Path proof = files.filter(p -> p.getFileName().toString().equals("teardown_proof.json")).findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(proof.toFile());
        }
    }

    static long slowestCheck(JsonNode proof) {
        long slowest = 0;
        for (JsonNode check : proof.get("checks")) {
            slowest = Math.max(slowest, check.get("duration_ms").asLong());
        }
        return slowest;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
