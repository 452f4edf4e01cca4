package devmin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.testing.CommittedHandles;
import devmin.testing.Fixtures;
import devmin.testing.Moto;
import devmin.testing.WindowFixtures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code devmin readiness} and {@code devmin certify} against moto, as an operator runs them: the jar in its own
 * process, wall time from process start to exit, median of N runs, with each run's API call count. Readiness judges
 * the committed stack's 14 services (seeded in moto on their declared revisions with no task desired, the only state
 * in which moto's services are steady); certify reads the window's verdicts from the local evidence root, then from
 * the evidence bucket. Needs {@code mvn -B -DskipTests package} first.
 * {@code java -cp target/devmin.jar:target/test-classes:$(find ~/.m2 -name "junit-jupiter-api-5.14.1.jar"):$(find ~/.m2 -name "opentest4j-1.3.0.jar") devmin.bench.WindowBench 5}
 */
public final class WindowBench {

    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "moto"));

    private WindowBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Moto moto = Moto.server();
        moto.reset();
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(Fixtures.committedConfig().values()), "devmin",
                "dev-min");
        Path work = Files.createTempDirectory("devmin-window-bench");
        Path outputs = WindowFixtures.stackOutputs(work.resolve("outputs.json"), seed(moto, spec));
        Path evidence = work.resolve("evidence");
        for (String file : WindowFixtures.PHASE_FILES) {
            Path folder = Files.createDirectories(evidence.resolve("dev_min").resolve(file.substring(0,
                    file.indexOf('/'))).resolve(WindowFixtures.STAMP));
            Files.writeString(folder.resolve(file.substring(file.indexOf('/') + 1)),
                    WindowFixtures.passingVerdict(file, spec.image().digest()));
        }
        measure(moto, work, "readiness, 14 services", "readiness_snapshot.json", runs,
                List.of("readiness", "--stack-outputs", outputs.toString()));
        measure(moto, work, "certify, local evidence", "certification_window.json", runs,
                List.of("certify", "--out", evidence.toString()));
        measure(moto, work, "certify --from-bucket", "certification_window.json", runs,
                List.of("certify", "--from-bucket"));
        System.exit(0);
    }

    static void measure(Moto moto, Path work, String what, String file, int runs, List<String> args)
            throws IOException, InterruptedException {
        List<Long> walls = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        int calls = -1;
        boolean pass = true;
        for (int i = 0; i < runs; i++) {
            Path out = Files.createTempDirectory(work, "run");
            List<String> command = new ArrayList<>(List.of("java", "-jar", "target/devmin.jar"));
            command.addAll(args);
            if (!args.contains("--out")) {
                command.addAll(List.of("--out", out.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID",
                    "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "moto", "AWS_EC2_METADATA_DISABLED", "true"));
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in 5 minutes");
            }
            walls.add((System.nanoTime() - start) / 1_000_000);
            JsonNode verdict = newest(args.contains("--out") ? work.resolve("evidence") : out, file);
            calls = verdict.get("api_calls").asInt();
            own.add(verdict.get("duration_ms").asLong());
            pass &= process.exitValue() == 0 && verdict.get("overall_pass").asBoolean();
        }
        System.out.printf("moto, %s: %s, %d API calls per run; wall from command start: median %d ms (runs %s);"
                + " the command's own duration_ms: median %d ms%n", what, pass ? "PASS" : "NOT PASS", calls,
                MotoTeardownBench.median(walls), walls, MotoTeardownBench.median(own));
    }

    static JsonNode newest(Path root, String file) throws IOException {
        try (var files = Files.walk(root)) {
            Path verdict = files.filter(p -> p.getFileName().toString().equals(file))
                    .max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
            return new ObjectMapper().readTree(verdict.toFile());
        }
    }

    /** The window in moto: handles, the cluster, each lane's task definition, each service, the published verdicts. */
    static Map<String, String> seed(Moto moto, EnvironmentSpec spec) {
        Map<String, String> handles = new LinkedHashMap<>();
        try (EcsClient ecs = EcsClient.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                .credentialsProvider(CREDENTIALS).build();
             Ec2Client ec2 = Ec2Client.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                     .credentialsProvider(CREDENTIALS).build();
             SsmClient ssm = SsmClient.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                     .credentialsProvider(CREDENTIALS).build();
             S3Client s3 = S3Client.builder().region(Region.EU_WEST_2).endpointOverride(moto.endpoint())
                     .forcePathStyle(true).credentialsProvider(CREDENTIALS).build()) {
            CommittedHandles.allPaths().forEach(path -> ssm.putParameter(b -> b.name(path).value("x")
                    .type(ParameterType.SECURE_STRING)));
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.1.0/24")).subnet().subnetId();
            String group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("lanes").description("lanes"))
                    .groupId();
            String cluster = ecs.createCluster(b -> b.clusterName("devmin-dev-min")).cluster().clusterArn();
            handles.put(HandleName.ECS_CLUSTER_ARN, cluster);
            handles.put(HandleName.ECS_SUBNET_IDS, subnet);
            handles.put(HandleName.ECS_SECURITY_GROUP_ID, group);
            for (LaneSpec lane : spec.lanes()) {
                String definition = ecs.registerTaskDefinition(b -> b.family("devmin-dev-min-" + lane.name())
                        .networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu(String.valueOf(lane.cpu())).memory(String.valueOf(lane.memory()))
                        .containerDefinitions(ContainerDefinition.builder().name(lane.name())
                                .image(WindowFixtures.REPOSITORY + "@"
                                + spec.image().digest()).build())).taskDefinition().taskDefinitionArn();
                handles.put(HandleName.taskDefinition(lane.name()), definition);
                if (lane.isService()) {
                    ecs.createService(b -> b.cluster(cluster).serviceName(lane.name()).taskDefinition(definition)
                            .desiredCount(0).launchType(LaunchType.FARGATE).networkConfiguration(n -> n
                                    .awsvpcConfiguration(v -> v.subnets(subnet).securityGroups(group))));
                }
            }
            s3.createBucket(b -> b.bucket("devmin-dev-min-evidence-123456789012")
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-2")));
            for (String file : WindowFixtures.PHASE_FILES) {
                s3.putObject(b -> b.bucket("devmin-dev-min-evidence-123456789012").key("evidence/dev_min/dev-min/"
                        + file.replace("/", "/" + WindowFixtures.STAMP + "/")), RequestBody.fromString(
                        WindowFixtures.passingVerdict(file, spec.image().digest())));
            }
        }
        return handles;
    }
}
