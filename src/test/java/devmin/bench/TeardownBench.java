package devmin.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.AwsWire;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import devmin.testing.Fixtures;
import stacks.spec.ConfigSource;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A clean-region teardown proof against WireMock with a fixed latency on every call, for 1 and 4 regions, in-process
 * (median of N runs after one warm-up, with the API call count):
 * {@code java -cp target/devmin.jar:target/test-classes:$(find ~/.m2 -name "wiremock-standalone-3.13.2.jar") devmin.bench.TeardownBench 100 5}.
 */
public final class TeardownBench {

    private TeardownBench() {
    }

    public static void main(String[] args) {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "bench");
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").containerThreads(64));
        server.start();
        try {
            server.setGlobalFixedDelay(latency);
            new AwsWire(server).cleanRegionAndIntactCore("devmin-dev-min-evidence-123456789012");
            var spec = SpecParser.parse(ConfigSource.of(Fixtures.committedConfig().values()), "devmin", "dev-min");
            int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
            for (List<String> regions : List.of(List.of("eu-west-2"),
                    List.of("eu-west-1", "eu-west-2", "us-east-1", "eu-central-1"))) {
                List<Long> times = new java.util.ArrayList<>();
                String outcome = "";
                for (int i = 0; i <= runs; i++) {
                    try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 4,
                            Duration.ofMillis(200), Duration.ofSeconds(20)))) {
                        long start = System.nanoTime();
                        Verdict verdict = TeardownProof.prove(aws, TeardownTarget.of(spec), regions, 16, 60_000,
                                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        if (i > 0) {
                            times.add(millis);
                        }
                        outcome = (verdict.overallPass() ? "PASS" : "FAIL") + ", " + verdict.checks().size()
                                + " checks, " + verdict.checks().stream().mapToInt(c -> c.apiCalls().size()).sum()
                                + " API calls";
                    }
                }
                List<Long> sorted = times.stream().sorted().toList();
                System.out.printf("%d region(s): %s; median %d ms of %d warm runs %s (latency %d ms per call)%n",
                        regions.size(), outcome, sorted.get(sorted.size() / 2), runs, times, latency);
            }
        } finally {
            server.stop();
        }
    }
}
