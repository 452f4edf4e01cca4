package devmin.bench;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import devmin.testing.PolicyPackProcess;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures the policy pack as Pulumi runs it: process start to the port line (median of N starts), and the median
 * Analyze latency per resource over M calls:
 * {@code java -cp target/devmin.jar:target/test-classes devmin.bench.PolicyPackBench 5 500}.
 */
public final class PolicyPackBench {

    private PolicyPackBench() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<Long> toPort = new ArrayList<>();
        List<Long> analyze = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            try (PolicyPackProcess pack = new PolicyPackProcess()) {
                toPort.add(pack.millisToPort);
                for (int i = 0; i < calls && s == starts - 1; i++) {
                    String type = i % 2 == 0 ? "aws:cloudwatch/logGroup:LogGroup" : "aws:ecs/taskDefinition:TaskDefinition";
                    AnalyzeRequest request = AnalyzeRequest.newBuilder().setType(type).setName("r" + i)
                            .setUrn("urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$" + type + "::r" + i)
                            .setProperties(Struct.newBuilder().putFields("retentionInDays",
                                    Value.newBuilder().setNumberValue(7).build()).putFields("containerDefinitions",
                                    Value.newBuilder().setStringValue("[{\"name\":\"a\",\"image\":\"r@sha256:"
                                            + "a".repeat(64) + "\"}]").build())).build();
                    long t = System.nanoTime();
                    pack.analyzer.analyze(request);
                    analyze.add((System.nanoTime() - t) / 1_000);
                }
            }
        }
        toPort.sort(Long::compare);
        analyze.sort(Long::compare);
        System.out.printf("start to port line: %s ms, median %d ms%n", toPort, toPort.get(toPort.size() / 2));
        System.out.printf("Analyze over %d calls: median %d µs, p95 %d µs%n", analyze.size(),
                analyze.get(analyze.size() / 2), analyze.get((int) (analyze.size() * 0.95)));
    }
}
